/** Digits with the separators a phone number is typed with (the form writes it in its stored shape on save). */
const phoneLike = /^[\d\s\-‐‑‒–—―−ー()+]*\d[\d\s\-‐‑‒–—―−ー()+]*$/;
/** Hiragana, katakana and the marks written among them: a reading, not a name. */
const kanaOnly = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・゛゜\s]+$/u;

/**
 * The new clinic's fields from the words the clerk searched for in the clinic chooser and did
 * not find, so nothing is typed twice: a reading goes to ふりがな, a number to 電話番号, anything
 * else to 医療機関名. Kept as typed; the form's own checks normalise them on save.
 */
export function draftFromSearch(words: string): { name?: string; nameKana?: string; phone?: string } {
  const typed = words.trim();
  if (typed === '') return {};
  const folded = typed.normalize('NFKC');
  if (phoneLike.test(folded)) return { phone: typed };
  if (kanaOnly.test(folded)) return { nameKana: typed };
  return { name: typed };
}
