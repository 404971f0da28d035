import { newRecordId } from '../recordIds.ts';
import { staffNameKey, type Staff, type StaffSolicitor } from '../../../../shared/domain/staff.ts';
import { solicitorMessages } from '../../../../shared/messages/solicitorMessages.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';
import { assertRevision, assertWritten, revisionGuard } from './revisions.ts';

interface StaffRow {
  id: string;
  name: string;
  active: number;
  solicitor_id: string | null;
  notified_on: string | null;
  qualification: string | null;
  qualification_expires_on: string | null;
  revision: number;
}

const columns = 'id, name, active, solicitor_id, notified_on, qualification, qualification_expires_on, revision';

const toStaff = (row: StaffRow): Staff => ({
  id: row.id,
  name: row.name,
  active: row.active === 1,
  solicitorId: row.solicitor_id,
  notifiedOn: row.notified_on,
  qualification: row.qualification,
  qualificationExpiresOn: row.qualification_expires_on,
  revision: row.revision,
});

const noSolicitor: StaffSolicitor = { solicitorId: null, notifiedOn: null, qualification: null, qualificationExpiresOn: null };

export function listStaff(db: Db, includeInactive: boolean): Staff[] {
  const where = includeInactive ? '' : 'WHERE active = 1';
  return (statement(db, `SELECT ${columns} FROM staff ${where} ORDER BY created_at`).all() as StaffRow[]).map(toStaff);
}

export function getStaff(db: Db, id: string): Staff | undefined {
  const row = statement(db, `SELECT ${columns} FROM staff WHERE id = ?`).get(id) as StaffRow | undefined;
  return row && toStaff(row);
}

/**
 * Two staff with one name could not be told apart on the trail or in the 担当 list, so a name
 * (width, case and spaces aside) is taken once, inactive staff included: they still name old records.
 */
function assertNameFree(db: Db, name: string, exceptId: string | null): void {
  const key = staffNameKey(name);
  const taken = (statement(db, 'SELECT id, name FROM staff').all() as { id: string; name: string }[]).find((s) => s.id !== exceptId && staffNameKey(s.name) === key);
  if (taken) throw new AppError('INVALID_INPUT', solicitorMessages.staffNameTaken(taken.name), { name: solicitorMessages.staffNameTakenField });
}

export function createStaff(db: Db, name: string, ctx: WriteContext, solicitor: StaffSolicitor = noSolicitor): Staff {
  const id = newRecordId();
  const now = (ctx.now?.() ?? new Date()).toISOString();
  db.transaction(() => {
    assertNameFree(db, name, null);
    statement(
      db,
      `INSERT INTO staff (id, name, active, solicitor_id, notified_on, qualification, qualification_expires_on, created_at, updated_at, updated_by)
       VALUES (@id, @name, 1, @solicitorId, @notifiedOn, @qualification, @qualificationExpiresOn, @now, @now, @machineId)`,
    ).run({ id, name, ...solicitor, now, machineId: ctx.machineId });
  })();
  return getStaff(db, id)!;
}

/** Staff who leave are made inactive, never deleted: their name stays on past records. */
export function updateStaff(
  db: Db,
  id: string,
  patch: { name?: string | undefined; active?: boolean | undefined; solicitor?: StaffSolicitor | undefined; expectedRevision: number },
  ctx: WriteContext,
): Staff {
  assertRevision(db, 'staff', id, patch.expectedRevision);
  const current = getStaff(db, id)!;
  if (patch.name !== undefined) assertNameFree(db, patch.name, id);
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const solicitor = patch.solicitor ?? current;
  const { changes } = statement(
    db,
    `UPDATE staff SET name = @name, active = @active, solicitor_id = @solicitorId, notified_on = @notifiedOn, qualification = @qualification,
            qualification_expires_on = @qualificationExpiresOn, updated_at = @now, updated_by = @machineId, revision = revision + 1
      WHERE id = @id AND ${revisionGuard}`,
  ).run({
    id,
    name: patch.name ?? current.name,
    active: (patch.active ?? current.active) ? 1 : 0,
    solicitorId: solicitor.solicitorId,
    notifiedOn: solicitor.notifiedOn,
    qualification: solicitor.qualification,
    qualificationExpiresOn: solicitor.qualificationExpiresOn,
    now,
    machineId: ctx.machineId,
    expectedRevision: patch.expectedRevision,
  });
  assertWritten(changes);
  return getStaff(db, id)!;
}
