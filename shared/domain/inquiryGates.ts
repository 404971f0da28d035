import { z } from 'zod';
import type { ClinicKind } from './clinic.ts';
import { inquiryStatusLabels, type InquiryStatus } from './inquiry.ts';
import { inquiryStepMessages } from '../messages/inquiryStepMessages.ts';
import { isDateOnly } from '../time/tokyoDate.ts';

/**
 * The steps an inquiry goes through before 申込 and 成約, in the order staff usually take them.
 * The 告知書 steps exist only for 病院 and 老健, whose premium the insurer sets from the 告知.
 */
export const inquirySteps = ['noticeFormRequested', 'noticeFormReceived', 'finalIntentConfirmed', 'importantMattersHandedOver', 'staffIsSolicitor'] as const;
export type InquiryStep = (typeof inquirySteps)[number];

/** Steps staff tick by hand on the checklist; the others follow from records kept elsewhere. */
export const markableSteps = ['noticeFormRequested', 'noticeFormReceived'] as const;
export type MarkableStep = (typeof markableSteps)[number];

/** 状況 that may be entered only with every step done (skipping ahead to them included). */
export const gatedStatuses: readonly InquiryStatus[] = ['applied', 'contracted'];

export const needsNoticeForm = (kind: ClinicKind): boolean => kind === 'hospital' || kind === 'geriatric_facility';

export interface StepState {
  step: InquiryStep;
  done: boolean;
  /** When and by whom it was done, where a record says so. */
  doneOn: string | null;
  by: string | null;
  /** Why it is not done, when the record can say more than the hint (e.g. a solicitor's expired qualification). */
  detail: string | null;
}

export const stepStateSchema = z.object({
  step: z.enum(inquirySteps),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  by: z.string().nullable(),
  detail: z.string().nullable(),
});

/** The checklist of one inquiry: only the steps that apply to its clinic's 種別. */
export function applicableSteps(kind: ClinicKind): InquiryStep[] {
  return inquirySteps.filter((s) => needsNoticeForm(kind) || (s !== 'noticeFormRequested' && s !== 'noticeFormReceived'));
}

/** The steps still missing before moving to `to`; empty when the move is allowed. */
export function missingStepsFor(to: InquiryStatus, checklist: readonly StepState[]): StepState[] {
  if (!gatedStatuses.includes(to)) return [];
  return checklist.filter((s) => !s.done);
}

/** One refusal naming every missing step, each with what to do (a line each). */
export function gateRefusalMessage(to: InquiryStatus, missing: readonly StepState[]): string {
  const lines = missing.map((s) => `・${inquiryStepMessages.stepLabels[s.step]}：${s.detail ?? inquiryStepMessages.stepHints[s.step]}`);
  return [inquiryStepMessages.refusalLead(inquiryStatusLabels[to]), ...lines].join('\n');
}

export const stepMarkInputSchema = z.object({
  inquiryId: z.string().min(1).max(64),
  step: z.enum(markableSteps),
  /** The day it was done; null withdraws an earlier mark (a mistake undone). */
  doneOn: z
    .string()
    .refine(isDateOnly, { message: '日付は 2026-11-24 の形で入力してください' })
    .nullable(),
});
export type StepMarkInput = z.infer<typeof stepMarkInputSchema>;

/** A step's state as a record elsewhere tells it (an intent record, a handover, the staff record). */
export interface StepFact {
  done: boolean;
  doneOn?: string | null | undefined;
  by?: string | null | undefined;
  detail?: string | null | undefined;
}

/** The newest mark of a hand-ticked step: a date when done, null when undone. */
export interface StepMark {
  step: MarkableStep;
  doneOn: string | null;
  by: string | null;
}

/**
 * The checklist of one inquiry, from its clinic's 種別, the hand-ticked marks (newest per step)
 * and the facts the other records give. The 告知書 steps appear only for 病院 and 老健.
 */
export function buildChecklist(
  kind: ClinicKind,
  marks: readonly StepMark[],
  facts: Record<'finalIntentConfirmed' | 'importantMattersHandedOver' | 'staffIsSolicitor', StepFact>,
): StepState[] {
  return applicableSteps(kind).map((step) => {
    if (step === 'noticeFormRequested' || step === 'noticeFormReceived') {
      const mark = marks.find((m) => m.step === step);
      return { step, done: mark?.doneOn != null, doneOn: mark?.doneOn ?? null, by: mark?.doneOn != null ? mark.by : null, detail: null };
    }
    const fact = facts[step];
    return { step, done: fact.done, doneOn: fact.doneOn ?? null, by: fact.by ?? null, detail: fact.done ? null : (fact.detail ?? null) };
  });
}
