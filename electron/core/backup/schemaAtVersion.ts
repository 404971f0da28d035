import Database from 'better-sqlite3';
import { applyMigration, type Migration } from '../db/migrate.ts';

/** One object of sqlite_master, SQL with its whitespace collapsed (SQLite keeps it as typed). */
export interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

export const normaliseSql = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());

/** sqlite_master of an open database, sorted so two schemas compare line by line. */
export function readSchema(db: Database.Database): SchemaObject[] {
  const rows = db.prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_master ORDER BY type, name').all() as SchemaObject[];
  return rows.map((row) => ({ ...row, sql: normaliseSql(row.sql) }));
}

const cache = new WeakMap<readonly Migration[], Map<number, SchemaObject[]>>();

/**
 * The schema a file of `version` must have: what the app's own migrations build from empty up to
 * that version. The migrations are frozen, so a file this app wrote at that version matches it
 * exactly; anything else in a backup was put there by someone else.
 */
export function schemaAtVersion(migrations: readonly Migration[], version: number): SchemaObject[] {
  let byVersion = cache.get(migrations);
  if (!byVersion) cache.set(migrations, (byVersion = new Map()));
  const known = byVersion.get(version);
  if (known) return known;
  const db = new Database(':memory:');
  try {
    for (const migration of migrations.slice(0, version)) applyMigration(db, migration);
    const schema = readSchema(db);
    byVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}
