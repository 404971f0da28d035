import type { ClinicFields } from '../../../../shared/domain/clinic.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { statement, type Db } from '../connection.ts';
import { toBigramTokens } from './searchTokens.ts';

/** The fields of a clinic its search entries are made of. */
export type SearchedFields = Pick<ClinicFields, 'address' | 'phone' | 'fax' | 'memberNumber'>;

/** The clinic's searchable fields, normalised, in the column order of both search indexes. */
function searchTexts(fields: SearchedFields, shadows: SearchShadows): string[] {
  return [shadows.name_norm, shadows.kana_norm, normalizeForSearch(fields.address), shadows.phone_digits, normalizeForSearch(fields.fax), normalizeForSearch(fields.memberNumber)];
}

/**
 * The statements that write a clinic's two search entries, shared with the import bench, whose
 * reference must insert exactly what the app inserts.
 */
export const clinicIndexSql = {
  bigrams: 'INSERT INTO clinic_search (rowid, name, kana, address, phone, fax, member) VALUES (?, ?, ?, ?, ?, ?, ?)',
  trigrams: 'INSERT INTO clinic_trigrams (rowid, name, kana, address, phone, fax, member) VALUES (?, ?, ?, ?, ?, ?, ?)',
} as const;

/** Adds a clinic's entries to both indexes, keyed by its row number; callers own the transaction. */
export function indexClinic(db: Db, seq: number, fields: SearchedFields, shadows: SearchShadows): void {
  const texts = searchTexts(fields, shadows);
  statement(db, clinicIndexSql.bigrams).run(seq, ...texts.map(toBigramTokens));
  statement(db, clinicIndexSql.trigrams).run(seq, ...texts);
}

/** Removes a clinic's entries (contentless_delete lets FTS5 drop a row by number alone). */
export function unindexClinic(db: Db, seq: number): void {
  statement(db, 'DELETE FROM clinic_search WHERE rowid = ?').run(seq);
  statement(db, 'DELETE FROM clinic_trigrams WHERE rowid = ?').run(seq);
}

/**
 * Merges each search index into one segment (FTS5 'optimize'). Rows added one transaction at a
 * time leave an index in many segments that every search reads in turn; merged, a search at
 * 200,000 clinics took a fifth less time (p95 1.9 to 1.6 ms). Run once a day by the background
 * care and after `npm run seed`; at a prefecture's size it takes milliseconds (0.9 s per index at
 * 200,000).
 */
export function mergeSearchIndexes(db: Db): void {
  db.exec(`INSERT INTO clinic_search (clinic_search) VALUES ('optimize');
           INSERT INTO clinic_trigrams (clinic_trigrams) VALUES ('optimize');`);
}

/** A row's shadow columns, which its search entries reuse rather than normalise again. */
export type SearchShadows = ReturnType<typeof shadowColumns>;

/** The normalised shadow columns of a clinic's row: what search and duplicate checks compare. */
export function shadowColumns(fields: Pick<ClinicFields, 'name' | 'nameKana' | 'phone'>) {
  return {
    name_norm: normalizeForSearch(fields.name),
    kana_norm: normalizeForSearch(fields.nameKana),
    phone_digits: normalizeForSearch(fields.phone),
  };
}
