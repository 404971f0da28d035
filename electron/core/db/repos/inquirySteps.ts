import { newRecordId } from '../recordIds.ts';
import { markableSteps, needsNoticeForm, type MarkableStep, type StepMark, type StepMarkInput } from '../../../../shared/domain/inquiryGates.ts';
import { parseActor } from '../../../../shared/domain/actor.ts';
import type { ClinicKind } from '../../../../shared/domain/clinic.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { inquiryStepMessages } from '../../../../shared/messages/inquiryStepMessages.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';
import { actorText, currentActor } from './actor.ts';

/** The newest mark of each hand-ticked step of an inquiry (a step never marked has none). */
export function stepMarksOf(db: Db, inquiryId: string): StepMark[] {
  const rows = statement(
    db,
    `SELECT step, done_on, actor FROM inquiry_step_marks m
      WHERE inquiry_id = ? AND NOT EXISTS (
        SELECT 1 FROM inquiry_step_marks n WHERE n.inquiry_id = m.inquiry_id AND n.step = m.step
           AND (n.created_at > m.created_at OR (n.created_at = m.created_at AND n.id > m.id)))`,
  ).all(inquiryId) as { step: MarkableStep; done_on: string | null; actor: string | null }[];
  return markableSteps.flatMap((step) => {
    const row = rows.find((r) => r.step === step);
    return row ? [{ step, doneOn: row.done_on, by: parseActor(row.actor)?.name ?? null }] : [];
  });
}

/**
 * Ticks a 告知書 step as done on a day, or (doneOn null) withdraws the tick: a new row either way,
 * so the trail keeps who ticked and who took it back. Only 病院 and 老健 have these steps.
 */
export function markStep(db: Db, input: StepMarkInput, ctx: WriteContext): void {
  const inquiry = statement(db, 'SELECT i.received_on, c.kind FROM inquiries i JOIN clinics c ON c.id = i.clinic_id WHERE i.id = ?').get(input.inquiryId) as
    | { received_on: string; kind: ClinicKind }
    | undefined;
  if (!inquiry) throw new AppError('NOT_FOUND');
  if (!needsNoticeForm(inquiry.kind)) throw new AppError('INVALID_INPUT', inquiryStepMessages.stepNotForKind);
  const now = ctx.now?.() ?? new Date();
  if (input.doneOn !== null) {
    if (input.doneOn > tokyoToday(now)) throw new AppError('INVALID_INPUT', inquiryStepMessages.doneOnInFuture, { doneOn: inquiryStepMessages.doneOnInFuture });
    if (input.doneOn < inquiry.received_on) throw new AppError('INVALID_INPUT', inquiryStepMessages.doneOnBeforeReceived, { doneOn: inquiryStepMessages.doneOnBeforeReceived });
  }
  statement(db, 'INSERT INTO inquiry_step_marks (id, inquiry_id, step, done_on, actor, created_at, machine) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    newRecordId(),
    input.inquiryId,
    input.step,
    input.doneOn,
    actorText(currentActor(db)),
    now.toISOString(),
    ctx.machineId,
  );
}
