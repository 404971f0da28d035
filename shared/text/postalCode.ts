import type { Parsed } from './phoneNumber.ts';

/** Reads 8900053, 890-0053 or ８９０－００５３ (any hyphen, optional 〒) as 890-0053. */
export function parsePostalCode(input: string): Parsed<string> {
  const compact = input.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ｰー〒]/g, '');
  if (compact === '') return { ok: true, value: '' };
  if (!/^\d{7}$/.test(compact)) return { ok: false, message: '郵便番号は7桁の数字で入力してください（例：890-0053）' };
  return { ok: true, value: `${compact.slice(0, 3)}-${compact.slice(3)}` };
}
