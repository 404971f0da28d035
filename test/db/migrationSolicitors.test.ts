import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { readSchema } from '../../electron/core/backup/schemaAtVersion.ts';
import { isOutboxTriggerOfSchema, outboxTriggersOfSchema } from '../../electron/core/sync/outboxTriggers.ts';
import { countUnsent, readOutbox } from '../../electron/core/sync/outbox.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const solicitors = migrations.find((m) => m.name === 'solicitors')!;

const openCopyBefore = () => {
  const file = path.join(tempDir(), 'before-solicitors.sqlite3');
  fs.copyFileSync(versionBackupFile(solicitors.version - 1), file);
  return openDatabase(file);
};

describe('migration solicitors: 募集人 fields on staff, the actor on status history', () => {
  it('keeps every staff member and history row, with no solicitor details and no actor yet', () => {
    const db = openCopyBefore();
    const staffBefore = db.prepare('SELECT id, name, active, updated_at FROM staff ORDER BY id').all();
    const historyBefore = db.prepare('SELECT id, to_status FROM inquiry_status_history ORDER BY id').all();
    expect(staffBefore.length).toBeGreaterThan(0);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, name, active, updated_at FROM staff ORDER BY id').all()).toEqual(staffBefore);
    expect(db.prepare('SELECT count(*) FROM staff WHERE solicitor_id IS NOT NULL OR notified_on IS NOT NULL OR qualification IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id, to_status FROM inquiry_status_history ORDER BY id').all()).toEqual(historyBefore);
    expect(db.prepare('SELECT count(*) FROM inquiry_status_history WHERE actor IS NOT NULL').pluck().get()).toBe(0);
    // Dates and actors are checked by the table itself.
    expect(() => db.prepare("UPDATE staff SET notified_on = '2024/04/01'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE inquiry_status_history SET actor = 'not json'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('a machine that shares gets triggers that queue the new 募集人 fields, as the app makes them', () => {
    const db = openCopyBefore();
    // A machine that shared at the version before: its flag and the triggers of that version.
    db.prepare('UPDATE sync_state SET sharing = 1 WHERE id = 1').run();
    for (const [name, sql] of outboxTriggersOfSchema(solicitors.version - 1)) db.exec(`DROP TRIGGER IF EXISTS "${name}"; ${sql}`);
    // Up to this migration: later ones add shared tables of their own.
    migrate(db, migrations.slice(0, solicitors.version));
    const outbox = readSchema(db).filter((o) => o.type === 'trigger' && o.name.startsWith('sync_outbox_'));
    expect(outbox.map((o) => o.name).sort()).toEqual([...outboxTriggersOfSchema(solicitors.version).keys()].sort());
    expect(outbox.filter((o) => !isOutboxTriggerOfSchema(o, solicitors.version)).map((o) => o.name)).toEqual([]);
    const id = db.prepare('SELECT id FROM staff LIMIT 1').pluck().get() as string;
    const before = countUnsent(db);
    db.prepare("UPDATE staff SET solicitor_id = 'A1234567', updated_at = '2026-12-04T00:00:00.000Z' WHERE id = ?").run(id);
    expect(countUnsent(db)).toBe(before + 1);
    expect(readOutbox(db, 100).find((e) => e.docId === `staff:${id}`)?.fields).toMatchObject({ solicitor_id: 'A1234567' });
    db.close();
  });
});
