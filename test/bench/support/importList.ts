import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../../../electron/core/db/connection.ts';
import { generateClinics } from '../../../electron/core/db/seed/generateClinics.ts';
import { toBigramTokens } from '../../../electron/core/db/repos/searchTokens.ts';
import { clinicInsertSql } from '../../../electron/core/db/repos/clinicRecords.ts';
import { municipalityOf } from '../../../electron/core/postal/municipalityOf.ts';
import { clinicIndexSql } from '../../../electron/core/db/repos/clinicSearchIndex.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import type { ClinicFields } from '../../../shared/domain/clinic.ts';
import { normalizeForSearch } from '../../../shared/text/normalizeForSearch.ts';
import { since } from './stats.ts';

/**
 * Institutions for a database and for a list to import into it, all different by 会員番号,
 * phone and name with address (so the import takes every row, as the bare reference does).
 * 𠮷 has no Shift_JIS code and becomes 吉, as it would in a list from Excel; 髙 and 﨑 stay.
 */
export function importInstitutions(registeredCount: number, listedCount: number, seed: number): { registered: ClinicFields[]; listed: ClinicFields[] } {
  const seen = new Set<string>();
  const unique: ClinicFields[] = [];
  const wanted = registeredCount + listedCount;
  // Common names in the same town repeat: generate in rounds until enough distinct ones are found.
  for (let round = 0; unique.length < wanted && round < 5; round++) {
    const batch = Math.ceil((wanted - unique.length) * 1.3);
    for (const generated of generateClinics(batch, seed + round, round * 10_000_000)) {
      const clinic = { ...generated, name: generated.name.replaceAll('𠮷', '吉'), contactPerson: generated.contactPerson.replaceAll('𠮷', '吉') };
      const keys = [`p:${normalizeForSearch(clinic.phone)}`, `n:${normalizeForSearch(clinic.name)}|${normalizeForSearch(clinic.address)}`];
      if (clinic.memberNumber) keys.push(`m:${clinic.memberNumber}`);
      if (keys.some((k) => seen.has(k))) continue;
      for (const k of keys) seen.add(k);
      unique.push(clinic);
      if (unique.length === wanted) break;
    }
  }
  if (unique.length < wanted) throw new Error(`only ${unique.length} of ${wanted} distinct generated institutions`);
  return { registered: unique.slice(0, registeredCount), listed: unique.slice(registeredCount) };
}

/** A list as Excel on Japanese Windows saves 「CSV（コンマ区切り）」: Shift_JIS (CP932), CRLF. */
export function shiftJisList(header: readonly string[], body: readonly (readonly string[])[]): Buffer {
  const text = stringify([header, ...body], { record_delimiter: '\r\n' });
  const bytes = iconv.encode(text, 'cp932');
  if (iconv.decode(bytes, 'cp932') !== text) throw new Error('the list has characters Shift_JIS cannot hold');
  return bytes;
}

/** A country's roster as public lists and office rosters have it. */
const rosterHeader = ['医療機関名', 'ふりがな', '種別', '病床数', '郵便番号', '所在地', '電話', 'FAX', '会員番号'];

/**
 * 種別 as staff type it: 無床, 有床診療所, a bare 診療所 its 病床数 decides, 老健, and so on.
 * Every word decides the kind, so that each row really is written.
 */
function kindWord(clinic: ClinicFields, i: number): string {
  const pick = (words: string[]) => words[i % words.length]!;
  switch (clinic.kind) {
    case 'clinic_no_beds':
      return pick(['無床', '無床診療所', '診療所']);
    case 'clinic_with_beds':
      return pick(['有床', '有床診療所', '診療所']);
    case 'hospital':
      return '病院';
    case 'geriatric_facility':
      return pick(['老健', '介護老人保健施設']);
    default:
      return 'その他';
  }
}

export function rosterOf(clinics: readonly ClinicFields[]): Buffer {
  const body = clinics.map((c, i) => [
    c.name,
    c.nameKana,
    kindWord(c, i),
    c.bedCount === null ? '' : String(c.bedCount),
    c.postalCode,
    c.address,
    c.phone,
    c.fax,
    // Every row has one, six digits with its zeros, as an office numbers its members.
    String(i + 1).padStart(6, '0'),
  ]);
  return shiftJisList(rosterHeader, body);
}

/** A fresh copy of a prepared data folder's database (an import changes it). */
export function copyDataDir(from: string, to: string): string {
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(from, databaseFileName), path.join(to, databaseFileName));
  return to;
}

/**
 * The bare reference: the same rows already parsed and normalised, prepared INSERTs into
 * clinics and both search indexes, one transaction. Returns the milliseconds of the writes.
 */
export function bareInsert(dbFile: string, clinics: readonly ClinicFields[]): number {
  const now = new Date().toISOString();
  const values = clinics.map((c) => {
    const nameNorm = normalizeForSearch(c.name);
    const kanaNorm = normalizeForSearch(c.nameKana);
    const phoneDigits = normalizeForSearch(c.phone);
    const search = [nameNorm, kanaNorm, normalizeForSearch(c.address), phoneDigits, normalizeForSearch(c.fax), normalizeForSearch(c.memberNumber)];
    return {
      row: { id: uuidv7(), ...c, name_norm: nameNorm, kana_norm: kanaNorm, phone_digits: phoneDigits, municipality: municipalityOf(c), now, machineId: 'bench', staffId: null },
      search,
      tokens: search.map(toBigramTokens),
    };
  });
  const db = openDatabase(dbFile);
  try {
    const insert = db.prepare(clinicInsertSql);
    const bigrams = db.prepare(clinicIndexSql.bigrams);
    const trigrams = db.prepare(clinicIndexSql.trigrams);
    const started = performance.now();
    db.transaction(() => {
      for (const { row, search, tokens } of values) {
        const seq = insert.run(row).lastInsertRowid;
        bigrams.run(seq, ...tokens);
        trigrams.run(seq, ...search);
      }
    })();
    return since(started);
  } finally {
    db.close();
  }
}
