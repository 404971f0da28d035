import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';

export interface Migration {
  version: number;
  name: string;
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
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latest };
}
