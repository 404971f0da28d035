import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackups, type BackupInfo } from './backups.ts';

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

/** The newest backup that still passes integrity_check (an older one if the newest is bad too). */
export function newestGoodBackup(backupsDir: string): BackupInfo | undefined {
  return listBackups(backupsDir).find((backup) => {
    try {
      const db = new Database(path.join(backupsDir, backup.fileName), { readonly: true, fileMustExist: true });
      try {
        return db.pragma('integrity_check', { simple: true }) === 'ok';
      } finally {
        db.close();
      }
    } catch {
      return false;
    }
  });
}

/**
 * Replaces a damaged database by its newest good backup. The damaged file (and its WAL) is moved
 * into `damaged/`, never deleted or overwritten, so it can still be sent for recovery.
 */
export function restoreAfterDamage(dbPath: string, backupsDir: string, now: Date = new Date()): { backup: BackupInfo; keptAs: string } {
  const backup = newestGoodBackup(backupsDir);
  if (!backup) throw new Error('no good backup to restore');
  const damagedDir = path.join(path.dirname(dbPath), 'damaged');
  fs.mkdirSync(damagedDir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const keptAs = path.join(damagedDir, `${path.basename(dbPath, '.sqlite3')}-${stamp}.sqlite3`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, keptAs + suffix);
  }
  fs.copyFileSync(path.join(backupsDir, backup.fileName), dbPath);
  return { backup, keptAs };
}
