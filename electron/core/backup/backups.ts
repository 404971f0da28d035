import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import { readBackupMadeAt, stampBackupMadeAt } from './backupMadeAt.ts';
import { backupsToRemove } from './backupRotation.ts';

export { backupsToRemove };

export type BackupReason = 'daily' | 'manual' | 'before-migration' | 'before-import' | 'before-purge' | 'before-restore' | 'before-repair' | 'before-join' | 'imported';

export interface BackupInfo {
  fileName: string;
  /** When the file was written into this folder (for a copy brought back: when it arrived). */
  createdAt: string;
  /** When its data was taken, on whichever PC: what staff choose a backup by. */
  madeAt: string;
  reason: BackupReason | 'unknown';
  sizeBytes: number;
  counts: { clinics: number; inquiries: number } | null;
}

/** backup-<UTC stamp>-<reason>[-<n>].sqlite3: n tells apart two backups of one second. */
const namePattern = /^backup-(\d{8}T\d{6}Z)-([a-z]+(?:-[a-z]+)*)(?:-\d+)?\.sqlite3$/;

export const isBackupFileName = (name: string) => namePattern.test(name);

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function fromStamp(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`;
}

export function countIn(db: Database.Database): NonNullable<BackupInfo['counts']> {
  const count = (table: string) => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return exists ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
  };
  return { clinics: count('clinics'), inquiries: count('inquiries') };
}

function withReadOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // A file in the folder may have come from anywhere: its views and triggers get no trust.
    db.pragma('trusted_schema = OFF');
    return read(db);
  } finally {
    db.close();
  }
}

/** Record counts and the time its data was taken, read without touching the file. */
function describeFile(file: string): { counts: BackupInfo['counts']; madeAt: string | null } {
  return withReadOnly(file, (db) => ({ counts: countIn(db), madeAt: readBackupMadeAt(db) }));
}

/** Integrity and record counts of a freshly written backup. */
function inspect(file: string): { ok: boolean; counts: BackupInfo['counts'] } {
  return withReadOnly(file, (db) => ({ ok: (db.pragma('integrity_check', { simple: true }) as string) === 'ok', counts: countIn(db) }));
}

/**
 * Copies the live database with SQLite's online backup API (safe while the app keeps writing)
 * and verifies the copy with integrity_check; a copy that fails is removed, never kept as a
 * backup someone might restore.
 */
export async function createBackup(
  db: Db,
  backupsDir: string,
  reason: BackupReason,
  now: Date = new Date(),
  /** A copy brought back keeps the time its data was taken elsewhere. */
  madeAt: string = now.toISOString(),
): Promise<BackupInfo> {
  fs.mkdirSync(backupsDir, { recursive: true });
  // Never over an existing backup (a restore takes its safety copy in the same second as the one before).
  let fileName = `backup-${stamp(now)}-${reason}.sqlite3`;
  for (let n = 2; fs.existsSync(path.join(backupsDir, fileName)); n++) fileName = `backup-${stamp(now)}-${reason}-${n}.sqlite3`;
  const file = path.join(backupsDir, fileName);
  const partial = `${file}.partial`;
  let inspected: ReturnType<typeof inspect>;
  try {
    await db.backup(partial);
    // A backup is one self-contained file: out of WAL mode, so opening it never leaves -wal/-shm.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      stampBackupMadeAt(copy, madeAt);
    } finally {
      copy.close();
    }
    inspected = inspect(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const { ok, counts } = inspected;
  if (!ok) {
    fs.rmSync(partial, { force: true });
    throw new Error('backup failed its integrity check');
  }
  fs.renameSync(partial, file);
  return { fileName, createdAt: now.toISOString(), madeAt, reason, sizeBytes: fs.statSync(file).size, counts };
}

type BackupFile = Omit<BackupInfo, 'sizeBytes' | 'counts' | 'madeAt'>;

/** Backup files in the folder by name alone, newest first: no file is opened. */
function scanBackups(backupsDir: string): BackupFile[] {
  if (!fs.existsSync(backupsDir)) return [];
  return fs
    .readdirSync(backupsDir)
    .map((fileName) => ({ fileName, match: namePattern.exec(fileName) }))
    .filter((entry): entry is { fileName: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ fileName, match }) => ({ fileName, createdAt: fromStamp(match[1]!), reason: (match[2] as BackupReason) ?? 'unknown' }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Backups in the folder, newest first, with size and record counts. */
export function listBackups(backupsDir: string): BackupInfo[] {
  return scanBackups(backupsDir).map((backup) => {
    const file = path.join(backupsDir, backup.fileName);
    let counts: BackupInfo['counts'] = null;
    let madeAt: string | null = null;
    try {
      // Listing only reads; integrity was verified when the backup was written.
      ({ counts, madeAt } = describeFile(file));
    } catch {
      // An unreadable file is listed without counts rather than hidden.
    }
    return { ...backup, madeAt: madeAt ?? backup.createdAt, sizeBytes: fs.statSync(file).size, counts };
  });
}

/** True when no backup of any kind was written on today's Japanese date. */
export function dailyBackupDue(backupsDir: string, now: Date): boolean {
  const today = tokyoDateString(now);
  return !scanBackups(backupsDir).some((b) => tokyoDateString(new Date(b.createdAt)) === today);
}

export function rotateBackups(backupsDir: string, now: Date = new Date()): string[] {
  const removed = backupsToRemove(scanBackups(backupsDir), now);
  for (const backup of removed) fs.rmSync(path.join(backupsDir, backup.fileName), { force: true });
  return removed.map((b) => b.fileName);
}
