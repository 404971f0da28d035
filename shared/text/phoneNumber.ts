import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Hyphens, dashes and minus signs staff and Excel produce for the separator. */
const separators = /[\s\-‐‑‒–—―−ｰー－()（）［］[\]]/g;

/**
 * Reads a Japanese phone or FAX number typed any way (full-width digits, brackets, any hyphen)
 * and returns it in the one stored form, hyphenated by area code as Japanese numbers are
 * written: 099-254-8126, 0995-21-2345, 090-1234-5678. Area-code hyphenation follows the
 * numbering plan, which is why this uses libphonenumber's full metadata instead of a pattern.
 */
export function parsePhoneNumber(input: string, label = '電話番号'): Parsed<string> {
  const compact = input.normalize('NFKC').replace(separators, '');
  if (compact === '') return { ok: true, value: '' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, message: `${label}は数字とハイフン・かっこで入力してください` };
  const parsed = parsePhoneNumberFromString(compact, 'JP');
  if (!parsed || parsed.country !== 'JP' || !parsed.isValid()) {
    return { ok: false, message: `${label}の桁数または市外局番が正しくありません（例：099-254-8126）` };
  }
  return { ok: true, value: parsed.formatNational() };
}
