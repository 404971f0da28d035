import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../db/migrations/index.ts';
import { listBackups, type BackupInfo } from './backups.ts';
import { checkBackupFile } from './checkBackupFile.ts';

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

/**
 * The newest backup that passes the whole check a restore makes (an older one if the newest is
 * bad too): a crafted file in the folder is never what a damaged database is replaced by.
 */
export function newestGoodBackup(backupsDir: string): BackupInfo | undefined {
  return listBackups(backupsDir).find((backup) => checkBackupFile(path.join(backupsDir, backup.fileName), migrations).ok);
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
