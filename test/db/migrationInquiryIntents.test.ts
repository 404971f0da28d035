import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const migration = migrations.find((m) => m.name === 'inquiry intents')!;

describe('migration inquiry intents', () => {
  it('adds an empty, insert-only table for the inquiries a file of the version before already holds', () => {
    const file = path.join(tempDir(), 'before.sqlite3');
    fs.copyFileSync(versionBackupFile(migration.version - 1), file);
    const db = openDatabase(file);
    const inquiriesBefore = db.prepare('SELECT * FROM inquiries ORDER BY id').all();
    // Up to this migration only: later ones change the inquiries themselves.
    migrate(db, migrations.slice(0, migration.version));
    expect(schemaVersion(db)).toBe(migration.version);
    expect(db.prepare('SELECT * FROM inquiries ORDER BY id').all()).toEqual(inquiriesBefore);
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_intents').get()).toEqual({ n: 0 });
    const inquiryId = (inquiriesBefore[0] as { id: string } | undefined)?.id;
    expect(inquiryId).toBeDefined();
    db.prepare(
      `INSERT INTO inquiry_intents (id, inquiry_id, stage, questions, answers, confirmed_on, actor, created_at, machine)
       VALUES ('r1', ?, 'final', '{"source":"agency","version":0,"questions":["ご予算"]}', '["月1万円"]', '2026-12-01', NULL, '2026-12-01T00:00:00.000Z', 'pc')`,
    ).run(inquiryId);
    expect(() => db.prepare("UPDATE inquiry_intents SET answers = '[]'").run()).toThrow(/insert-only/);
    // While remote records are applied, the hub's copy may be written over it.
    db.prepare('UPDATE sync_state SET applying = 1').run();
    db.prepare('DELETE FROM inquiry_intents').run();
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_intents').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a final record without its confirmation date and an initial one with one', () => {
    const file = path.join(tempDir(), 'before.sqlite3');
    fs.copyFileSync(versionBackupFile(migration.version - 1), file);
    const db = openDatabase(file);
    migrate(db, migrations);
    const inquiryId = (db.prepare('SELECT id FROM inquiries LIMIT 1').get() as { id: string }).id;
    const insert = (stage: string, confirmedOn: string | null) =>
      db.prepare(`INSERT INTO inquiry_intents (id, inquiry_id, stage, questions, answers, confirmed_on, created_at, machine) VALUES (?, ?, ?, '{}', '[]', ?, 't', 'pc')`).run(`${stage}-${confirmedOn}`, inquiryId, stage, confirmedOn);
    expect(() => insert('final', null)).toThrow(/CHECK/);
    expect(() => insert('initial', '2026-12-01')).toThrow(/CHECK/);
    db.close();
  });
});
