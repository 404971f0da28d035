import fs from 'node:fs';
import { dataDirMessages } from '../../../shared/messages/dataDirMessages.ts';
import { AppError } from '../errors.ts';

/** What the file system says when this user may not write there (EROFS: a read-only volume). */
const deniedCodes = new Set(['EACCES', 'EPERM', 'EROFS']);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch (error) {
    return codeOf(error) === 'ENOENT';
  }
}

/**
 * True when a write failed because this user may not write there. SQLite opens a file it may
 * not write read-only without a word and fails at the first write (SQLITE_READONLY);
 * SQLITE_READONLY_DBMOVED is a moved file, not a permission.
 */
export function isWriteDenied(error: unknown): boolean {
  const code = codeOf(error);
  if (deniedCodes.has(code)) return true;
  return code.startsWith('SQLITE_READONLY') && code !== 'SQLITE_READONLY_DBMOVED';
}

/**
 * True when an error from opening the data folder (folder, lock, log, database) means "this user
 * cannot write there". SQLITE_CANTOPEN has other causes, so it counts only when the folder or
 * one of `files` is indeed not writable.
 */
export function isReadOnlyError(error: unknown, dataDir: string, files: readonly string[] = []): boolean {
  if (isWriteDenied(error)) return true;
  return codeOf(error) === 'SQLITE_CANTOPEN' && [dataDir, ...files].some((file) => !writable(file));
}

/**
 * Refuses a database file (or its -wal/-shm) this user may not write before SQLite opens it:
 * SQLite would open it read-only without a word, and the clerk would find out at the first save.
 */
export function assertWritable(dataDir: string, files: readonly string[]): void {
  if ([dataDir, ...files].some((file) => !writable(file))) throw dataDirReadOnlyError(dataDir);
}

/** DATA_DIR_READ_ONLY, naming the folder and what to do: for the start-up dialog and the console. */
export function dataDirReadOnlyError(dataDir: string): AppError {
  return new AppError('DATA_DIR_READ_ONLY', dataDirMessages.readOnlyAtStart(dataDir));
}
