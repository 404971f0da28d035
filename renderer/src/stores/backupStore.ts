import { create } from 'zustand';
import type { BackupInfoDto } from '../../../shared/domain/backup.ts';
import { call, openFile, saveFile } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';

/** Survives the reload after a restore, so the clerk reads what happened. */
const restoredNoteKey = 'cyber-counter:restored';

interface BackupState {
  busy: boolean;
  /** Japanese line about the last action, and whether it went wrong. */
  message: { text: string; error: boolean } | null;
  backupNow(): Promise<void>;
  /** Saves a copy elsewhere; password '' saves the database file unprotected. */
  exportCopy(backup: BackupInfoDto, password: string): Promise<boolean>;
  /** Brings back a copy; answers 'needsPassword' when the chosen file is protected. */
  addFromFile(password?: string, fileId?: string): Promise<{ needsPassword: string } | null>;
  restore(backup: BackupInfoDto): Promise<void>;
  /** The note left by a restore before the reload, once. */
  takeRestoredNote(): string | null;
}

/** Backup actions and their outcome line; the list itself is a read (queries.backups). */
export const useBackupStore = create<BackupState>()((set) => {
  const run = async (work: () => Promise<string | null>) => {
    set({ busy: true, message: null });
    try {
      const text = await work();
      if (text) set({ message: { text, error: false } });
    } catch (error) {
      set({ message: { text: errorMessageOf(error, 'バックアップの操作ができませんでした。もう一度お試しください。'), error: true } });
    } finally {
      set({ busy: false });
    }
  };

  return {
    busy: false,
    message: null,

    backupNow: () =>
      run(async () => {
        await call('backups.create', {});
        return 'バックアップを作成しました。';
      }),

    async exportCopy(backup, password) {
      let saved = false;
      await run(async () => {
        const file = await call('backups.export', { fileName: backup.fileName, password });
        saved = await saveFile(file);
        return saved ? `${file.name} を保存しました。` : '保存を取りやめました。';
      });
      return saved;
    },

    async addFromFile(password = '', fileId) {
      let needsPassword: string | null = null;
      let chosen = fileId;
      await run(async () => {
        chosen ??= (await openFile('backupFile'))?.fileId;
        if (!chosen) return null;
        try {
          await call('backups.addFromFile', { fileId: chosen, password });
        } catch (error) {
          // A protected file: ask for the password (again, with the reason, when one was wrong).
          if (error instanceof ApiError && error.fields.password) {
            needsPassword = chosen;
            if (!password) return null;
          }
          throw error;
        }
        return 'バックアップを読み込みました。一覧の「他の場所から」の行から復元できます。';
      });
      return needsPassword ? { needsPassword } : null;
    },

    restore: (backup) =>
      run(async () => {
        // The core says what was restored in staff's words (when, how many records), never a file name.
        const result = await call('backups.restore', { fileName: backup.fileName });
        sessionStorage.setItem(restoredNoteKey, result.message);
        // Every screen holds data of the old database: start them all afresh.
        window.location.reload();
        return null;
      }),

    takeRestoredNote() {
      const note = sessionStorage.getItem(restoredNoteKey);
      sessionStorage.removeItem(restoredNoteKey);
      return note;
    },
  };
});
