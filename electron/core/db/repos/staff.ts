import { newRecordId } from '../recordIds.ts';
import type { Staff } from '../../../../shared/domain/staff.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';
import { assertRevision, assertWritten, revisionGuard } from './revisions.ts';

interface StaffRow {
  id: string;
  name: string;
  active: number;
  revision: number;
}

const toStaff = (row: StaffRow): Staff => ({ id: row.id, name: row.name, active: row.active === 1, revision: row.revision });

export function listStaff(db: Db, includeInactive: boolean): Staff[] {
  const where = includeInactive ? '' : 'WHERE active = 1';
  return (statement(db, `SELECT id, name, active, revision FROM staff ${where} ORDER BY created_at`).all() as StaffRow[]).map(toStaff);
}

export function getStaff(db: Db, id: string): Staff | undefined {
  const row = statement(db, 'SELECT id, name, active, revision FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  return row && toStaff(row);
}

export function createStaff(db: Db, name: string, ctx: WriteContext): Staff {
  const id = newRecordId();
  const now = (ctx.now?.() ?? new Date()).toISOString();
  statement(db, 'INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?)').run(id, name, now, now, ctx.machineId);
  return getStaff(db, id)!;
}

/** Staff who leave are made inactive, never deleted: their name stays on past records. */
export function updateStaff(
  db: Db,
  id: string,
  patch: { name?: string | undefined; active?: boolean | undefined; expectedRevision: number },
  ctx: WriteContext,
): Staff {
  assertRevision(db, 'staff', id, patch.expectedRevision);
  const current = getStaff(db, id)!;
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const { changes } = statement(
    db,
    `UPDATE staff SET name = @name, active = @active, updated_at = @now, updated_by = @machineId, revision = revision + 1
      WHERE id = @id AND ${revisionGuard}`,
  ).run({
    id,
    name: patch.name ?? current.name,
    active: (patch.active ?? current.active) ? 1 : 0,
    now,
    machineId: ctx.machineId,
    expectedRevision: patch.expectedRevision,
  });
  assertWritten(changes);
  return getStaff(db, id)!;
}
