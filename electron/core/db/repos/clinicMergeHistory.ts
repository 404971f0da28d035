import type { ClinicFields } from '../../../../shared/domain/clinic.ts';
import { takenFieldLabels, type ClinicMerge, type MergeChoices } from '../../../../shared/domain/clinicMerge.ts';
import { statement, type Db } from '../connection.ts';
import { quotesOf, undoRefusal, type ClinicMergeRow, type MovedRows } from './clinicMerge.ts';

/** A merge as the clinic screen shows it: who was merged, what moved, which values came from it, whether 取り消す is offered. */
export function toClinicMerge(db: Db, row: ClinicMergeRow): ClinicMerge {
  const moved = JSON.parse(row.moved) as MovedRows;
  const { choices, fields } = JSON.parse(row.chosen) as { choices: MergeChoices; fields: ClinicFields };
  const keptBefore = JSON.parse(row.kept_before) as ClinicFields;
  const mergedName = (statement(db, 'SELECT name FROM clinics WHERE id = ?').pluck().get(row.merged_id) as string | undefined) ?? '';
  return {
    id: row.id,
    keptId: row.kept_id,
    mergedId: row.merged_id,
    mergedName,
    moved: { inquiries: moved.inquiries.length, quotes: quotesOf(db, moved.inquiries), documentOutputs: moved.documentOutputs.length },
    takenFields: takenFieldLabels(choices, keptBefore, fields),
    createdAt: row.created_at,
    undoneAt: row.undone_at,
    undoable: undoRefusal(db, row) === undefined,
  };
}

/** The merges into a clinic (it was the record kept), newest first. */
export function clinicMergesOf(db: Db, clinicId: string): ClinicMerge[] {
  const rows = statement(db, 'SELECT * FROM clinic_merges WHERE kept_id = ? ORDER BY created_at DESC, id').all(clinicId) as ClinicMergeRow[];
  return rows.map((row) => toClinicMerge(db, row));
}
