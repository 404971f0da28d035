import fs from 'node:fs';
import { createBackup } from './backup/backups.ts';
import { isDamageError, newestGoodBackup, passesQuickCheck } from './backup/damagedDatabase.ts';
import { openDatabase, type Db } from './db/connection.ts';
import { migrate, schemaVersion } from './db/migrate.ts';
import { migrations } from './db/migrations/index.ts';
import { AppError } from './errors.ts';
import { removeLeftoverPartials } from './files/leftoverPartials.ts';
import { assertWritable, isReadOnlyError } from './files/readOnlyDataDir.ts';
import type { Logger } from './log/logger.ts';
import { matchOutboxTriggersToSharing } from './sync/outboxTriggers.ts';

/** The files SQLite writes beside the database: any of them not writable makes it fail to open. */
export const databaseFiles = (dbPath: string) => [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];

/** No database file, or one of zero bytes: what a deleted or truncated file leaves. */
function isMissingOrEmpty(dbPath: string): boolean {
  return (fs.statSync(dbPath, { throwIfNoEntry: false })?.size ?? 0) === 0;
}

/**
 * The database of a data folder whose lock is held, migrated to this app's schema (after a
 * verified backup) with the outbox triggers matching the sharing switch. Closes what it opened
 * when it throws; `openFailure` says what the clerk is told.
 */
export async function openCoreDatabase(where: { dataDir: string; dbPath: string; backupsDir: string; log: Logger }): Promise<{ db: Db; from: number; to: number }> {
  const { dataDir, dbPath, backupsDir, log } = where;
  let db: Db | undefined;
  try {
    const leftovers = removeLeftoverPartials(dataDir);
    if (leftovers > 0) log.warn('half-written files from an earlier run removed', { count: leftovers });
    // A file gone or emptied while backups remain is a lost database, not a first start.
    if (isMissingOrEmpty(dbPath) && newestGoodBackup(backupsDir)) throw new AppError('DB_MISSING');
    assertWritable(dataDir, databaseFiles(dbPath));
    db = openDatabase(dbPath, { newestKnownVersion: migrations.length });
    // An upgrade never runs without a verified copy of the file as it was.
    const current = schemaVersion(db);
    if (current > 0 && current < migrations.length) await createBackup(db, backupsDir, 'before-migration');
    const { from, to } = migrate(db, migrations);
    if (from !== to) log.info('database migrated', { from, to });
    matchOutboxTriggersToSharing(db);
    return { db, from, to };
  } catch (error) {
    db?.close();
    throw error;
  }
}

/**
 * What a failed open throws: it is checked at once; a damaged file is reported (DB_DAMAGED), never
 * written to. A file this user may not read or write is not damaged: openCore reports that.
 */
export function openFailure(error: unknown, dataDir: string, dbPath: string, log: Logger): unknown {
  if (isReadOnlyError(error, dataDir, databaseFiles(dbPath))) return error;
  if (!(error instanceof AppError) && fs.existsSync(dbPath) && (isDamageError(error) || !passesQuickCheck(dbPath))) {
    log.error('database damaged', { error: String(error) });
    return new AppError('DB_DAMAGED');
  }
  return error;
}
