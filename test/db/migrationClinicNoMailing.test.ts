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

const noMailing = migrations.find((m) => m.name === 'clinic no mailing')!;

const openCopyBefore = () => {
  const file = path.join(tempDir(), 'before-clinic-no-mailing.sqlite3');
  fs.copyFileSync(versionBackupFile(noMailing.version - 1), file);
  return openDatabase(file);
};

describe('migration clinic no mailing: 送付不要 and its reason on clinics', () => {
  it('keeps every clinic as it was, none marked 送付不要, and the table checks the new fields', () => {
    const db = openCopyBefore();
    const before = db.prepare('SELECT id, name, fax, updated_at, revision FROM clinics ORDER BY id').all();
    expect(before.length).toBeGreaterThan(0);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, name, fax, updated_at, revision FROM clinics ORDER BY id').all()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM clinics WHERE no_mailing <> 0 OR no_mailing_reason <> ''").pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE clinics SET no_mailing = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE clinics SET no_mailing_reason = ?').run('理'.repeat(201))).toThrow(/CHECK/);
    db.close();
  });

  it('a machine that shares gets clinic triggers that queue 送付不要, as the app makes them', () => {
    const db = openCopyBefore();
    db.prepare('UPDATE sync_state SET sharing = 1 WHERE id = 1').run();
    for (const [name, sql] of outboxTriggersOfSchema(noMailing.version - 1)) db.exec(`DROP TRIGGER IF EXISTS "${name}"; ${sql}`);
    migrate(db, migrations.slice(0, noMailing.version));
    const outbox = readSchema(db).filter((o) => o.type === 'trigger' && o.name.startsWith('sync_outbox_'));
    expect(outbox.map((o) => o.name).sort()).toEqual([...outboxTriggersOfSchema(noMailing.version).keys()].sort());
    expect(outbox.filter((o) => !isOutboxTriggerOfSchema(o, noMailing.version)).map((o) => o.name)).toEqual([]);
    const id = db.prepare('SELECT id FROM clinics LIMIT 1').pluck().get() as string;
    const before = countUnsent(db);
    db.prepare("UPDATE clinics SET no_mailing = 1, no_mailing_reason = '先方より辞退', updated_at = '2026-12-04T00:00:00.000Z' WHERE id = ?").run(id);
    expect(countUnsent(db)).toBe(before + 1);
    expect(readOutbox(db, 100).find((e) => e.docId === `clinics:${id}`)?.fields).toMatchObject({ no_mailing: 1, no_mailing_reason: '先方より辞退' });
    db.close();
  });
});
