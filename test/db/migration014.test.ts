import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
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

const openCopyOf = (version: number) => {
  const file = path.join(tempDir(), `v${version}.sqlite3`);
  fs.copyFileSync(versionBackupFile(version), file);
  return openDatabase(file);
};

describe('migration 14: one 受付番号 on inquiries of two machines', () => {
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
    const outboxTriggerNames = () => readSchema(db).filter((o) => o.type === 'trigger' && isOutboxTriggerOfSchema(o, 13)).map((o) => o.name).sort();
    const before = outboxTriggerNames();
    expect(before.length).toBeGreaterThan(0);
    // Up to this migration only: opening (not a migration) brings the triggers to a later schema's shared columns.
    migrate(db, migrations.slice(0, 14));
    // Kept by the migration itself, not only by opening: a restore migrates a copy and checks it before it is opened.
    expect(outboxTriggerNames()).toEqual(before);
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
    // The outbox's triggers only: later schemas add triggers of their own (insert-only audit records).
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_outbox\\_%' ESCAPE '\\'").pluck().get()).toBe(0);
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
