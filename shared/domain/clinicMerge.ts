import { z } from 'zod';
import { bedCountProblem, clinicFieldOrder, type Clinic, type ClinicField, type ClinicFields } from './clinic.ts';
import { expectedRevisionSchema } from './revision.ts';

/**
 * Merging two records of one clinic (重複をまとめる): which record is kept, and for each field the
 * two hold differently, whose value the kept record takes. Pure, so the dialog, the repo and a
 * later join of two machines' records (issue 21 §2) compute the same merged record.
 */
export const mergeSides = ['kept', 'merged'] as const;
export type MergeSide = (typeof mergeSides)[number];
export type MergeChoices = Partial<Record<ClinicField, MergeSide>>;

const recordId = z.string().min(1).max(64);

export const clinicMergeInputSchema = z.object({
  keptId: recordId,
  mergedId: recordId,
  /** For each field that differs, the side whose value is kept; a field left out keeps the kept record's value. */
  choices: z.partialRecord(z.enum(clinicFieldOrder), z.enum(mergeSides, { message: '残す値を選んでください' })).default({}),
  /** The revisions the dialog showed: a record changed since is refused (CONFLICT). */
  keptRevision: expectedRevisionSchema,
  mergedRevision: expectedRevisionSchema,
});
export type ClinicMergeInput = z.output<typeof clinicMergeInputSchema>;

/** What a merge moves to the kept record: shown in the confirm step, and recorded so undo moves exactly these back. */
export const mergeMovesSchema = z.object({
  inquiries: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  documentOutputs: z.number().int().nonnegative(),
});
export type MergeMoves = z.infer<typeof mergeMovesSchema>;

export const clinicMergeSchema = z.object({
  id: z.string(),
  keptId: z.string(),
  mergedId: z.string(),
  /** The merged-away record's name, for 「○○をまとめました」 on the kept record. */
  mergedName: z.string(),
  moved: mergeMovesSchema,
  /** Labels of the fields whose value came from the merged-away record. */
  takenFields: z.array(z.string()),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** True while nothing has changed on the kept record since: 取り消す is offered. */
  undoable: z.boolean(),
});
export type ClinicMerge = z.infer<typeof clinicMergeSchema>;

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** The fields the two records hold differently, in the form's order: the only ones staff choose. */
export function differingFields(kept: ClinicFields, merged: ClinicFields): ClinicField[] {
  return clinicFieldOrder.filter((field) => !sameValue(kept[field], merged[field]));
}

/**
 * The choice each differing field starts with: the value of the record edited last (newer
 * `updatedAt`), except that an empty value never replaces a filled one.
 */
export function preselectedChoices(kept: Pick<Clinic, 'updatedAt'> & ClinicFields, merged: Pick<Clinic, 'updatedAt'> & ClinicFields): MergeChoices {
  const newer: MergeSide = merged.updatedAt > kept.updatedAt ? 'merged' : 'kept';
  const choices: MergeChoices = {};
  for (const field of differingFields(kept, merged)) {
    const empty = (side: MergeSide) => { const v = (side === 'kept' ? kept : merged)[field]; return v === null || v === '' || v === 'unconfirmed'; };
    const other: MergeSide = newer === 'kept' ? 'merged' : 'kept';
    choices[field] = empty(newer) && !empty(other) ? other : newer;
  }
  return choices;
}

/** The kept record's fields once merged: each field from the side chosen (the kept record's when not chosen). */
export function mergedClinicFields(kept: ClinicFields, merged: ClinicFields, choices: MergeChoices): ClinicFields {
  const result = { ...pickClinicFields(kept) };
  for (const field of clinicFieldOrder) {
    if (choices[field] === 'merged') (result as Record<ClinicField, unknown>)[field] = merged[field];
  }
  return result;
}

/** Why the merged fields cannot be saved as they are (種別 and 病床数 taken from different records), in Japanese. */
export function mergedFieldsProblem(fields: ClinicFields): string | undefined {
  return bedCountProblem(fields.kind, fields.bedCount);
}

export function pickClinicFields(source: ClinicFields): ClinicFields {
  const { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo } = source;
  return { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo };
}
