import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { AppError } from '../errors.ts';
import { backupMessages } from '../../../shared/messages/backupMessages.ts';
import type { FileStore } from '../files/fileStore.ts';
import { createBackup, isBackupFileName, listBackups, type BackupInfo } from './backups.ts';
import { decryptFile, encryptFile, isEncryptedBackup, minPasswordChars } from './backupCrypto.ts';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** A backup in the folder, named by the user's click: never a path of their choosing. */
function backupPath(backupsDir: string, fileName: string): string {
  const file = path.join(backupsDir, fileName);
  if (!isBackupFileName(fileName) || !fs.existsSync(file)) throw new AppError('NOT_FOUND', backupMessages.notFound);
  return file;
}

/** Whether a file is a whole, healthy database of this app that this version can open. */
function checkDatabaseFile(file: string): { ok: true } | { ok: false; reason: string } {
  const head = Buffer.alloc(sqliteHeader.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(sqliteHeader)) return { ok: false, reason: backupMessages.notOurBackup };
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') return { ok: false, reason: backupMessages.damaged };
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clinics'").get()) {
        return { ok: false, reason: backupMessages.notOurBackup };
      }
      if ((db.pragma('user_version', { simple: true }) as number) > migrations.length) {
        return { ok: false, reason: backupMessages.tooNew };
      }
    } finally {
      db.close();
    }
  } catch {
    return { ok: false, reason: backupMessages.unreadable };
  }
  return { ok: true };
}

export interface BackupServiceDeps {
  db: Db;
  dbPath: string;
  backupsDir: string;
  files: FileStore;
  now: () => Date;
  /** True while a job runs: nothing is restored or purged under an import. */
  busy: () => boolean;
}

/** 設定 → バックアップ: list, back up now, carry a copy away (optionally encrypted), bring one back, restore. */
export function backupService(deps: BackupServiceDeps) {
  const { db, backupsDir } = deps;
  const refuseWhileBusy = () => {
    if (deps.busy()) throw new AppError('BUSY');
  };

  return {
    list: () => listBackups(backupsDir),
    create: () => createBackup(db, backupsDir, 'manual', deps.now()),

    /** A copy to save elsewhere: the database file itself, or encrypted with a password. */
    async export(fileName: string, password: string) {
      const source = backupPath(backupsDir, fileName);
      const date = fileName.slice(7, 11) + '-' + fileName.slice(11, 13) + '-' + fileName.slice(13, 15);
      if (!password) return deps.files.addBytes(await fs.promises.readFile(source), backupMessages.exportName(date), 'application/vnd.sqlite3');
      const { fileId, path: target } = deps.files.reservePath();
      try {
        await encryptFile(source, target, password);
      } catch (error) {
        fs.rmSync(target, { force: true });
        throw error;
      }
      return deps.files.adopt(fileId, target, backupMessages.encryptedExportName(date), 'application/octet-stream');
    },

    /** A copy brought back (USB stick): checked, then listed with the others, ready to restore. */
    async addFromFile(stored: { path: string }, password: string): Promise<BackupInfo> {
      fs.mkdirSync(backupsDir, { recursive: true });
      const partial = path.join(backupsDir, `incoming-${Date.now()}.partial`);
      try {
        if (isEncryptedBackup(stored.path)) {
          if (!password) throw new AppError('INVALID_INPUT', backupMessages.passwordNeeded, { password: backupMessages.passwordNeededField });
          if (!(await decryptFile(stored.path, partial, password))) {
            throw new AppError('INVALID_INPUT', backupMessages.wrongPassword, { password: backupMessages.wrongPasswordField });
          }
        } else {
          await fs.promises.copyFile(stored.path, partial);
        }
        const check = checkDatabaseFile(partial);
        if (!check.ok) throw new AppError('INVALID_FILE', check.reason);
        const copy = new Database(partial);
        try {
          return await createBackup(copy, backupsDir, 'imported', deps.now());
        } finally {
          copy.close();
        }
      } finally {
        fs.rmSync(partial, { force: true });
      }
    },

    /**
     * Puts a backup's content in place of the current data: the current data is backed up first,
     * the chosen file is checked, copied in with SQLite's backup API (the app keeps its
     * connection), and brought up to this version's schema.
     */
    async restore(fileName: string): Promise<{ restored: BackupInfo; safetyBackup: BackupInfo }> {
      refuseWhileBusy();
      const source = backupPath(backupsDir, fileName);
      const check = checkDatabaseFile(source);
      if (!check.ok) throw new AppError('INVALID_FILE', check.reason);
      const restored = listBackups(backupsDir).find((b) => b.fileName === fileName)!;
      const safetyBackup = await createBackup(db, backupsDir, 'before-restore', deps.now());
      const backup = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await backup.backup(deps.dbPath);
      } finally {
        backup.close();
      }
      db.pragma('journal_mode = WAL');
      migrate(db, migrations);
      return { restored, safetyBackup };
    },
  };
}

export type BackupService = ReturnType<typeof backupService>;
export { minPasswordChars };
