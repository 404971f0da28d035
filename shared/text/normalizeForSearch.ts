/**
 * The version of what the search columns and indexes are built from: normalizeForSearch and the
 * index tokens made of its output. It is stored in the database beside them; raise it with any
 * change that alters their output, and the core rebuilds every clinic's search columns and index
 * entries at the next start (with progress on the start screen) instead of leaving old rows
 * unfindable by the new rules.
 */
export const searchNormalizationVersion = 1;

/**
 * Normalisation for the search shadow columns: the stored value keeps what the user typed,
 * this form only decides what matches. NFKC folds half-width katakana and full-width digits,
 * katakana become hiragana so that either script finds the other, and spaces, hyphens and
 * punctuation are dropped because staff type phone numbers and names with or without them.
 */
export function normalizeForSearch(text: string): string {
  // Two regular expressions over the whole string: every keystroke and every imported cell
  // passes through here, and a loop testing each character took twice as long.
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(notSearchable, '')
    .replace(katakana, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Letters, digits and marks count (the long-vowel mark is a letter); spaces, hyphens and punctuation do not. */
const notSearchable = /[^\p{L}\p{N}\p{M}]+/gu;
/** Katakana ァ..ヶ and ヽヾ map one-to-one onto hiragana ぁ..ゖ and ゝゞ, 0x60 code points below. */
const katakana = /[\u30a1-\u30f6\u30fd\u30fe]/g;

/** Converts katakana to hiragana without any other change (for ふりがな input helpers). */
export function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
