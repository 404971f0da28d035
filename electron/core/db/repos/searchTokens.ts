/**
 * Turns already-normalised text into the bigram tokens of the search index. Every adjacent pair
 * of characters is one token, so "かごしま" is indexed as "かご ごし しま", and a query is the
 * phrase of its own bigrams: consecutive tokens, hence a substring match.
 */
export function toBigramTokens(normalized: string): string {
  // Built in one pass (every imported clinic's six columns come through here).
  let tokens = '';
  let previous = '';
  for (const char of normalized) {
    if (previous !== '') tokens += tokens === '' ? previous + char : ` ${previous}${char}`;
    previous = char;
  }
  return tokens === '' ? previous : tokens;
}

/** The FTS5 MATCH expression for a normalised query of at least two characters. */
export function toPhraseQuery(normalized: string): string {
  // Normalised text holds letters and digits only, so no FTS5 syntax can leak into the phrase.
  return `"${toBigramTokens(normalized)}"`;
}

/** The smallest string greater than every string starting with `prefix` (for index ranges). */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return '';
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}
