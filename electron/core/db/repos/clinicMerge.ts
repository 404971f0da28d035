import type { ClinicFields } from '../../../../shared/domain/clinic.ts';
import { mergedClinicFields, mergedFieldsProblem, pickClinicFields, type ClinicMergeInput, type MergeChoices } from '../../../../shared/domain/clinicMerge.ts';
import { clinicMergeMessages } from '../../../../shared/messages/clinicMergeMessages.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import { newRecordId } from '../recordIds.ts';
import { getClinic, reindexStoredClinic, writeClinicUpdate } from './clinicRecords.ts';
import { assertRevision } from './revisions.ts';
import type { WriteContext } from './writeContext.ts';

/** The rows a merge moved to the kept record, by id: undo moves exactly these back. */
export interface MovedRows {
  inquiries: string[];
  documentOutputs: string[];
}

/** What the merged-away record held before, for undo: its 会員番号 (a 会員番号 names one record) and whether it was archived. */
interface MergedBefore {
  memberNumber: string;
  archivedAt: string | null;
}

/** One row of clinic_merges, as stored. */
export interface ClinicMergeRow {
  id: string;
  kept_id: string;
  merged_id: string;
  chosen: string;
  kept_before: string;
  merged_before: string;
  moved: string;
  kept_updated_at: string;
  staff_id: string | null;
  created_at: string;
  updated_at: string;
  machine: string;
  undone_at: string | null;
}

const nowOf = (ctx: WriteContext) => (ctx.now?.() ?? new Date()).toISOString();

function requireClinic(db: Db, id: string) {
  const clinic = getClinic(db, id);
  if (!clinic) throw new AppError('NOT_FOUND');
  return clinic;
}

/** Sets the merged-away record's pointer, archive time and 会員番号, with its search entry. */
function writeMergedState(db: Db, id: string, state: { mergedInto: string | null; archivedAt: string | null; memberNumber: string }, ctx: WriteContext, now: string): void {
  statement(
    db,
    `UPDATE clinics SET merged_into = @mergedInto, archived_at = @archivedAt, member_number = @memberNumber,
       updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1 WHERE id = @id`,
  ).run({ id, ...state, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null });
  reindexStoredClinic(db, id);
}

function assertMemberNumberFree(db: Db, memberNumber: string, exceptIds: readonly string[], message: string): void {
  if (memberNumber === '') return;
  const holder = statement(db, 'SELECT id FROM clinics WHERE member_number = ?').pluck().get(memberNumber) as string | undefined;
  if (holder !== undefined && !exceptIds.includes(holder)) throw new AppError('INVALID_INPUT', message);
}

/** Rows of `table` pointing at a clinic, by id. */
const rowsOf = (db: Db, table: 'inquiries' | 'document_outputs', clinicId: string) =>
  statement(db, `SELECT id FROM ${table} WHERE clinic_id = ? ORDER BY id`).pluck().all(clinicId) as string[];

/**
 * Moves inquiries (their quotes and status history hang off them) and print records from one
 * clinic to another. A print record the target already holds for the same PDF and action stays
 * where it is: it is the same event recorded twice, and the unique rule allows it once per clinic.
 */
function moveRows(db: Db, ids: MovedRows, to: string, ctx: WriteContext, now: string): MovedRows {
  const inquiry = statement(
    db,
    `UPDATE inquiries SET clinic_id = @to, updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1 WHERE id = @id`,
  );
  for (const id of ids.inquiries) inquiry.run({ id, to, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null });
  const output = statement(
    db,
    `UPDATE document_outputs SET clinic_id = @to WHERE id = @id AND NOT EXISTS (
       SELECT 1 FROM document_outputs o, document_outputs d WHERE d.id = @id AND o.clinic_id = @to AND o.output_key = d.output_key AND o.action = d.action)`,
  );
  const documentOutputs = ids.documentOutputs.filter((id) => output.run({ id, to }).changes === 1);
  return { inquiries: ids.inquiries, documentOutputs };
}

/** How many quotes hang off these inquiries. */
export function quotesOf(db: Db, inquiryIds: readonly string[]): number {
  if (inquiryIds.length === 0) return 0;
  return statement(db, `SELECT count(*) FROM inquiry_quotes WHERE inquiry_id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(inquiryIds)) as number;
}

/** What merging would move to the kept record: the merged-away record's inquiries, their quotes, its print records. */
export function mergeMovesOf(db: Db, mergedId: string) {
  const inquiries = rowsOf(db, 'inquiries', mergedId);
  return { inquiries: inquiries.length, quotes: quotesOf(db, inquiries), documentOutputs: rowsOf(db, 'document_outputs', mergedId).length };
}

/**
 * Merges two records of one clinic in one transaction: the kept record takes the chosen values,
 * the other's inquiries (with their quotes and history) and print records move to it, and the
 * other is archived with a pointer to it. Every row changed is an ordinary shared edit, so the
 * merge replicates as such; the merge row says what changed so it can be undone.
 */
export function mergeClinics(db: Db, input: ClinicMergeInput, ctx: WriteContext): ClinicMergeRow {
  return db.transaction(() => {
    const { keptId, mergedId } = input;
    if (keptId === mergedId) throw new AppError('INVALID_INPUT', clinicMergeMessages.sameRecord);
    const kept = requireClinic(db, keptId);
    const merged = requireClinic(db, mergedId);
    if (kept.mergedInto !== null || merged.mergedInto !== null) throw new AppError('INVALID_INPUT', clinicMergeMessages.alreadyMerged);
    if (kept.archivedAt !== null) throw new AppError('INVALID_INPUT', clinicMergeMessages.keptArchived);
    assertRevision(db, 'clinics', keptId, input.keptRevision);
    assertRevision(db, 'clinics', mergedId, input.mergedRevision);
    const choices: MergeChoices = input.choices;
    const fields = mergedClinicFields(kept, merged, choices);
    const problem = mergedFieldsProblem(fields);
    if (problem) throw new AppError('INVALID_INPUT', clinicMergeMessages.bedCountMismatch(problem));
    assertMemberNumberFree(db, fields.memberNumber, [keptId, mergedId], clinicMergeMessages.memberNumberHeldElsewhere);

    const now = nowOf(ctx);
    const mergedBefore: MergedBefore = { memberNumber: merged.memberNumber, archivedAt: merged.archivedAt };
    // The merged-away record gives up its 会員番号 first: the kept record may be taking it.
    writeMergedState(db, mergedId, { mergedInto: keptId, archivedAt: merged.archivedAt ?? now, memberNumber: '' }, ctx, now);
    const moved = moveRows(db, { inquiries: rowsOf(db, 'inquiries', mergedId), documentOutputs: rowsOf(db, 'document_outputs', mergedId) }, keptId, ctx, now);
    writeClinicUpdate(db, keptId, fields, { ...ctx, now: () => new Date(now) }, undefined);

    const row: ClinicMergeRow = {
      id: newRecordId(),
      kept_id: keptId,
      merged_id: mergedId,
      chosen: JSON.stringify({ choices, fields }),
      // With its 送付不要, which the merge may set: undo gives it back (a row from before this has none, and keeps the stored mark).
      kept_before: JSON.stringify({ ...pickClinicFields(kept), noMailing: kept.noMailing, noMailingReason: kept.noMailingReason }),
      merged_before: JSON.stringify(mergedBefore),
      moved: JSON.stringify(moved),
      kept_updated_at: now,
      staff_id: ctx.staffId ?? null,
      created_at: now,
      updated_at: now,
      machine: ctx.machineId,
      undone_at: null,
    };
    statement(
      db,
      `INSERT INTO clinic_merges (id, kept_id, merged_id, chosen, kept_before, merged_before, moved, kept_updated_at, staff_id, created_at, updated_at, machine, undone_at)
       VALUES (@id, @kept_id, @merged_id, @chosen, @kept_before, @merged_before, @moved, @kept_updated_at, @staff_id, @created_at, @updated_at, @machine, @undone_at)`,
    ).run(row);
    return row;
  })();
}

export function getMergeRow(db: Db, id: string): ClinicMergeRow | undefined {
  return statement(db, 'SELECT * FROM clinic_merges WHERE id = ?').get(id) as ClinicMergeRow | undefined;
}

/**
 * Why a merge cannot be undone now, or undefined when it can: it is undone already, or the kept
 * record was changed after it (here or on another machine: the edit time is shared), or the
 * merged-away record no longer points at the kept one.
 */
export function undoRefusal(db: Db, row: ClinicMergeRow): string | undefined {
  if (row.undone_at !== null) return clinicMergeMessages.alreadyUndone;
  const kept = getClinic(db, row.kept_id);
  if (!kept || kept.updatedAt !== row.kept_updated_at) return clinicMergeMessages.keptChangedSince;
  if (getClinic(db, row.merged_id)?.mergedInto !== row.kept_id) return clinicMergeMessages.mergedChangedSince;
  return undefined;
}

/**
 * Undoes a merge in one transaction, allowed only while nothing has changed on the kept record
 * since: the kept record gets its values back, the moved rows go back, the other record comes
 * back as it was (archived or not, with its 会員番号), and the merge is marked undone.
 */
export function undoClinicMerge(db: Db, mergeId: string, ctx: WriteContext): ClinicMergeRow {
  return db.transaction(() => {
    const row = getMergeRow(db, mergeId);
    if (!row) throw new AppError('NOT_FOUND', clinicMergeMessages.mergeNotFound);
    const refusal = undoRefusal(db, row);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const now = nowOf(ctx);
    const keptBefore = JSON.parse(row.kept_before) as ClinicFields;
    const mergedBefore = JSON.parse(row.merged_before) as MergedBefore;
    const moved = JSON.parse(row.moved) as MovedRows;
    for (const memberNumber of [mergedBefore.memberNumber, keptBefore.memberNumber]) {
      assertMemberNumberFree(db, memberNumber, [row.kept_id, row.merged_id], clinicMergeMessages.memberNumberTakenOnUndo);
    }
    const at = { ...ctx, now: () => new Date(now) };
    // The kept record lets go of its 会員番号 first: the merged-away one may be taking it back.
    writeClinicUpdate(db, row.kept_id, { ...keptBefore, memberNumber: '' }, at, undefined);
    writeMergedState(db, row.merged_id, { mergedInto: null, archivedAt: mergedBefore.archivedAt, memberNumber: mergedBefore.memberNumber }, ctx, now);
    if (keptBefore.memberNumber !== '') writeClinicUpdate(db, row.kept_id, keptBefore, at, undefined);
    const stillOnKept = {
      inquiries: moved.inquiries.filter((id) => statement(db, 'SELECT clinic_id FROM inquiries WHERE id = ?').pluck().get(id) === row.kept_id),
      documentOutputs: moved.documentOutputs.filter((id) => statement(db, 'SELECT clinic_id FROM document_outputs WHERE id = ?').pluck().get(id) === row.kept_id),
    };
    moveRows(db, stillOnKept, row.merged_id, ctx, now);
    statement(db, 'UPDATE clinic_merges SET undone_at = @now, updated_at = @now WHERE id = @id').run({ id: mergeId, now });
    return getMergeRow(db, mergeId)!;
  })();
}
