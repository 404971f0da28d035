import { buildChecklist, gateRefusalMessage, missingStepsFor, type StepFact, type StepState } from '../../../../shared/domain/inquiryGates.ts';
import type { ClinicKind } from '../../../../shared/domain/clinic.ts';
import type { InquiryStatus } from '../../../../shared/domain/inquiry.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import { finalIntentConfirmed } from './inquiryIntents.ts';
import { importantMattersHandedOver } from './importantMatters.ts';
import { solicitorProblem } from './solicitorRule.ts';
import { getStaff } from './staff.ts';
import { stepMarksOf } from './inquirySteps.ts';

/** The checklist of one inquiry as its records stand on `today` (Asia/Tokyo). */
export function inquiryChecklist(db: Db, inquiryId: string, today: string): StepState[] {
  const row = statement(db, 'SELECT c.kind, i.staff_id FROM inquiries i JOIN clinics c ON c.id = i.clinic_id WHERE i.id = ?').get(inquiryId) as
    | { kind: ClinicKind; staff_id: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return buildChecklist(row.kind, stepMarksOf(db, inquiryId), {
    finalIntentConfirmed: { done: finalIntentConfirmed(db, inquiryId) },
    importantMattersHandedOver: { done: importantMattersHandedOver(db, inquiryId) },
    staffIsSolicitor: staffIsSolicitorFact(db, row.staff_id, today),
  });
}

/**
 * The gate before 申込 and 成約 (skipping ahead to them included): refused with one message
 * naming every missing step, so staff see the whole way at once rather than one step per try.
 */
export function assertStepsDoneFor(db: Db, inquiryId: string, to: InquiryStatus, today: string): void {
  const missing = missingStepsFor(to, inquiryChecklist(db, inquiryId, today));
  if (missing.length > 0) throw new AppError('INVALID_INPUT', gateRefusalMessage(to, missing), { to: gateRefusalMessage(to, missing) });
}

/** The 担当 can solicit on that day (as for 申込): done, named; else the rule's own reason. */
function staffIsSolicitorFact(db: Db, staffId: string | null, today: string): StepFact {
  const problem = solicitorProblem(db, staffId, 'applied', today);
  if (problem) return { done: false, detail: problem };
  return { done: true, by: staffId ? (getStaff(db, staffId)?.name ?? null) : null };
}
