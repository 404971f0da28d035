import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { tempDir } from '../helpers/tempDir.ts';

// Years of mailings: what the rebuild of document_outputs must carry over.
const outputCount = 50_000;
const trail = migrations.findIndex((m) => m.name === 'document trail');
const oldColumns = 'id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts';

/** The columns the table had before, every row in id order, hashed: equal digests mean nothing was lost or altered. */
function digestOf(db: Db): { rows: number; digest: string } {
  const hash = createHash('sha256');
  let rows = 0;
  for (const row of db.prepare(`SELECT ${oldColumns} FROM document_outputs ORDER BY id`).raw().iterate()) {
    hash.update(JSON.stringify(row));
    rows++;
  }
  return { rows, digest: hash.digest('hex') };
}

/** A file of the version before the trail with 50,000 outputs over 500 clinics, every 10th from an inquiry. */
function busyFileBeforeTrail(): Db {
  const db = openDatabase(path.join(tempDir(), 'busy-before-trail.sqlite3'));
  migrate(db, migrations.slice(0, trail));
  db.exec(`
    INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES ('s1', '窓口 花子', 1, 't', 't', 'pc');
    INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
      SELECT 'c' || i, '医院' || i, 'clinic_no_beds', '医院' || i, '', 't', 't', 'pc' FROM n;
    INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
      SELECT 'i' || i, printf('A-2026-%04d', i), 'c' || (1 + i % 500), '2026-11-01', 'phone', 'new', 't', 't', 'pc' FROM n;
    INSERT INTO document_outputs (${oldColumns})
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${outputCount})
      SELECT printf('d%06d', i), 'mail-' || (i / 100), 'c' || (1 + i % 500), CASE WHEN i % 10 = 0 THEN 'i' || (i / 10) END,
             '["faxCoverSheet","inquiryFaxSheet"]', CASE i % 2 WHEN 0 THEN 'saved' ELSE 'printed' END, 100,
             CASE WHEN i % 3 = 0 THEN 's1' END, printf('2026-%02d-01T00:00:00.000Z', 1 + i % 12), 'pc',
             CASE WHEN i % 4 = 0 THEN '{"faxFormNumber":2}' END
      FROM n;
  `);
  return db;
}

describe(`migration "document trail" over ${outputCount.toLocaleString()} outputs`, () => {
  it('keeps every output exactly, with foreign keys, the one-record rule and the file intact', () => {
    const db = busyFileBeforeTrail();
    const before = digestOf(db);
    expect(before.rows).toBe(outputCount);

    migrate(db, migrations);

    expect(schemaVersion(db)).toBe(migrations.length);
    expect(digestOf(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM document_outputs WHERE sha256 IS NOT NULL OR actor IS NOT NULL').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The rule still holds for rows carried over: the same output on the same clinic, once.
    expect(() =>
      db.prepare(`INSERT INTO document_outputs (id, output_key, clinic_id, documents, action, batch_size, created_at, machine) VALUES ('dup', 'mail-0', 'c2', '[]', 'printed', 1, 't', 'pc')`).run(),
    ).toThrow(/UNIQUE constraint failed/);
    // A clinic's history is read through its index, not a scan of 50,000 rows.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM document_outputs WHERE clinic_id = 'c1' ORDER BY created_at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX document_outputs_clinic/);
    db.close();
  });
});
