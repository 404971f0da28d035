import { z } from 'zod';
import { bedCountProblem, clinicFieldLabels, clinicFieldOrder, type Clinic, type ClinicField, type ClinicFields } from './clinic.ts';
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

/**
 * The kept record's fields once merged: each field from the side chosen (the kept record's when
 * not chosen), and 送付不要 as mergedMailingMark says (staff do not choose it).
 */
export function mergedClinicFields(kept: ClinicFields, merged: ClinicFields, choices: MergeChoices): ClinicFields {
  const result: ClinicFields = { ...pickClinicFields(kept), ...mergedMailingMark(kept, merged) };
  for (const field of clinicFieldOrder) {
    if (choices[field] === 'merged') (result as Record<ClinicField, unknown>)[field] = merged[field];
  }
  return result;
}

/** 送付不要 and its reason, as a record holds them (a ClinicFields from an import has neither). */
export type MailingMark = Pick<ClinicFields, 'noMailing' | 'noMailingReason'>;

/** The reason field's length limit in clinicInputSchema: joined reasons must still pass the form. */
const noMailingReasonMaxChars = 200;

function joinedReasons(reasons: readonly string[]): string {
  const joined = [...new Set(reasons.map((r) => r.trim()).filter((r) => r !== ''))].join('／');
  if (joined.length <= noMailingReasonMaxChars) return joined;
  // Cut by code point, so a 𠮷 is never split, and say with … that the rest was cut.
  let cut = '';
  for (const ch of joined) {
    if (cut.length + ch.length + 1 > noMailingReasonMaxChars) break;
    cut += ch;
  }
  return `${cut}…`;
}

/**
 * 送付不要 once merged: a clinic that asked for no mail must not be posted to again because it
 * was registered twice, so when either record is marked the kept one is, with both reasons
 * (「A／B」). When neither is, nothing is set and the stored mark stays.
 */
export function mergedMailingMark(kept: MailingMark, merged: MailingMark): MailingMark {
  const marked = [kept, merged].filter((record) => record.noMailing === true);
  if (marked.length === 0) return {};
  return { noMailing: true, noMailingReason: joinedReasons(marked.map((record) => record.noMailingReason ?? '')) };
}

/** True when the two records differ in 送付不要 or its reason: the merge dialog shows what the kept record will hold. */
export function mailingMarksDiffer(kept: MailingMark, merged: MailingMark): boolean {
  const reasonOf = (record: MailingMark) => (record.noMailing === true ? (record.noMailingReason ?? '') : '');
  return (kept.noMailing === true) !== (merged.noMailing === true) || reasonOf(kept) !== reasonOf(merged);
}

/**
 * Labels of what the kept record takes from the other: the fields chosen, then 送付不要 (or its
 * reason) when the merge changed the kept record's mark. Said in the confirm step and the history.
 */
export function takenFieldLabels(choices: MergeChoices, keptBefore: MailingMark, keptAfter: MailingMark): string[] {
  const labels: string[] = clinicFieldOrder.filter((field) => choices[field] === 'merged').map((field) => clinicFieldLabels[field]);
  if (keptAfter.noMailing === undefined) return labels;
  if (keptAfter.noMailing !== (keptBefore.noMailing === true)) labels.push(clinicFieldLabels.noMailing);
  else if (keptAfter.noMailingReason !== (keptBefore.noMailingReason ?? '')) labels.push(clinicFieldLabels.noMailingReason);
  return labels;
}

/** Why the merged fields cannot be saved as they are (種別 and 病床数 taken from different records), in Japanese. */
export function mergedFieldsProblem(fields: ClinicFields): string | undefined {
  return bedCountProblem(fields.kind, fields.bedCount);
}

export function pickClinicFields(source: ClinicFields): ClinicFields {
  const { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo } = source;
  return { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo };
}
