import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { indexClinic, shadowColumns } from '../../electron/core/db/repos/clinicSearchIndex.ts';
import { matchingClinicIds } from '../../electron/core/db/repos/clinicSearch.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';

// Every medical institution in Japan, as a version 8 file: what the table rebuild must carry over.
const rows = 200_000;

/** Every column of every clinic, in row-number order, as one digest. */
function clinicsDigest(db: Db): string {
  const hash = createHash('sha256');
  for (const row of db.prepare('SELECT * FROM clinics ORDER BY seq').raw().iterate() as Iterable<unknown[]>) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

/**
 * The clinics written as a version 8 app wrote them (row, shadows, search entries): today's repos
 * write columns of later versions (市町村, migration 15).
 */
function writeAsVersionEight(db: Db, all: ReturnType<typeof generateClinics>): void {
  const insert = db.prepare(
    `INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, contact_person, member_number, memo,
       name_norm, kana_norm, phone_digits, created_at, updated_at, updated_by)
     VALUES (@id, @name, @nameKana, @kind, @bedCount, @postalCode, @address, @phone, @fax, @contactPerson, @memberNumber, @memo,
       @name_norm, @kana_norm, @phone_digits, 't', 't', 'seed')`,
  );
  for (let i = 0; i < all.length; i += 20_000) {
    db.transaction(() => {
      all.slice(i, i + 20_000).forEach((fields, j) => {
        const shadows = shadowColumns(fields);
        const { lastInsertRowid } = insert.run({ id: `c${i + j}`, ...fields, ...shadows });
        indexClinic(db, Number(lastInsertRowid), fields, shadows);
      });
    })();
  }
}

const queries = ['田中', '眼科', 'ﾀﾅｶ', '0992', '霧島市'];
// Ids only: today's whole-record reads select columns a version 8 file does not have yet.
const search = (db: Db) => queries.map((query) => matchingClinicIds(db, query, rows));

describe(`migration 9 over ${rows.toLocaleString()} clinics`, () => {
  it('keeps every clinic with its row number, the search finds the same, and foreign keys hold', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-m9-'));
    const db = openDatabase(path.join(dir, 'v8.sqlite3'));
    try {
      migrate(db, migrations.slice(0, 8));
      const all = generateClinics(rows);
      writeAsVersionEight(db, all);
      // Gaps in the row numbers, as purged clinics leave them: a copy that renumbered would show.
      db.exec(`
        DELETE FROM clinic_search WHERE rowid % 97 = 0;
        DELETE FROM clinic_trigrams WHERE rowid % 97 = 0;
        DELETE FROM clinics WHERE seq % 97 = 0;
        INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
          SELECT 'i' || seq, 'A-2026-' || seq, id, '2026-11-24', 'phone', 'new', 't', 't', 'seed' FROM clinics WHERE seq % 50 = 1;
      `);
      const clinicsBefore = (db.prepare('SELECT count(*) FROM clinics').pluck().get() as number);
      const inquiriesBefore = (db.prepare('SELECT count(*) FROM inquiries').pluck().get() as number);
      const digest = clinicsDigest(db);
      const found = search(db);

      const started = performance.now();
      migrate(db, migrations.slice(0, 9));
      const seconds = (performance.now() - started) / 1000;
      // Reported, not asserted: a loaded machine says nothing about the code.
      console.log(`migration 9 rebuilt ${clinicsBefore.toLocaleString()} clinics in ${seconds.toFixed(1)} s`);

      expect(schemaVersion(db)).toBe(9);
      expect(db.prepare('SELECT count(*) FROM clinics').pluck().get()).toBe(clinicsBefore);
      expect(clinicsDigest(db)).toBe(digest);
      expect(search(db)).toEqual(found);
      expect(found.every((page) => page.total > 0)).toBe(true);
      migrate(db, migrations);
      expect(search(db)).toEqual(found);
      expect(db.prepare('SELECT count(*) FROM inquiries i JOIN clinics c ON c.id = i.clinic_id').pluck().get()).toBe(inquiriesBefore);
      expect(inquiriesBefore).toBeGreaterThan(3000);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
