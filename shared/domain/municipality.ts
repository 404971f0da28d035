/**
 * 市町村: which municipality a clinic is in, shown beside its name so that two 「佐藤眼科」 can be
 * told apart, and a filter of the clinic list. Derived from the postal code and the address (never
 * typed), so it is stored beside them and computed again on every machine that writes them.
 *
 * Decisions (what staff see):
 * - The postal code decides when it names one municipality; otherwise the start of the address
 *   does (the longest municipality name it starts with, after an optional prefecture).
 * - A town or village is shown without its 郡: 「鹿児島県姶良郡湧水町」 → 湧水町. The 郡 stays only
 *   where two towns of one prefecture would otherwise read the same (none do in Japan Post's list
 *   today, but the rule does not depend on it).
 * - A ward of a 政令指定都市 counts as its city: 「福岡市中央区」 → 福岡市. 市町村 is the column's
 *   meaning, and filtering by 福岡市 should find every ward.
 * - A name that several prefectures have (伊達市, 府中市, 美里町) is shown with its prefecture:
 *   北海道伊達市. No municipality of Kagoshima needs it.
 * - Nothing recognised (an empty address, a pre-merger name such as 国分市): '' (not shown).
 */

/** A municipality as Japan Post's list names it: JIS code, prefecture, 「姶良郡湧水町」 or 「福岡市中央区」. */
export interface OfficialMunicipality {
  code: string;
  prefecture: string;
  name: string;
}

/** Where the derivation looks things up: Japan Post's postal codes and municipality list (electron/core/postal). */
export interface MunicipalityDirectory {
  /** The JIS codes of the municipalities a 7-digit postal code belongs to. */
  codesOfPostalCode(digits: string): readonly string[];
  /** Every municipality that has a postal code. */
  municipalities: readonly OfficialMunicipality[];
}

export interface MunicipalityDeriver {
  /** The 市町村 of a clinic's postal code and address, or '' when neither names one. */
  (fields: { postalCode: string; address: string }): string;
  /** The JIS code a derived name stands for (the filter lists them in the prefecture's own order). */
  codeOf(municipality: string): string | undefined;
}

/** Towns and villages have JIS codes from 300 on; cities below, wards of a 政令市 from 100 to 199. */
const isTownOrVillage = (code: string) => Number(code.slice(2)) >= 300;
const wardOf = /^(.+?市).+区$/;

function baseLabel(m: OfficialMunicipality): string {
  if (isTownOrVillage(m.code)) {
    const gun = m.name.indexOf('郡');
    if (gun > 0) return m.name.slice(gun + 1);
  }
  return wardOf.exec(m.name)?.[1] ?? m.name;
}

/** The name each municipality is shown by (see the decisions above), by JIS code. */
export function municipalityLabels(all: readonly OfficialMunicipality[]): Map<string, string> {
  const labels = new Map<string, string>();
  const holders = new Map<string, Set<string>>();
  const inPrefecture = new Map<string, Set<string>>();
  for (const m of all) {
    const label = baseLabel(m);
    const key = `${m.prefecture}\u0000${label}`;
    if (!inPrefecture.has(key)) inPrefecture.set(key, new Set());
    inPrefecture.get(key)!.add(wardOf.exec(m.name)?.[1] ?? m.name);
  }
  for (const m of all) {
    // Two different towns of one prefecture reading the same keep their 郡.
    const local = inPrefecture.get(`${m.prefecture}\u0000${baseLabel(m)}`)!.size > 1 ? m.name : baseLabel(m);
    labels.set(m.code, local);
    if (!holders.has(local)) holders.set(local, new Set());
    holders.get(local)!.add(m.prefecture);
  }
  for (const m of all) {
    const label = labels.get(m.code)!;
    if (holders.get(label)!.size > 1) labels.set(m.code, `${m.prefecture}${label}`);
  }
  return labels;
}

const spaces = /[\s\u3000]+/g;

/**
 * Builds the derivation over a directory. Lookups are cached (an import derives 200,000 rows;
 * most share a few hundred postal codes), so it is a function to keep, not to call per row.
 */
export function createMunicipalityDeriver(directory: MunicipalityDirectory): MunicipalityDeriver {
  const labels = municipalityLabels(directory.municipalities);
  const byCode = new Map(directory.municipalities.map((m) => [m.code, m]));
  const codeOfLabel = new Map<string, string>();
  // Every way an address may start: 「姶良郡湧水町」, 「湧水町」, 「福岡市中央区」, 「福岡市」.
  const starts = new Map<string, Set<string>>();
  const addStart = (text: string, code: string) => {
    if (!starts.has(text)) starts.set(text, new Set());
    starts.get(text)!.add(code);
  };
  let longest = 0;
  for (const m of directory.municipalities) {
    const label = labels.get(m.code)!;
    if (!codeOfLabel.has(label) || Number(m.code) < Number(codeOfLabel.get(label))) codeOfLabel.set(label, m.code);
    for (const text of [m.name, baseLabel(m)]) {
      addStart(text, m.code);
      longest = Math.max(longest, text.length);
    }
  }
  const prefectures = [...new Set(directory.municipalities.map((m) => m.prefecture))];
  // A postal code's municipalities, and its label when they are one (most codes).
  const byPostalCode = new Map<string, { codes: readonly string[]; label: string | undefined }>();

  const fromAddress = (address: string, among: ReadonlySet<string> | undefined): string => {
    // Only the start can name the municipality: a prefecture and the longest name fit in 24 characters.
    let rest = address.slice(0, 24).normalize('NFKC').replace(spaces, '');
    const prefecture = prefectures.find((p) => rest.startsWith(p));
    if (prefecture) rest = rest.slice(prefecture.length);
    for (let length = Math.min(longest, rest.length); length >= 2; length--) {
      const codes = starts.get(rest.slice(0, length));
      if (!codes) continue;
      const found = new Set(
        [...codes].filter((code) => (!prefecture || byCode.get(code)!.prefecture === prefecture) && (!among || among.has(code))).map((code) => labels.get(code)!),
      );
      // A name several prefectures share, with no prefecture or postal code to choose: unknown.
      if (found.size === 1) return [...found][0]!;
      if (found.size > 1) return '';
    }
    return '';
  };

  const derive = ({ postalCode, address }: { postalCode: string; address: string }): string => {
    let known = byPostalCode.get(postalCode);
    if (!known) {
      const digits = postalCode.replace(/\D/g, '');
      const codes = digits.length === 7 ? directory.codesOfPostalCode(digits) : [];
      const named = new Set(codes.map((code) => labels.get(code)).filter((label) => label !== undefined));
      known = { codes, label: named.size === 1 ? [...named][0] : undefined };
      byPostalCode.set(postalCode, known);
    }
    if (known.label !== undefined) return known.label;
    // A code shared by several municipalities: the address says which of them.
    return fromAddress(address, known.codes.length > 1 ? new Set(known.codes) : undefined);
  };
  return Object.assign(derive, { codeOf: (municipality: string) => codeOfLabel.get(municipality) });
}
