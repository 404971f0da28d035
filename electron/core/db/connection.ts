import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens the one owner connection of the main process. synchronous=FULL because the write volume
 * is tiny and an acknowledged save must survive a power cut at the counter.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  return db;
}

/** A read-only connection for worker threads (exports, reports): WAL lets it read beside the writer. */
export function openReadOnlyDatabase(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepares a statement once per connection: preparing is far dearer than running on hot paths. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
