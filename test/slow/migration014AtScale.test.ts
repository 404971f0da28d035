import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { tempDir } from '../helpers/tempDir.ts';

// A busy office over several years: what the rebuild of inquiries must carry over.
const inquiryCount = 50_000;

/** Every row of a table in row order, hashed: two equal digests mean nothing was lost, renumbered or altered. */
function digestOf(db: Db, table: string, order: string): { rows: number; digest: string } {
  const hash = createHash('sha256');
  let rows = 0;
  for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw().iterate()) {
    hash.update(JSON.stringify(row));
    rows++;
  }
  return { rows, digest: hash.digest('hex') };
}

/** A version 13 file of an office that took 50,000 inquiries: each with its history, every 5th a quote, every 10th a FAX sheet sent. */
function busyVersionThirteenFile(): Db {
  const db = openDatabase(path.join(tempDir(), 'busy-v13.sqlite3'));
  migrate(db, migrations.slice(0, 13));
  db.exec(`
    INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES ('s1', '窓口 花子', 1, 't', 't', 'pc');
    INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
      SELECT 'c' || i, '医院' || i, 'clinic_no_beds', '医院' || i, '', 't', 't', 'pc' FROM n;
    INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, content, status, next_action_on, staff_id, created_at, updated_at, updated_by, updated_by_staff, archived_at, revision)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${inquiryCount})
      SELECT 'i' || i, printf('A-%d-%04d', 2020 + i / 10000, i % 10000), 'c' || (1 + i % 500), printf('%d-%02d-%02d', 2020 + i / 10000, 1 + i % 12, 1 + i % 28),
             'phone', '相談 ' || i, CASE i % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'materials_sent' ELSE 'declined' END,
             CASE WHEN i % 7 = 0 THEN '2026-12-24' END, CASE WHEN i % 2 = 0 THEN 's1' END, 't', 't', 'pc', NULL,
             CASE WHEN i % 97 = 0 THEN '2026-12-01T00:00:00.000Z' END, 1 + i % 4
      FROM n;
    INSERT INTO inquiry_status_history (id, inquiry_id, from_status, to_status, reason, staff_id, changed_at, machine)
      SELECT 'h' || seq, id, NULL, 'new', '', staff_id, created_at, 'pc' FROM inquiries;
    INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, staff_id, created_at, machine)
      SELECT 'q' || seq, id, '{"monthlyYen":1500}', NULL, 't', 'pc' FROM inquiries WHERE seq % 5 = 0;
    INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine)
      SELECT 'd' || seq, 'fax-' || seq, clinic_id, id, '["inquiryFaxSheet"]', 'printed', 1, NULL, 't', 'pc' FROM inquiries WHERE seq % 10 = 0;
  `);
  return db;
}

describe(`migration 14 over ${inquiryCount.toLocaleString()} inquiries`, () => {
  it('keeps 50,000 inquiries, their row numbers, history, quotes and sent sheets exactly, with foreign keys and the file intact', () => {
    const db = busyVersionThirteenFile();
    const before = {
      inquiries: digestOf(db, 'inquiries', 'seq'),
      history: digestOf(db, 'inquiry_status_history', 'id'),
      quotes: digestOf(db, 'inquiry_quotes', 'id'),
      outputs: digestOf(db, 'document_outputs', 'id'),
    };
    expect(before.inquiries.rows).toBe(inquiryCount);

    migrate(db, migrations.slice(0, 14));

    expect(schemaVersion(db)).toBe(14);
    expect({
      inquiries: digestOf(db, 'inquiries', 'seq'),
      history: digestOf(db, 'inquiry_status_history', 'id'),
      quotes: digestOf(db, 'inquiry_quotes', 'id'),
      outputs: digestOf(db, 'document_outputs', 'id'),
    }).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Still enforced after the rebuild: history cannot point at an inquiry that is not there.
    expect(() => db.prepare("INSERT INTO inquiry_status_history (id, inquiry_id, to_status, changed_at, machine) VALUES ('hx', 'gone', 'new', 't', 'pc')").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    db.close();
  });

});
