import { newRecordId } from '../recordIds.ts';
import type { FollowUp, FollowUpFields } from '../../../../shared/domain/inquiryFollowUp.ts';
import { parseActor } from '../../../../shared/domain/actor.ts';
import type { InquiryChannel } from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { followUpMessages } from '../../../../shared/messages/followUpMessages.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';
import { actorText, currentActor } from './actor.ts';
import { changeInquiryStatus, getInquiry } from './inquiries.ts';

/** An inquiry's 対応記録, the latest first. */
export function followUpsOf(db: Db, inquiryId: string): FollowUp[] {
  const rows = statement(
    db,
    'SELECT id, done_on, how, note, actor, created_at FROM inquiry_follow_ups WHERE inquiry_id = ? ORDER BY done_on DESC, created_at DESC, id DESC',
  ).all(inquiryId) as { id: string; done_on: string; how: InquiryChannel; note: string; actor: string | null; created_at: string }[];
  return rows.map((r) => ({ id: r.id, doneOn: r.done_on, how: r.how, note: r.note, staffName: parseActor(r.actor)?.name ?? null, createdAt: r.created_at }));
}

/**
 * Adds a 対応記録 and, when given, the 次回対応日 it leads to: both or neither, so a follow-up
 * never stays overdue after it was done.
 */
export function addFollowUp(db: Db, input: FollowUpFields, ctx: WriteContext): void {
  const inquiry = getInquiry(db, input.inquiryId);
  if (!inquiry) throw new AppError('NOT_FOUND');
  const now = ctx.now?.() ?? new Date();
  if (input.doneOn > tokyoToday(now)) throw new AppError('INVALID_INPUT', followUpMessages.doneOnInFuture, { doneOn: followUpMessages.doneOnInFuture });
  if (input.doneOn < inquiry.receivedOn) throw new AppError('INVALID_INPUT', followUpMessages.doneOnBeforeReceived, { doneOn: followUpMessages.doneOnBeforeReceived });
  db.transaction(() => {
    statement(db, 'INSERT INTO inquiry_follow_ups (id, inquiry_id, done_on, how, note, actor, created_at, machine) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      newRecordId(),
      input.inquiryId,
      input.doneOn,
      input.how,
      input.note,
      actorText(currentActor(db)),
      now.toISOString(),
      ctx.machineId,
    );
    if (input.nextActionOn !== undefined && input.nextActionOn !== inquiry.nextActionOn) {
      changeInquiryStatus(db, input.inquiryId, { to: inquiry.status, reason: '', nextActionOn: input.nextActionOn, expectedRevision: input.expectedRevision }, ctx);
    }
  })();
}
