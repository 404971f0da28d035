import Database from 'better-sqlite3';
import { migrate } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { AppError } from '../errors.ts';
import { backupMessages } from '../../../shared/messages/backupMessages.ts';
import { applyMachineIdentity, type MachineIdentity } from './machineIdentity.ts';

/** Opens the working copy (already checked: its schema is the app's own) for a change. */
export function withCopy(work: string, use: (copy: Database.Database) => void): void {
  const copy = new Database(work, { fileMustExist: true });
  try {
    copy.pragma('trusted_schema = OFF');
    copy.pragma('foreign_keys = ON');
    use(copy);
  } finally {
    copy.close();
  }
}

/**
 * The checked copy, made ready to take the live file's place: migrated to this version (its
 * schema is the app's own, so only the app's own SQL runs) and carrying this machine's identity.
 */
export function prepareForRestore(work: string, identity: MachineIdentity): void {
  try {
    withCopy(work, (copy) => {
      migrate(copy, migrations);
      applyMachineIdentity(copy, identity);
      if ((copy.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('foreign keys broken after migration');
      copy.pragma('journal_mode = DELETE');
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_FILE', backupMessages.restoreRefused(backupMessages.cannotUpgrade));
  }
}
