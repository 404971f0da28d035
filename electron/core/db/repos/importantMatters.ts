import { parseActor } from '../../../../shared/domain/actor.ts';
import type { Handover, HandoverMethod, RecordHandoverInput, WithdrawHandoverInput } from '../../../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../../../shared/messages/importantMattersMessages.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import { newRecordId } from '../recordIds.ts';
import { actorText, currentActor } from './actor.ts';
import type { WriteContext } from './writeContext.ts';

interface HandoverRow {
  id: string;
  inquiry_id: string;
  handed_on: string;
  doc_code: string;
  doc_date: string;
  method: HandoverMethod;
  actor: string | null;
  created_at: string;
  w_id: string | null;
  w_reason: string | null;
  w_actor: string | null;
  w_created_at: string | null;
}

const toHandover = (row: HandoverRow): Handover => ({
  id: row.id,
  inquiryId: row.inquiry_id,
  handedOn: row.handed_on,
  docCode: row.doc_code,
  docDate: row.doc_date,
  method: row.method,
  actor: parseActor(row.actor),
  createdAt: row.created_at,
  withdrawal:
    row.w_id === null ? null : { id: row.w_id, reason: row.w_reason ?? '', actor: parseActor(row.w_actor), createdAt: row.w_created_at ?? '' },
});

const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', message, { [field]: message });

/**
 * Records that the insurer's important-matters document was handed over for an inquiry, with
 * the person at the counter as they are now. The day may not be after today nor before the
 * inquiry's 受付日 (both in Japan's date).
 */
export function recordHandover(db: Db, input: RecordHandoverInput, ctx: WriteContext): Handover {
  const now = ctx.now?.() ?? new Date();
  const receivedOn = statement(db, 'SELECT received_on FROM inquiries WHERE id = ?').pluck().get(input.inquiryId) as string | undefined;
  if (receivedOn === undefined) throw new AppError('NOT_FOUND');
  const today = tokyoToday(now);
  if (input.handedOn > today) throw invalid('handedOn', m.handedOnInFuture(today));
  if (input.handedOn < receivedOn) throw invalid('handedOn', m.handedOnBeforeReceived(receivedOn));
  const id = newRecordId();
  statement(
    db,
    `INSERT INTO important_matters_handovers (id, inquiry_id, handed_on, doc_code, doc_date, method, actor, created_at, machine)
     VALUES (@id, @inquiryId, @handedOn, @docCode, @docDate, @method, @actor, @createdAt, @machine)`,
  ).run({
    id,
    inquiryId: input.inquiryId,
    handedOn: input.handedOn,
    docCode: input.docCode.trim(),
    docDate: input.docDate,
    method: input.method,
    actor: actorText(currentActor(db)),
    createdAt: now.toISOString(),
    machine: ctx.machineId,
  });
  return handoversOf(db, input.inquiryId).find((h) => h.id === id)!;
}

/** Withdraws a handover recorded by mistake: a new row that says why; the handover itself stays as written. */
export function withdrawHandover(db: Db, input: WithdrawHandoverInput, ctx: WriteContext): Handover {
  const target = handoversOf(db, input.inquiryId).find((h) => h.id === input.handoverId);
  if (!target || target.withdrawal) throw invalid('handoverId', m.notAHandover);
  const now = ctx.now?.() ?? new Date();
  statement(
    db,
    `INSERT INTO important_matters_handovers (id, inquiry_id, withdraws, reason, actor, created_at, machine)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(newRecordId(), input.inquiryId, input.handoverId, input.reason.trim(), actorText(currentActor(db)), now.toISOString(), ctx.machineId);
  return handoversOf(db, input.inquiryId).find((h) => h.id === input.handoverId)!;
}

/** The handovers of an inquiry, oldest first, each with its withdrawal when it has one. */
export function handoversOf(db: Db, inquiryId: string): Handover[] {
  const rows = statement(
    db,
    // Two machines may withdraw the same handover at once: the first withdrawal stands for it.
    `SELECT h.id, h.inquiry_id, h.handed_on, h.doc_code, h.doc_date, h.method, h.actor, h.created_at,
            w.id AS w_id, w.reason AS w_reason, w.actor AS w_actor, w.created_at AS w_created_at
       FROM important_matters_handovers h
       LEFT JOIN important_matters_handovers w ON w.id = (
         SELECT x.id FROM important_matters_handovers x WHERE x.withdraws = h.id ORDER BY x.created_at, x.id LIMIT 1)
      WHERE h.inquiry_id = ? AND h.withdraws IS NULL
      ORDER BY h.handed_on, h.created_at, h.id`,
  ).all(inquiryId) as HandoverRow[];
  return rows.map(toHandover);
}

/** Whether the important-matters document stands as handed over for this inquiry (a handover not withdrawn): the 申込/成約 gate asks. */
export function importantMattersHandedOver(db: Db, inquiryId: string): boolean {
  return (
    statement(
      db,
      `SELECT 1 FROM important_matters_handovers h
        WHERE h.inquiry_id = ? AND h.withdraws IS NULL
          AND NOT EXISTS (SELECT 1 FROM important_matters_handovers w WHERE w.withdraws = h.id)
        LIMIT 1`,
    ).get(inquiryId) !== undefined
  );
}
