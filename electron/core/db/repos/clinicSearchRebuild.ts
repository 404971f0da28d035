import { statement, type Db } from '../connection.ts';
import { indexClinic, shadowColumns } from './clinicSearchIndex.ts';

const versionKey = 'search_normalization';

/** The search normalisation the stored search columns were built with, if it was recorded. */
export function storedSearchNormalization(db: Db): number | undefined {
  // No pluck(): statements are cached per connection, and pluck() would change this one for
  // every other caller of the same SQL (the settings read app_meta the same way).
  const row = statement(db, 'SELECT value FROM app_meta WHERE key = ?').get(versionKey) as { value: string } | undefined;
  return row === undefined ? undefined : Number(row.value);
}

export function storeSearchNormalization(db: Db, version: number): void {
  statement(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(versionKey, String(version));
}

/** Every clinic, archived ones too: an archived clinic is found again once restored. */
export function countClinicsToReindex(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM clinics').get() as { n: number }).n;
}

/**
 * Empties both search indexes before a rebuild refills them. Deleting each clinic's entries one
 * by one and adding them back took three times as long (20,000 clinics: 9.8 s against 3.4 s;
 * every delete leaves a tombstone the index merges carry along). A search meanwhile finds the
 * clinics already done; writes are held until the end.
 */
export function emptyClinicSearchIndexes(db: Db): void {
  db.exec(`INSERT INTO clinic_search (clinic_search) VALUES ('delete-all');
           INSERT INTO clinic_trigrams (clinic_trigrams) VALUES ('delete-all');`);
}

/**
 * Rebuilds the shadow columns and adds both search entries of the next `limit` clinics after
 * row `afterSeq` (to indexes emptied first), in one transaction, with today's normalisation.
 * Returns the last row done and how many were done, or undefined when none was left. Rows keep
 * their seq, so the index stays keyed as before; updated_at and revision stay too, since no one
 * edited the clinic (an open form must not be refused for it).
 */
export function reindexClinicsAfter(db: Db, afterSeq: number, limit: number): { lastSeq: number; count: number } | undefined {
  const rows = statement(
    db,
    `SELECT seq, name, name_kana AS nameKana, address, phone, fax, member_number AS memberNumber
       FROM clinics WHERE seq > ? ORDER BY seq LIMIT ?`,
  ).all(afterSeq, limit) as { seq: number; name: string; nameKana: string; address: string; phone: string; fax: string; memberNumber: string }[];
  if (rows.length === 0) return undefined;
  const update = statement(db, 'UPDATE clinics SET name_norm = @name_norm, kana_norm = @kana_norm, phone_digits = @phone_digits WHERE seq = @seq');
  db.transaction(() => {
    for (const row of rows) {
      const shadows = shadowColumns(row);
      update.run({ seq: row.seq, ...shadows });
      indexClinic(db, row.seq, row, shadows);
    }
  })();
  return { lastSeq: rows.at(-1)!.seq, count: rows.length };
}
