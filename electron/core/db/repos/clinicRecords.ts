import { newRecordId } from '../recordIds.ts';
import type { Clinic, ClinicFields } from '../../../../shared/domain/clinic.ts';
import { pickClinicFields } from '../../../../shared/domain/clinicMerge.ts';
import { clinicMergeMessages } from '../../../../shared/messages/clinicMergeMessages.ts';
import { recordMessages } from '../../../../shared/messages/recordMessages.ts';
import { AppError } from '../../errors.ts';
import { municipalityOf } from '../../postal/municipalityOf.ts';
import { statement, type Db } from '../connection.ts';
import { clinicColumns, toClinic, type ClinicRow } from './clinicRows.ts';
import { indexClinic, shadowColumns, unindexClinic } from './clinicSearchIndex.ts';
import { assertRevision, assertWritten, revisionGuard } from './revisions.ts';
import type { WriteContext } from './writeContext.ts';

/**
 * The statement that writes a clinic's row, shared with the import bench, whose reference must
 * insert exactly what the app inserts (its search entries: clinicIndexSql).
 */
export const clinicInsertSql = `INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax,
                          contact_person, member_number, memo, name_norm, kana_norm, phone_digits, municipality,
                          no_mailing, no_mailing_reason, created_at, updated_at, updated_by, updated_by_staff)
     VALUES (@id, @name, @nameKana, @kind, @bedCount, @postalCode, @address, @phone, @fax,
             @contactPerson, @memberNumber, @memo, @name_norm, @kana_norm, @phone_digits, @municipality,
             coalesce(@noMailing, 0), coalesce(@noMailingReason, ''), @now, @now, @machineId, @staffId)`;

/** Inserts one row and its search entry; callers own the transaction. */
function insertClinic(db: Db, fields: ClinicFields, ctx: WriteContext, now: string, id: string): void {
  const shadows = shadowColumns(fields);
  const info = statement(db, clinicInsertSql).run({
    id, ...pickFields(fields), ...shadows, municipality: municipalityOf(fields), now, machineId: ctx.machineId, staffId: ctx.staffId ?? null,
  });
  indexClinic(db, Number(info.lastInsertRowid), fields, shadows);
}

/**
 * Only the stored fields: callers may pass validated objects carrying more. 送付不要 is null when
 * not given (an import, a merge), which keeps what is stored; a cleared mark keeps no reason.
 */
function pickFields(fields: ClinicFields) {
  const { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo } = fields;
  // Truthy rather than true: an edit carried over by sync holds the column's 0 or 1.
  const noMailing = fields.noMailing === undefined ? null : fields.noMailing ? 1 : 0;
  const noMailingReason = noMailing === 0 ? '' : (fields.noMailingReason ?? null);
  return { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo, noMailing, noMailingReason };
}

/** Registers a clinic; the name and kana are stored exactly as typed, search uses shadows. */
export function createClinic(db: Db, fields: ClinicFields, ctx: WriteContext, id: string = newRecordId()): Clinic {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  assertMemberNumberFree(db, fields.memberNumber, undefined);
  db.transaction(() => insertClinic(db, fields, ctx, now, id))();
  return getClinic(db, id)!;
}

export function getClinic(db: Db, id: string): Clinic | undefined {
  const row = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.id = ?`).get(id) as ClinicRow | undefined;
  return row && toClinic(row);
}

export function clinicExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM clinics WHERE id = ?').get(id) !== undefined;
}

/** Every clinic in a stable order, for exports; a generator so 200,000 rows never sit in memory. */
export function* iterateClinics(db: Db, includeArchived: boolean): Generator<Clinic> {
  const archived = includeArchived ? '' : 'WHERE c.archived_at IS NULL';
  const rows = statement(db, `SELECT ${clinicColumns} FROM clinics c ${archived} ORDER BY c.seq`).iterate();
  for (const row of rows as Iterable<ClinicRow>) yield toClinic(row);
}

export function countClinics(db: Db, includeArchived: boolean): number {
  const archived = includeArchived ? '' : 'WHERE archived_at IS NULL';
  return (statement(db, `SELECT count(*) AS n FROM clinics ${archived}`).get() as { n: number }).n;
}

/** Registers many clinics in one transaction: all land or none does. */
export function createClinics(
  db: Db,
  rows: readonly { fields: ClinicFields; id?: string | undefined }[],
  ctx: WriteContext,
): number {
  return db.transaction(() => insertClinicRows(db, rows, ctx))();
}

/**
 * Writes many clinics inside the caller's transaction. No transaction of its own on purpose: a
 * nested one is a SAVEPOINT, and FTS5 writes its pending index entries out as a new segment at
 * every savepoint, so an import in 500-row savepoints left both search indexes in hundreds of
 * segments to merge (200,000 rows: 18 s of CPU against 10 s for the same rows in one go).
 */
export function insertClinicRows(db: Db, rows: readonly { fields: ClinicFields; id?: string | undefined }[], ctx: WriteContext): number {
  if (!db.inTransaction) throw new Error('insertClinicRows runs inside its caller\'s transaction');
  const now = (ctx.now?.() ?? new Date()).toISOString();
  for (const { fields, id } of rows) insertClinic(db, fields, ctx, now, id ?? newRecordId());
  return rows.length;
}

/** Whether another clinic already holds this 会員番号 (they are unique when given). */
export function memberNumberTaken(db: Db, memberNumber: string): boolean {
  return statement(db, 'SELECT 1 FROM clinics WHERE member_number = ?').get(memberNumber) !== undefined;
}

function assertMemberNumberFree(db: Db, memberNumber: string, exceptId: string | undefined): void {
  if (memberNumber === '') return;
  const holder = statement(db, 'SELECT id FROM clinics WHERE member_number = ?').get(memberNumber) as { id: string } | undefined;
  if (holder && holder.id !== exceptId) {
    throw new AppError('INVALID_INPUT', recordMessages.memberNumberTaken, { memberNumber: recordMessages.memberNumberTakenField });
  }
}

/**
 * Saves an edit: the row, its shadows and its search entry change together. `expectedRevision`
 * is the revision the form was opened with.
 */
export function updateClinic(db: Db, id: string, fields: ClinicFields, ctx: WriteContext, expectedRevision: number | undefined): Clinic {
  db.transaction(() => {
    assertNotMerged(db, id);
    writeClinicUpdate(db, id, fields, ctx, expectedRevision);
  })();
  return getClinic(db, id)!;
}

/**
 * The edit itself, inside the caller's transaction (an import's updates: one transaction for all,
 * without a savepoint for each row; see insertClinicRows). An import passes no revision.
 */
export function writeClinicUpdate(db: Db, id: string, fields: ClinicFields, ctx: WriteContext, expectedRevision: number | undefined): void {
  if (!db.inTransaction) throw new Error('writeClinicUpdate runs inside its caller\'s transaction');
  assertRevision(db, 'clinics', id, expectedRevision);
  const current = statement(db, 'SELECT seq FROM clinics WHERE id = ?').get(id) as { seq: number };
  assertMemberNumberFree(db, fields.memberNumber, id);
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const shadows = shadowColumns(fields);
  const { changes } = statement(
    db,
    `UPDATE clinics SET name = @name, name_kana = @nameKana, kind = @kind, bed_count = @bedCount,
       postal_code = @postalCode, address = @address, phone = @phone, fax = @fax,
       contact_person = @contactPerson, member_number = @memberNumber, memo = @memo,
       no_mailing = coalesce(@noMailing, no_mailing), no_mailing_reason = coalesce(@noMailingReason, no_mailing_reason),
       name_norm = @name_norm, kana_norm = @kana_norm, phone_digits = @phone_digits, municipality = @municipality,
       updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1
     WHERE id = @id AND ${revisionGuard}`,
  ).run({
    id, ...pickFields(fields), ...shadows, municipality: municipalityOf(fields), now, machineId: ctx.machineId, staffId: ctx.staffId ?? null,
    expectedRevision: expectedRevision ?? null,
  });
  assertWritten(changes);
  unindexClinic(db, current.seq);
  indexClinic(db, current.seq, fields, shadows);
}

/** Archiving hides a clinic from search and lists; nothing is deleted, restore brings it back. */
export function setClinicArchived(db: Db, id: string, archived: boolean, ctx: WriteContext): Clinic {
  if (!archived && getClinic(db, id)?.mergedInto != null) throw new AppError('INVALID_INPUT', clinicMergeMessages.restoreMerged);
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const info = statement(
    db,
    'UPDATE clinics SET archived_at = @archivedAt, updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1 WHERE id = @id',
  ).run({ id, archivedAt: archived ? now : null, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null });
  if (info.changes === 0) throw new AppError('NOT_FOUND');
  return getClinic(db, id)!;
}

/** A record merged into another is edited on the kept one (重複をまとめる); undoing the merge brings it back. */
function assertNotMerged(db: Db, id: string): void {
  const keptName = statement(db, 'SELECT k.name FROM clinics c JOIN clinics k ON k.id = c.merged_into WHERE c.id = ?').pluck().get(id) as string | undefined;
  if (keptName !== undefined) throw new AppError('INVALID_INPUT', clinicMergeMessages.editMerged(keptName));
}

/** The editable fields of one clinic, or undefined when it is gone. */
/** Writes a clinic's search entry again from its stored row, after a write that went around the repo's own (a merge, sync). */
export function reindexStoredClinic(db: Db, id: string): void {
  const seq = statement(db, 'SELECT seq FROM clinics WHERE id = ?').pluck().get(id) as number;
  const clinic = getClinic(db, id)!;
  unindexClinic(db, seq);
  indexClinic(db, seq, clinic, shadowColumns(clinic));
}

export function getClinicFields(db: Db, id: string): ClinicFields | undefined {
  const clinic = getClinic(db, id);
  return clinic && pickClinicFields(clinic);
}
