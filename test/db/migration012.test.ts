import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { countUnsent, readOutbox } from '../../electron/core/sync/outbox.ts';
import { isOutboxTriggerOfSchema, matchOutboxTriggersToSharing, outboxTriggersAre } from '../../electron/core/sync/outboxTriggers.ts';
import { readSchema } from '../../electron/core/backup/schemaAtVersion.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const openCopyOf = (version: number) => {
  const file = path.join(tempDir(), `v${version}.sqlite3`);
  fs.copyFileSync(versionBackupFile(version), file);
  return openDatabase(file);
};
// The outbox's triggers only: later schemas add triggers of their own (insert-only audit records).
const triggerCount = (db: ReturnType<typeof openDatabase>) =>
  db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_outbox\\_%' ESCAPE '\\'").pluck().get() as number;
const editClinic = (db: ReturnType<typeof openDatabase>) =>
  db.prepare("UPDATE clinics SET memo = '版12で編集', updated_at = '2026-12-03T00:00:00.000Z' WHERE id = '0190a000-0000-7000-8000-000000000001'").run();

describe('migration 12: outbox triggers only while sharing', () => {
  it('the triggers the app makes queue what migration 11’s did, so a machine that shared before the upgrade goes on the same (tables shared since only add theirs)', () => {
    const db = openCopyOf(10);
    migrate(db, migrations.slice(0, 11));
    const triggers = readSchema(db).filter((o) => o.type === 'trigger');
    expect(triggers.length).toBeGreaterThan(0);
    expect(triggers.filter((o) => !isOutboxTriggerOfSchema(o, 12)).map((o) => o.name)).toEqual([]);
    db.close();
  });

  it('a machine that does not share loses the triggers, and its edits still queue nothing', () => {
    const db = openCopyOf(10);
    migrate(db, migrations);
    matchOutboxTriggersToSharing(db);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(triggerCount(db)).toBe(0);
    editClinic(db);
    expect(countUnsent(db)).toBe(0);
    db.close();
  });

  it('a machine that shared keeps queueing its edits once opened after the upgrade', () => {
    const db = openCopyOf(11);
    migrate(db, migrations);
    expect(triggerCount(db)).toBe(0);
    matchOutboxTriggersToSharing(db);
    expect(outboxTriggersAre(db, true)).toBe(true);
    const queuedBefore = countUnsent(db);
    editClinic(db);
    expect(countUnsent(db)).toBe(queuedBefore + 1);
    expect(readOutbox(db, 100).find((e) => e.docId === 'clinics:0190a000-0000-7000-8000-000000000001')?.fields).toMatchObject({ memo: '版12で編集' });
    db.close();
  });

  it('joining adds the triggers and leaving removes them, with the sharing switch', () => {
    const db = openCopyOf(10);
    migrate(db, migrations);
    setSharing(db, true);
    expect(outboxTriggersAre(db, true)).toBe(true);
    editClinic(db);
    expect(countUnsent(db)).toBe(1);
    setSharing(db, false);
    expect(triggerCount(db)).toBe(0);
    expect(countUnsent(db)).toBe(0);
    db.prepare("UPDATE staff SET name = '共有をやめた後の担当'").run();
    expect(countUnsent(db)).toBe(0);
    db.close();
  });

  it('a trigger of that name with other text (an older app’s, or a file’s) is replaced on opening', () => {
    const db = openCopyOf(11);
    migrate(db, migrations);
    db.exec("CREATE TRIGGER sync_outbox_clinics_update AFTER UPDATE ON clinics BEGIN UPDATE clinics SET fax = '03-0000-0000' WHERE seq = NEW.seq AND fax IS NOT '03-0000-0000'; END;");
    matchOutboxTriggersToSharing(db);
    expect(outboxTriggersAre(db, true)).toBe(true);
    editClinic(db);
    expect(db.prepare("SELECT fax FROM clinics WHERE id = '0190a000-0000-7000-8000-000000000001'").pluck().get()).not.toBe('03-0000-0000');
    db.close();
  });
});
