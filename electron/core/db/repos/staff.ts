import { newRecordId } from '../recordIds.ts';
import type { Staff } from '../../../../shared/domain/staff.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './clinics.ts';

interface StaffRow {
  id: string;
  name: string;
  active: number;
}

const toStaff = (row: StaffRow): Staff => ({ id: row.id, name: row.name, active: row.active === 1 });

export function listStaff(db: Db, includeInactive: boolean): Staff[] {
  const where = includeInactive ? '' : 'WHERE active = 1';
  return (statement(db, `SELECT id, name, active FROM staff ${where} ORDER BY created_at`).all() as StaffRow[]).map(toStaff);
}

export function getStaff(db: Db, id: string): Staff | undefined {
  const row = statement(db, 'SELECT id, name, active FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  return row && toStaff(row);
}

export function createStaff(db: Db, name: string, ctx: WriteContext): Staff {
  const id = newRecordId();
  const now = (ctx.now?.() ?? new Date()).toISOString();
  statement(db, 'INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?)').run(id, name, now, now, ctx.machineId);
  return getStaff(db, id)!;
}

/** Staff who leave are made inactive, never deleted: their name stays on past records. */
export function updateStaff(db: Db, id: string, patch: { name?: string | undefined; active?: boolean | undefined }, ctx: WriteContext): Staff {
  const current = getStaff(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  const now = (ctx.now?.() ?? new Date()).toISOString();
  statement(db, 'UPDATE staff SET name = ?, active = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    patch.name ?? current.name,
    (patch.active ?? current.active) ? 1 : 0,
    now,
    ctx.machineId,
    id,
  );
  return getStaff(db, id)!;
}
