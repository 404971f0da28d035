import iconv from 'iconv-lite';

/**
 * Characters that look the same but that Windows' Shift_JIS (CP932) spells with another code
 * point: the well-known 波ダッシュ problem between JIS and Microsoft's table. Text typed on a Mac
 * or copied from the web carries the left-hand ones; writing the right-hand ones loses nothing.
 */
const cp932Equivalents: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH -> ～
  '\u2212': '\uFF0D', // − MINUS SIGN -> －
  '\u2014': '\u2015', // — EM DASH -> ―
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE -> ∥
  '\u00A2': '\uFFE0', // ¢ -> ￠
  '\u00A3': '\uFFE1', // £ -> ￡
  '\u00AC': '\uFFE2', // ¬ -> ￢
};
const equivalentPattern = new RegExp(`[${Object.keys(cp932Equivalents).join('')}]`, 'g');

/** The same text with look-alike characters swapped for the ones CP932 has. */
export function toCp932Equivalents(text: string): string {
  return text.replace(equivalentPattern, (c) => cp932Equivalents[c]!);
}

const encodable = new Map<string, boolean>();

/** Whether CP932 can write this one character (after the look-alike swap). */
export function isCp932Encodable(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    // iconv-lite writes '?' for a character its table lacks.
    known = char === '?' || iconv.encode(char, 'cp932').toString('latin1') !== '?';
    encodable.set(char, known);
  }
  return known;
}

/** Distinct characters of `text` that CP932 cannot write, in order of first appearance. */
export function unencodableInCp932(text: string): string[] {
  const found: string[] = [];
  // Printable ASCII is always fine; most cells are all ASCII or all common kanji.
  if (/^[\x20-\x7e]*$/.test(text)) return found;
  for (const char of toCp932Equivalents(text)) {
    if (!isCp932Encodable(char) && !found.includes(char)) found.push(char);
  }
  return found;
}

/** The text with every character CP932 cannot write replaced by `mark`. */
export function replaceUnencodable(text: string, mark: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const char of toCp932Equivalents(text)) out += isCp932Encodable(char) ? char : mark;
  return out;
}

/** CP932 bytes of text already checked or replaced; look-alikes are swapped on the way. */
export function encodeCp932Text(text: string): Buffer {
  return iconv.encode(toCp932Equivalents(text), 'cp932');
}
