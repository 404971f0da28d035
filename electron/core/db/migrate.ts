import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';

export interface Migration {
  version: number;
  name: string;
  /**
   * Rebuilds a table other tables point at (SQLite's twelve-step ALTER): foreign keys must be
   * off, and that pragma is a no-op inside a transaction, so it is turned off around it.
   */
  rebuildsTables?: true;
  up(db: Db): void;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a database up to the newest schema, one transaction per migration together with its
 * user_version bump, so a crash leaves the file at a whole version. A file from a newer app is
 * refused rather than silently used by code that does not know its schema.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new AppError('DB_TOO_NEW');
  for (const migration of migrations.slice(from)) applyMigration(db, migration);
  return { from, to: latest };
}

/** Runs one migration and its user_version bump in one transaction. */
export function applyMigration(db: Db, migration: Migration): void {
  const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  } finally {
    if (migration.rebuildsTables && foreignKeysWereOn) db.pragma('foreign_keys = ON');
  }
}
