import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

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
  return { ok: true, value: hyphenated(parsed) };
}

/**
 * Where the hyphens go depends on the area code and the local exchange, never on the last four
 * digits (the subscriber number, 加入者番号), so numbers that share everything else are written
 * alike. libphonenumber picks the format by testing the plan's patterns one after another, the
 * slowest step of reading a roster (two numbers a row, 200,000 rows); the hyphen positions it
 * chose are remembered by everything but those four digits and the length.
 */
const hyphenPositions = new Map<string, readonly number[]>();
const maxRemembered = 20_000;

function hyphenated(parsed: PhoneNumber): string {
  const national = parsed.nationalNumber;
  const key = `${national.length}:${national.slice(0, -4)}`;
  const positions = hyphenPositions.get(key);
  if (positions) return withHyphens(`0${national}`, positions);
  const formatted = parsed.formatNational();
  const learned = positionsIn(formatted);
  // Only a plain 0 + digits + hyphens form is remembered; anything else is returned as formatted.
  if (learned && formatted.replace(/-/g, '') === `0${national}`) {
    if (hyphenPositions.size >= maxRemembered) hyphenPositions.clear();
    hyphenPositions.set(key, learned);
  }
  return formatted;
}

function positionsIn(formatted: string): number[] | null {
  if (!/^0\d+(?:-\d+)*$/.test(formatted)) return null;
  const positions: number[] = [];
  let digits = 0;
  for (const char of formatted) {
    if (char === '-') positions.push(digits);
    else digits++;
  }
  return positions;
}

function withHyphens(digits: string, positions: readonly number[]): string {
  let out = '';
  let from = 0;
  for (const at of positions) {
    out += `${digits.slice(from, at)}-`;
    from = at;
  }
  return out + digits.slice(from);
}
