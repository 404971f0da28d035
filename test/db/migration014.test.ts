import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createInquiry, getInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { readSchema } from '../../electron/core/backup/schemaAtVersion.ts';
import { applyRemoteDocs, retryHeld } from '../../electron/core/sync/applyRemote.ts';
import { countUnsent, readOutbox } from '../../electron/core/sync/outbox.ts';
import { isOutboxTriggerOfSchema, matchOutboxTriggersToSharing, outboxTriggersAre } from '../../electron/core/sync/outboxTriggers.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import type { RecordDoc } from '../../electron/core/sync/syncPorts.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const inquiryCount = 50_000;
const openCopyOf = (version: number) => {
  const file = path.join(tempDir(), `v${version}.sqlite3`);
  fs.copyFileSync(versionBackupFile(version), file);
  return openDatabase(file);
};

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

describe('migration 14: one 受付番号 on inquiries of two machines', () => {
  it('keeps 50,000 inquiries, their row numbers, history, quotes and sent sheets exactly, with foreign keys and the file intact', () => {
    const db = busyVersionThirteenFile();
    const before = {
      inquiries: digestOf(db, 'inquiries', 'seq'),
      history: digestOf(db, 'inquiry_status_history', 'id'),
      quotes: digestOf(db, 'inquiry_quotes', 'id'),
      outputs: digestOf(db, 'document_outputs', 'id'),
    };
    expect(before.inquiries.rows).toBe(inquiryCount);

    migrate(db, migrations);

    expect(schemaVersion(db)).toBe(migrations.length);
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

  it('takes a second inquiry with a 受付番号 already here, and finds both by that number through an index', () => {
    const db = openCopyOf(13);
    migrate(db, migrations);
    const first = db.prepare("SELECT * FROM inquiries WHERE receipt_number = 'Z-2026-0001'").all();
    expect(first).toHaveLength(1);
    db.prepare(
      `INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
       VALUES ('from-laptop', 'Z-2026-0001', '0190a000-0000-7000-8000-000000000006', '2026-02-03', 'fax', 'new', 't', 't', 'laptop')`,
    ).run();
    expect(db.prepare("SELECT clinic_id FROM inquiries WHERE receipt_number = 'Z-2026-0001' ORDER BY seq").pluck().all()).toEqual([
      '0190a000-0000-7000-8000-000000000002',
      '0190a000-0000-7000-8000-000000000006',
    ]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM inquiries WHERE receipt_number = 'Z-2026-0001'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX inquiries_receipt_number/);
    db.close();
  });

  it('numbers on a machine alone still never repeat: the next inquiry continues the sequence', () => {
    const db = openCopyOf(13);
    migrate(db, migrations);
    const ctx = { machineId: 'old-pc' };
    const fields = { receivedOn: '2026-12-03' as const, channel: 'counter' as const, content: '', nextActionOn: null, staffId: null };
    const a = createInquiry(db, '0190a000-0000-7000-8000-000000000001', fields, ctx);
    const b = createInquiry(db, '0190a000-0000-7000-8000-000000000001', fields, ctx);
    expect([a.receiptNumber, b.receiptNumber]).toEqual(['Z-2026-0002', 'Z-2026-0003']);
    db.close();
  });

  it('a machine that shares keeps its outbox triggers through the rebuild, and an inquiry edited afterwards is queued', () => {
    const db = openCopyOf(13);
    expect(outboxTriggersAre(db, true)).toBe(true);
    migrate(db, migrations);
    // Kept by the migration itself, not only by opening: a restore migrates a copy and checks it before it is opened.
    expect(outboxTriggersAre(db, true)).toBe(true);
    expect(readSchema(db).filter((o) => o.type === 'trigger' && !isOutboxTriggerOfSchema(o, 14)).map((o) => o.name)).toEqual([]);
    const queuedBefore = countUnsent(db);
    db.prepare("UPDATE inquiries SET content = '版14で編集', updated_at = '2026-12-04T00:00:00.000Z' WHERE id = '0190a000-0000-7000-8000-0000000000b2'").run();
    expect(countUnsent(db)).toBe(queuedBefore + 1);
    expect(readOutbox(db, 100).find((e) => e.docId === 'inquiries:0190a000-0000-7000-8000-0000000000b2')?.fields).toMatchObject({ content: '版14で編集' });
    db.close();
  });

  it('a machine that does not share has no triggers after it, and leaving and joining again still switches them', () => {
    const db = openCopyOf(13);
    setSharing(db, false);
    migrate(db, migrations);
    matchOutboxTriggersToSharing(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(0);
    setSharing(db, true);
    expect(outboxTriggersAre(db, true)).toBe(true);
    db.close();
  });

  it('an inquiry from another machine that waited because of its 受付番号 before the update is written by the next round after it', () => {
    const db = openCopyOf(13);
    const ctx = { now: () => new Date('2026-12-04T00:00:00.000Z'), clockOffsetMs: 0 };
    const stamp = { t: '2026-12-03T00:00:00.000Z', m: 'laptop', c: 1 };
    const fields = {
      id: 'from-laptop', receipt_number: 'Z-2026-0001', clinic_id: '0190a000-0000-7000-8000-000000000006', received_on: '2026-02-03', channel: 'fax',
      content: 'FAXで資料請求', status: 'new', next_action_on: null, staff_id: null, created_at: stamp.t, updated_at: stamp.t, updated_by: 'laptop',
      updated_by_staff: null, archived_at: null,
    };
    const doc = {
      _id: 'inquiries:from-laptop', table: 'inquiries', schema: 13, fields,
      stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])), seen: { laptop: 1 },
    } as unknown as RecordDoc;
    const reasonParked = () => db.prepare("SELECT reason FROM sync_pending WHERE doc_id = 'inquiries:from-laptop'").pluck().get();
    applyRemoteDocs(db, [doc], '5', ctx);
    expect(reasonParked()).toBe('constraint');
    expect(getInquiry(db, 'from-laptop')).toBeUndefined();

    migrate(db, migrations);
    expect(retryHeld(db, ctx).areas).toEqual(['inquiries']);
    expect(reasonParked()).toBeUndefined();
    expect(getInquiry(db, 'from-laptop')).toMatchObject({ receiptNumber: 'Z-2026-0001', clinicName: '版6の歯科', content: 'FAXで資料請求' });
    expect(getInquiry(db, '0190a000-0000-7000-8000-0000000000b2')).toMatchObject({ receiptNumber: 'Z-2026-0001', clinicName: '版2の内科' });
    db.close();
  });
});
