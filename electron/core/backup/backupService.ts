import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { migrations } from '../db/migrations/index.ts';
import { AppError } from '../errors.ts';
import { backupMessages, backupTimeLabel } from '../../../shared/messages/backupMessages.ts';
import type { FileStore } from '../files/fileStore.ts';
import { createBackup, isBackupFileName, listBackups, type BackupInfo } from './backups.ts';
import { checkBackupFile } from './checkBackupFile.ts';
import { applyMachineIdentity, readMachineIdentity } from './machineIdentity.ts';
import { prepareForRestore, withCopy } from './prepareRestoreCopy.ts';
import { applySharingSetup, readSharingSetup } from '../sync/restoreWhileSharing.ts';
import { readBackupMadeAt } from './backupMadeAt.ts';
import { decryptFile, encryptFile, isEncryptedBackup, minPasswordChars } from './backupCrypto.ts';

/** A backup in the folder, named by the user's click: never a path of their choosing. */
function backupPath(backupsDir: string, fileName: string): string {
  const file = path.join(backupsDir, fileName);
  if (!isBackupFileName(fileName) || !fs.existsSync(file)) throw new AppError('NOT_FOUND', backupMessages.notFound);
  return file;
}

/** A working copy beside the backups: `.partial`, so a crash leaves nothing that looks like a backup. */
function workingCopyPath(backupsDir: string, purpose: string): string {
  return path.join(backupsDir, `${purpose}-${Date.now()}-${randomBytes(4).toString('hex')}.partial`);
}

function removeWorkingCopy(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export interface BackupServiceDeps {
  db: Db;
  dbPath: string;
  backupsDir: string;
  files: FileStore;
  now: () => Date;
  /** True while a job runs: nothing is restored or purged under an import. */
  busy: () => boolean;
  /** Called once restored data is live, for what must follow it (its search index checked). */
  afterRestore?: () => void;
  /** Holds sharing still while the file is replaced; what it returns lets it go on (restored or not). */
  pauseSharing?: () => Promise<() => void>;
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
      // Every record is in it, unencrypted: it is handed out once and then removed (see FileKeep).
      if (!password) return deps.files.addBytes(await fs.promises.readFile(source), backupMessages.exportName(date), 'application/vnd.sqlite3', 'handOutOnce');
      const { fileId, path: target } = deps.files.reservePath();
      try {
        await encryptFile(source, target, password);
      } catch (error) {
        fs.rmSync(target, { force: true });
        throw error;
      }
      return deps.files.adopt(fileId, target, backupMessages.encryptedExportName(date), 'application/octet-stream', 'handOutOnce');
    },

    /** A copy brought back (USB stick): checked, then listed with the others, ready to restore. */
    async addFromFile(stored: { path: string }, password: string): Promise<BackupInfo> {
      fs.mkdirSync(backupsDir, { recursive: true });
      const partial = workingCopyPath(backupsDir, 'incoming');
      try {
        if (isEncryptedBackup(stored.path)) {
          if (!password) throw new AppError('INVALID_INPUT', backupMessages.passwordNeeded, { password: backupMessages.passwordNeededField });
          if (!(await decryptFile(stored.path, partial, password))) {
            throw new AppError('INVALID_INPUT', backupMessages.wrongPassword, { password: backupMessages.wrongPasswordField });
          }
        } else {
          await fs.promises.copyFile(stored.path, partial);
        }
        const check = checkBackupFile(partial, migrations);
        if (!check.ok) throw new AppError('INVALID_FILE', backupMessages.addRefused(check.reason));
        const copy = new Database(partial);
        try {
          const now = deps.now();
          return await createBackup(copy, backupsDir, 'imported', now, readBackupMadeAt(copy) ?? now.toISOString());
        } finally {
          copy.close();
        }
      } finally {
        removeWorkingCopy(partial);
      }
    },

    /**
     * Puts a backup's content in place of the current data. The chosen file is copied aside and
     * checked whole there (schema, references, rows), brought up to this version's schema and
     * given this machine's identity; only then is the current data backed up and replaced, with
     * SQLite's backup API (the app keeps its connection). Any refusal leaves the live file as it was.
     */
    async restore(fileName: string): Promise<{ restored: BackupInfo; safetyBackup: BackupInfo; message: string }> {
      refuseWhileBusy();
      const source = backupPath(backupsDir, fileName);
      const listed = listBackups(backupsDir).find((b) => b.fileName === fileName)!;
      const work = workingCopyPath(backupsDir, 'restore');
      let resumeSharing: (() => void) | undefined;
      try {
        await fs.promises.copyFile(source, work);
        const check = checkBackupFile(work, migrations);
        if (!check.ok) throw new AppError('INVALID_FILE', backupMessages.restoreRefused(check.reason));
        prepareForRestore(work, readMachineIdentity(db));
        resumeSharing = await deps.pauseSharing?.();
        const safetyBackup = await createBackup(db, backupsDir, 'before-restore', deps.now());
        // Again, with no wait before the copy starts: a 受付番号 issued during the safety backup counts too.
        withCopy(work, (copy) => {
          applyMachineIdentity(copy, readMachineIdentity(db));
          applySharingSetup(copy, readSharingSetup(db));
        });
        const copy = new Database(work, { readonly: true, fileMustExist: true });
        try {
          await copy.backup(deps.dbPath);
        } finally {
          copy.close();
        }
        db.pragma('journal_mode = WAL');
        deps.afterRestore?.();
        const restored = { ...listed, counts: check.counts };
        const message = `${backupMessages.restored(backupTimeLabel(new Date(listed.madeAt), deps.now()), check.counts)}${backupMessages.restoredSafety}`;
        return { restored, safetyBackup, message };
      } finally {
        removeWorkingCopy(work);
        resumeSharing?.();
      }
    },
  };
}

export type BackupService = ReturnType<typeof backupService>;
export { minPasswordChars };
