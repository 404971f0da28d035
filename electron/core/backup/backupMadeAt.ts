import type Database from 'better-sqlite3';

/**
 * When a backup's data was taken, kept inside the file: a copy brought back from a USB stick is
 * listed (and restored, and described) by when it was made, not by when it arrived here.
 */
export const backupMadeAtKey = 'backup_made_at';

/** Where each version keeps the time of its latest write, for files made before the key existed. */
const writeTimes: readonly [table: string, column: string][] = [
  ['clinics', 'updated_at'],
  ['inquiries', 'updated_at'],
  ['staff', 'updated_at'],
  ['inquiry_quotes', 'created_at'],
  ['content_changes', 'installed_at'],
  ['document_outputs', 'created_at'],
];

const isIsoInstant = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);

/**
 * The time a backup file's data is as of: the stamp it was made with, or, in a file from before
 * stamps, its latest recorded write. Null when neither can be read (an empty file).
 */
export function readBackupMadeAt(db: Database.Database): string | null {
  const stamped = (db.prepare('SELECT value FROM app_meta WHERE key = ?').get(backupMadeAtKey) as { value: string } | undefined)?.value;
  if (isIsoInstant(stamped)) return stamped;
  let latest: string | null = null;
  for (const [table, column] of writeTimes) {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) continue;
    const value = (db.prepare(`SELECT max(${column}) AS at FROM ${table}`).get() as { at: unknown }).at;
    if (isIsoInstant(value) && (latest === null || value > latest)) latest = value;
  }
  return latest;
}

/** Stamps a fresh backup copy (not the live file) with when its data was taken. */
export function stampBackupMadeAt(copy: Database.Database, madeAt: string): void {
  copy.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(backupMadeAtKey, madeAt);
}
