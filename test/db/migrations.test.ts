import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { databaseFileName } from '../../electron/core/paths.ts';
import { openTestCore } from '../helpers/openTestCore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('database migrations', () => {
  it('brings an empty file to the newest schema with WAL, foreign keys and full sync', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite3'));
    const { from, to } = migrate(db, migrations);
    expect(from).toBe(0);
    expect(to).toBe(migrations.length);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['app_meta', 'clinics', 'clinic_search']));
    db.close();
  });

  it('runs nothing the second time', () => {
    const db = openDatabase(path.join(tempDir(), 'b.sqlite3'));
    migrate(db, migrations);
    const again = migrate(db, migrations);
    expect(again.from).toBe(again.to);
    db.close();
  });

  it('leaves the file at the old version when a migration fails halfway', () => {
    const db = openDatabase(path.join(tempDir(), 'c.sqlite3'));
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up(d: Database.Database) {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('disk full');
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database made by a newer version of the app, in Japanese, without touching it', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, databaseFileName);
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    await expect(openTestCore(dataDir)).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining('新しいバージョン') });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The refused open must not keep the folder locked.
    expect(fs.existsSync(path.join(dataDir, 'cyber-counter.lock'))).toBe(false);
  });
});
