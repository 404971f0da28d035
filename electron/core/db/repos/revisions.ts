import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';

type RevisedTable = 'clinics' | 'inquiries' | 'staff';

/**
 * Refuses a write from a form opened on an older revision of the record: NOT_FOUND when the
 * record is gone, CONFLICT when someone else has written it since. `undefined` means the caller
 * writes unconditionally (a roster import's update, which the user confirmed row by row).
 */
export function assertRevision(db: Db, table: RevisedTable, id: string, expectedRevision: number | undefined): void {
  const row = statement(db, `SELECT revision FROM ${table} WHERE id = ?`).get(id) as { revision: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (expectedRevision !== undefined && row.revision !== expectedRevision) throw new AppError('CONFLICT');
}

/**
 * The guard an UPDATE carries as well, so a write committed by another connection between the
 * check above and this statement still cannot be overwritten. Bind `expectedRevision` (or null).
 */
export const revisionGuard = '(@expectedRevision IS NULL OR revision = @expectedRevision)';

/** After a guarded UPDATE changed no row: the record moved on under it. */
export function assertWritten(changes: number): void {
  if (changes === 0) throw new AppError('CONFLICT');
}
