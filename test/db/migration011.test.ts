import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { countClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { countUnsent, readOutbox } from '../../electron/core/sync/outbox.ts';
import { readSyncState, setSharing } from '../../electron/core/sync/syncState.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const v10 = () => {
  const file = path.join(tempDir(), 'v10.sqlite3');
  fs.copyFileSync(versionBackupFile(10), file);
  return openDatabase(file);
};

describe('migration 11: sync outbox', () => {
  it('keeps a version 10 file\'s records and leaves it not sharing, so edits queue nothing', () => {
    const db = v10();
    const before = countClinics(db, true);
    migrate(db, migrations.slice(0, 11));
    expect(schemaVersion(db)).toBe(11);
    expect(countClinics(db, true)).toBe(before);
    expect(readSyncState(db)).toEqual({ sharing: false, applying: false, writeCounter: 0, checkpoint: null });
    db.prepare("UPDATE clinics SET memo = '共有前の編集'").run();
    expect(countUnsent(db)).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('queues a new row, an edited field and a deleted row of every shared table once sharing is on', () => {
    const db = v10();
    // Sharing is switched on by today's app, whose triggers know today's columns.
    migrate(db, migrations);
    setSharing(db, true);
    const at = '2026-11-20T00:00:00.000Z';
    db.exec(`
      UPDATE staff SET name = '版11の担当', updated_at = '${at}';
      UPDATE inquiries SET content = '共有後の編集', updated_at = '${at}';
      UPDATE inquiry_status_history SET reason = '訂正';
      INSERT INTO inquiry_status_history (id, inquiry_id, from_status, to_status, reason, staff_id, changed_at, machine)
        VALUES ('0190a000-0000-7000-8000-0000000000f1', '0190a000-0000-7000-8000-0000000000b2', 'new', 'materials_sent', '', NULL, '${at}', 'pc');
      UPDATE inquiry_quotes SET staff_id = '0190a000-0000-7000-8000-0000000000a2';
      -- As 完全削除 does it: the trail refuses any other deletion.
      UPDATE audit_erasing SET erasing = 1;
      DELETE FROM document_outputs WHERE id = '0190a000-0000-7000-8000-0000000000d5';
      UPDATE audit_erasing SET erasing = 0;
      UPDATE clinics SET fax = '099-000-9999', updated_at = '${at}' WHERE id = '0190a000-0000-7000-8000-000000000001';
    `);
    const byDoc = new Map(readOutbox(db, 100).map((e) => [e.docId, e]));
    expect(byDoc.get('staff:0190a000-0000-7000-8000-0000000000a2')?.fields).toEqual({ name: '版11の担当', updated_at: at });
    expect(byDoc.get('inquiries:0190a000-0000-7000-8000-0000000000b2')?.fields).toEqual({ content: '共有後の編集', updated_at: at });
    expect(byDoc.get('inquiry_status_history:0190a000-0000-7000-8000-0000000000f1')?.fields).toMatchObject({ to_status: 'materials_sent', machine: 'pc' });
    expect(byDoc.get('inquiry_quotes:0190a000-0000-7000-8000-0000000000e3')?.fields).toEqual({ staff_id: '0190a000-0000-7000-8000-0000000000a2' });
    expect(byDoc.get('document_outputs:0190a000-0000-7000-8000-0000000000d5')?.gone).toBe(true);
    expect(byDoc.get('clinics:0190a000-0000-7000-8000-000000000001')?.fields).toEqual({ fax: '099-000-9999', updated_at: at });
    db.close();
  });

  it('opens a version 11 file with its sharing state, queue, waiting documents and notices as they were', () => {
    const file = path.join(tempDir(), 'v11.sqlite3');
    fs.copyFileSync(versionBackupFile(11), file);
    const db = openDatabase(file);
    migrate(db, migrations);
    expect(readSyncState(db)).toMatchObject({ sharing: true, writeCounter: 4, checkpoint: '17-g1AAAA' });
    expect(readOutbox(db, 10).map((e) => e.fields.name)).toEqual(['版11の共有医院']);
    expect(db.prepare('SELECT reason FROM sync_pending').pluck().all()).toEqual(['parent']);
    expect(db.prepare('SELECT field FROM sync_notices').pluck().all()).toEqual(['phone']);
    db.close();
  });
});
