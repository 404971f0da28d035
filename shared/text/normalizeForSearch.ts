/**
 * Normalisation for the search shadow columns: the stored value keeps what the user typed,
 * this form only decides what matches. NFKC folds half-width katakana and full-width digits,
 * katakana become hiragana so that either script finds the other, and spaces, hyphens and
 * punctuation are dropped because staff type phone numbers and names with or without them.
 */
export function normalizeForSearch(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const char of folded) {
    const code = char.codePointAt(0) ?? 0;
    // Katakana ァ..ヶ map one-to-one onto hiragana ぁ..ゖ, 0x60 code points below.
    if (code >= 0x30a1 && code <= 0x30f6) {
      out += String.fromCodePoint(code - 0x60);
    } else if (code === 0x30fd || code === 0x30fe) {
      out += String.fromCodePoint(code - 0x60); // ヽヾ -> ゝゞ
    } else if (isSearchable(char)) {
      out += char;
    }
  }
  return out;
}

/** Letters, digits and the long-vowel mark count; spaces, hyphens and punctuation do not. */
function isSearchable(char: string): boolean {
  return /[\p{L}\p{N}\p{M}]/u.test(char);
}

/** Converts katakana to hiragana without any other change (for ふりがな input helpers). */
export function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
