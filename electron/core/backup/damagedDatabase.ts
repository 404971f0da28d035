import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../db/migrations/index.ts';
import { listBackups, type BackupInfo } from './backups.ts';
import { checkBackupFile } from './checkBackupFile.ts';
import { readMachineIdentity, type MachineIdentity } from './machineIdentity.ts';
import { prepareForRestore } from './prepareRestoreCopy.ts';

/** SQLite's answers for a file that is not (or no longer) a whole database. */
const damageCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export function isDamageError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && damageCodes.has(String((error as { code: unknown }).code));
}

/** quick_check of a file that failed to open normally: false when it is damaged or unreadable. */
export function passesQuickCheck(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

const isGood = (backupsDir: string) => (backup: BackupInfo) => checkBackupFile(path.join(backupsDir, backup.fileName), migrations).ok;

/**
 * The backup a lost or damaged database is replaced by: the one whose data is newest among this
 * PC's own (a copy brought from another PC only when there is no other), and that passes the
 * whole check a restore makes, so a crafted file in the folder is never what it is replaced by.
 */
export function newestGoodBackup(backupsDir: string): BackupInfo | undefined {
  const byData = listBackups(backupsDir).sort((a, b) => b.madeAt.localeCompare(a.madeAt));
  const own = byData.filter((b) => b.reason !== 'imported');
  return own.find(isGood(backupsDir)) ?? byData.filter((b) => b.reason === 'imported').find(isGood(backupsDir));
}

const newMachineIdentity = (): MachineIdentity => ({ machineId: randomUUID(), receiptPrefix: null, currentStaff: null, receiptSequences: [] });

function identityIn(file: string): MachineIdentity | undefined {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('trusted_schema = OFF');
      return readMachineIdentity(db);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * Who this PC is, for the file that replaces its database: read from the damaged file while it
 * still reads (its receipt counters are the latest), else from this PC's newest own backup.
 */
function thisMachineIdentity(dbPath: string, backupsDir: string): MachineIdentity | undefined {
  const own = listBackups(backupsDir)
    .filter((b) => b.reason !== 'imported')
    .sort((a, b) => b.madeAt.localeCompare(a.madeAt));
  for (const file of [dbPath, ...own.map((b) => path.join(backupsDir, b.fileName))]) {
    const identity = fs.existsSync(file) ? identityIn(file) : undefined;
    if (identity) return identity;
  }
  return undefined;
}

/**
 * Replaces a damaged database by its newest good backup. The damaged file (and its WAL) is moved
 * into `damaged/`, never deleted or overwritten, so it can still be sent for recovery.
 */
export function restoreAfterDamage(dbPath: string, backupsDir: string, now: Date = new Date()): { backup: BackupInfo; keptAs: string } {
  const backup = newestGoodBackup(backupsDir);
  if (!backup) throw new Error('no good backup to restore');
  // Prepared beside the database before anything moves: the damaged file stays in place if this fails.
  // A `.partial` in backups/ (same disk, removed at start if a crash leaves it).
  const incoming = path.join(backupsDir, `restore-after-damage-${randomBytes(4).toString('hex')}.partial`);
  fs.copyFileSync(path.join(backupsDir, backup.fileName), incoming);
  try {
    // With nothing left that knows this PC, a copy from another PC gets a new id rather than that PC's.
    const identity = thisMachineIdentity(dbPath, backupsDir) ?? (backup.reason === 'imported' ? newMachineIdentity() : undefined);
    if (identity) prepareForRestore(incoming, identity);
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    throw error;
  }
  const damagedDir = path.join(path.dirname(dbPath), 'damaged');
  fs.mkdirSync(damagedDir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const keptAs = path.join(damagedDir, `${path.basename(dbPath, '.sqlite3')}-${stamp}.sqlite3`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, keptAs + suffix);
  }
  fs.renameSync(incoming, dbPath);
  return { backup, keptAs };
}
