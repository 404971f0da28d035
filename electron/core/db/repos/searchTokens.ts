/**
 * Turns already-normalised text into the bigram tokens of the search index. Every adjacent pair
 * of characters is one token, so "かごしま" is indexed as "かご ごし しま", and a query is the
 * phrase of its own bigrams: consecutive tokens, hence a substring match.
 */
export function toBigramTokens(normalized: string): string {
  const chars = [...normalized];
  if (chars.length < 2) return chars.join('');
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams.join(' ');
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
