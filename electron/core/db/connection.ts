import Database from 'better-sqlite3';
import { AppError } from '../errors.ts';

export type Db = Database.Database;

/**
 * Opens the one owner connection of the main process. synchronous=FULL because the write volume
 * is tiny and an acknowledged save must survive a power cut at the counter.
 */
export function openDatabase(file: string, options: { newestKnownVersion?: number } = {}): Db {
  const db = new Database(file);
  // Checked before any pragma writes to the file: a newer app's database is left byte-for-byte
  // as it was (switching it to WAL would already change its header).
  const version = db.pragma('user_version', { simple: true }) as number;
  if (options.newestKnownVersion !== undefined && version > options.newestKnownVersion) {
    db.close();
    throw new AppError('DB_TOO_NEW');
  }
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  // The sharing outbox's triggers make each write to a shared table keep a statement journal
  // (so the trigger's work can be undone with its row). In a temporary file that cost a 200,000-row
  // import seconds of file calls; in memory it is a few pages per row, dropped at the statement's end.
  db.pragma('temp_store = MEMORY');
  keepSearchPagesInMemory(db);
  return db;
}

/**
 * SQLite's default page cache is 2 MB. A search reads a few hundred pages of the indexes; with
 * the default they are read from the file again for every keystroke once the clinics outgrow it.
 * 64 MB holds the search indexes of a whole prefecture many times over (memory is taken only as
 * pages are read).
 */
function keepSearchPagesInMemory(db: Db): void {
  db.pragma('cache_size = -65536');
}

/** A read-only connection for worker threads (exports, reports): WAL lets it read beside the writer. */
export function openReadOnlyDatabase(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  keepSearchPagesInMemory(db);
  return db;
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Prepares a statement once per connection: preparing is far dearer than running on hot paths.
 * Handed out reading whole rows every time: `pluck()` sticks to a statement, and two modules
 * running the same SQL (one plucking, one not) would otherwise get each other's row shape.
 */
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
  if (prepared.reader) prepared.pluck(false);
  return prepared;
}
