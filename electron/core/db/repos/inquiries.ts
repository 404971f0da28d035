import { newRecordId } from '../recordIds.ts';
import {
  formatReceiptNumber,
  inquiryStatuses,
  statusChangeNeedsReason,
  type Inquiry,
  type InquiryChannel,
  type InquiryHistoryEntry,
  type InsurerConsent,
  type InquiryStatus,
} from '../../../../shared/domain/inquiry.ts';
import { parseActor } from '../../../../shared/domain/actor.ts';
import { tokyoToday, type DateOnly } from '../../../../shared/time/tokyoDate.ts';
import { recordMessages } from '../../../../shared/messages/recordMessages.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';
import { readSettings } from './settings.ts';
import { assertRevision, assertWritten, revisionGuard } from './revisions.ts';
import { selectInquiry, toInquiries, type InquiryRow } from './inquiryRows.ts';
import { actorOfStaff, actorText } from './actor.ts';
import { assertSolicitorFor } from './solicitorRule.ts';
import { assertStepsDoneFor } from './inquiryChecklist.ts';
import { gatedStatuses } from '../../../../shared/domain/inquiryGates.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';

export interface InquiryFields {
  receivedOn: DateOnly;
  channel: InquiryChannel;
  content: string;
  nextActionOn: DateOnly | null;
  staffId: string | null;
  /** Undefined: on create 未確認, on an edit unchanged. */
  insurerConsent?: InsurerConsent | undefined;
}

function assertReferences(db: Db, clinicId: string | undefined, staffId: string | null): void {
  if (clinicId !== undefined && !statement(db, 'SELECT 1 FROM clinics WHERE id = ?').get(clinicId)) throw new AppError('NOT_FOUND');
  if (staffId !== null && !statement(db, 'SELECT 1 FROM staff WHERE id = ?').get(staffId)) {
    throw new AppError('INVALID_INPUT', recordMessages.staffNotFound, { staffId: recordMessages.staffNotFoundField });
  }
}

/** A follow-up cannot be due before the inquiry came in (a typo in the year, usually). */
function assertNextActionNotBeforeReceived(receivedOn: DateOnly, nextActionOn: DateOnly | null | undefined): void {
  if (nextActionOn && nextActionOn < receivedOn) {
    throw new AppError('INVALID_INPUT', recordMessages.nextActionBeforeReceived, { nextActionOn: recordMessages.nextActionBeforeReceivedField });
  }
}

/**
 * The next 受付番号 for this machine's prefix and the year of 受付日. The prefix is what keeps
 * two machines from ever issuing the same number.
 */
function nextReceiptNumber(db: Db, receivedOn: DateOnly): string {
  const prefix = readSettings(db).receiptPrefix;
  const year = Number(receivedOn.slice(0, 4));
  const { last } = statement(
    db,
    `INSERT INTO receipt_sequences (prefix, year, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(prefix, year) as { last: number };
  return formatReceiptNumber(prefix, year, last);
}

function recordHistory(db: Db, inquiryId: string, from: InquiryStatus | null, to: InquiryStatus, reason: string, ctx: WriteContext, now: string): void {
  statement(
    db,
    'INSERT INTO inquiry_status_history (id, inquiry_id, from_status, to_status, reason, staff_id, changed_at, machine, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(newRecordId(), inquiryId, from, to, reason, ctx.staffId ?? null, now, ctx.machineId, actorText(actorOfStaff(db, ctx.staffId ?? null)));
}

export function getInquiry(db: Db, id: string): Inquiry | undefined {
  const row = statement(db, `${selectInquiry} WHERE i.id = ?`).get(id) as InquiryRow | undefined;
  return row && toInquiries(db, [row])[0];
}

export function inquiryHistory(db: Db, id: string): InquiryHistoryEntry[] {
  const rows = statement(
    db,
    `SELECT h.from_status, h.to_status, h.reason, h.staff_id, s.name AS staff_name, h.changed_at, h.actor
       FROM inquiry_status_history h LEFT JOIN staff s ON s.id = h.staff_id
      WHERE h.inquiry_id = ? ORDER BY h.changed_at, h.id`,
  ).all(id) as { from_status: InquiryStatus | null; to_status: InquiryStatus; reason: string; staff_id: string | null; staff_name: string | null; changed_at: string; actor: string | null }[];
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    staffId: r.staff_id,
    staffName: r.staff_name,
    changedAt: r.changed_at,
    // Who acted as they were then; null on rows written before actors were kept.
    actor: parseActor(r.actor),
  }));
}

/** Registers an inquiry as 新規 with a fresh 受付番号 and the first line of its history. */
export function createInquiry(db: Db, clinicId: string, fields: InquiryFields, ctx: WriteContext): Inquiry {
  assertReferences(db, clinicId, fields.staffId);
  assertNextActionNotBeforeReceived(fields.receivedOn, fields.nextActionOn);
  const id = newRecordId();
  const now = (ctx.now?.() ?? new Date()).toISOString();
  db.transaction(() => {
    const receiptNumber = nextReceiptNumber(db, fields.receivedOn);
    statement(
      db,
      `INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, content, status, next_action_on,
                              staff_id, created_at, updated_at, updated_by, updated_by_staff, insurer_consent)
       VALUES (@id, @receiptNumber, @clinicId, @receivedOn, @channel, @content, 'new', @nextActionOn,
               @staffId, @now, @now, @machineId, @editor, @insurerConsent)`,
    ).run({ id, receiptNumber, clinicId, ...fields, insurerConsent: fields.insurerConsent ?? 'unknown', now, machineId: ctx.machineId, editor: ctx.staffId ?? null });
    recordHistory(db, id, null, 'new', '', ctx, now);
  })();
  return getInquiry(db, id)!;
}

/** Edits the fields of an inquiry; its 受付番号 never changes. */
export function updateInquiry(db: Db, id: string, fields: InquiryFields, ctx: WriteContext, expectedRevision: number): Inquiry {
  assertRevision(db, 'inquiries', id, expectedRevision);
  assertReferences(db, undefined, fields.staffId);
  const current = getInquiry(db, id)!;
  // Handing the inquiry to another 担当 at 見積提示済 or later hands over the solicitation; other
  // edits (a note on an old 成約) leave who solicited as it was.
  if (fields.staffId !== current.staffId) assertSolicitorFor(db, fields.staffId, current.status, tokyoToday(ctx.now?.() ?? new Date()));
  assertNextActionNotBeforeReceived(fields.receivedOn, fields.nextActionOn);
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const info = statement(
    db,
    `UPDATE inquiries SET received_on = @receivedOn, channel = @channel, content = @content, next_action_on = @nextActionOn,
            staff_id = @staffId, insurer_consent = coalesce(@insurerConsent, insurer_consent),
            updated_at = @now, updated_by = @machineId, updated_by_staff = @editor, revision = revision + 1
      WHERE id = @id AND ${revisionGuard}`,
  ).run({ id, ...fields, insurerConsent: fields.insurerConsent ?? null, now, machineId: ctx.machineId, editor: ctx.staffId ?? null, expectedRevision });
  assertWritten(info.changes);
  return getInquiry(db, id)!;
}

/**
 * Moves an inquiry to another 状況 and keeps the change in its history. Going back, or
 * reopening a 見送り, must say why.
 */
export function changeInquiryStatus(
  db: Db,
  id: string,
  change: { to: InquiryStatus; reason: string; nextActionOn?: DateOnly | null | undefined; expectedRevision: number },
  ctx: WriteContext,
): Inquiry {
  assertRevision(db, 'inquiries', id, change.expectedRevision);
  const current = getInquiry(db, id)!;
  const reason = change.reason.trim();
  if (statusChangeNeedsReason(current.status, change.to) && reason === '') {
    throw new AppError('INVALID_INPUT', recordMessages.statusChangeNeedsReason, { reason: recordMessages.statusChangeNeedsReasonField });
  }
  if (current.status === change.to && change.nextActionOn === undefined) return current;
  assertNextActionNotBeforeReceived(current.receivedOn, change.nextActionOn);
  const at = ctx.now?.() ?? new Date();
  if (entersSolicitation(current.status, change.to)) {
    // 申込 and 成約 need every step of the checklist (one refusal names them all); 見積提示済 a solicitor 担当.
    if (gatedStatuses.includes(change.to)) assertStepsDoneFor(db, id, change.to, tokyoToday(at));
    else assertSolicitorFor(db, current.staffId, change.to, tokyoToday(at));
  }
  const now = at.toISOString();
  db.transaction(() => {
    const { changes } = statement(
      db,
      `UPDATE inquiries SET status = @to, next_action_on = CASE WHEN @setNext THEN @next ELSE next_action_on END,
              updated_at = @now, updated_by = @machineId, updated_by_staff = @editor, revision = revision + 1
        WHERE id = @id AND ${revisionGuard}`,
    ).run({
      id,
      to: change.to,
      setNext: change.nextActionOn === undefined ? 0 : 1,
      next: change.nextActionOn ?? null,
      now,
      machineId: ctx.machineId,
      editor: ctx.staffId ?? null,
      expectedRevision: change.expectedRevision,
    });
    assertWritten(changes);
    if (current.status !== change.to) recordHistory(db, id, current.status, change.to, reason, ctx, now);
  })();
  return getInquiry(db, id)!;
}

/** Moving forward (skipping steps too) or reopening a 見送り; 見送り and going back are never refused. */
function entersSolicitation(from: InquiryStatus, to: InquiryStatus): boolean {
  if (to === from || to === 'declined') return false;
  return from === 'declined' || inquiryStatuses.indexOf(to) > inquiryStatuses.indexOf(from);
}

/** 状況 still being worked on: 成約 and 見送り are done with. */
export const openStatuses = "('new', 'materials_sent', 'quote_presented', 'applied')";

export interface InquiryListQuery {
  status?: InquiryStatus | undefined;
  staffId?: string | undefined;
  clinicId?: string | undefined;
  receiptNumber?: string | undefined;
  /** Words typed to find inquiries by: the clinic's name (either script), part of a 受付番号, or the 内容. */
  text?: string | undefined;
  today: DateOnly;
  limit: number;
}

/**
 * Inquiries to work on first: those whose 次回対応日 is today or past (oldest first), then the
 * rest, newest 受付日 first.
 */
export function listInquiries(db: Db, query: InquiryListQuery): { items: Inquiry[]; total: number } {
  const where = ['i.archived_at IS NULL'];
  const params: Record<string, unknown> = { today: query.today, limit: query.limit };
  if (query.status) {
    where.push('i.status = @status');
    params.status = query.status;
  }
  if (query.staffId) {
    where.push('i.staff_id = @staffId');
    params.staffId = query.staffId;
  }
  if (query.clinicId) {
    where.push('i.clinic_id = @clinicId');
    params.clinicId = query.clinicId;
  }
  if (query.receiptNumber) {
    where.push('i.receipt_number = @receiptNumber');
    params.receiptNumber = query.receiptNumber;
  }
  const text = query.text?.trim() ?? '';
  if (text !== '') {
    const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const name = normalizeForSearch(text);
    const parts = ["i.content LIKE @contentLike ESCAPE '\\'", "i.receipt_number LIKE @numberLike ESCAPE '\\'"];
    if (name !== '') parts.push("c.name_norm LIKE @nameLike ESCAPE '\\'", "c.kana_norm LIKE @nameLike ESCAPE '\\'");
    where.push(`(${parts.join(' OR ')})`);
    Object.assign(params, { contentLike: like(text), numberLike: like(text.normalize('NFKC').toUpperCase()), nameLike: like(name) });
  }
  const filter = where.join(' AND ');
  // Only open inquiries are follow-ups: a 成約 or 見送り with an old date is not "due".
  const dueOpen = `i.next_action_on IS NOT NULL AND i.next_action_on <= @today AND i.status IN ${openStatuses}`;
  const rows = statement(
    db,
    `${selectInquiry} WHERE ${filter}
      ORDER BY CASE WHEN ${dueOpen} THEN 0 ELSE 1 END,
               CASE WHEN ${dueOpen} THEN i.next_action_on END,
               i.received_on DESC, i.seq DESC
      LIMIT @limit`,
  ).all(params) as InquiryRow[];
  const { n } = statement(db, `SELECT count(*) AS n FROM inquiries i JOIN clinics c ON c.id = i.clinic_id WHERE ${filter}`).get(params) as { n: number };
  return { items: toInquiries(db, rows), total: n };
}

/** What ホーム shows: follow-ups due today or overdue, the latest inquiries, counts per 状況. */
export function homeSummary(db: Db, today: DateOnly) {
  const due = toInquiries(
    db,
    statement(
      db,
      `${selectInquiry} WHERE i.archived_at IS NULL AND i.next_action_on IS NOT NULL AND i.next_action_on <= ?
          AND i.status IN ${openStatuses} ORDER BY i.next_action_on, i.seq LIMIT 50`,
    ).all(today) as InquiryRow[],
  );
  const latest = toInquiries(db, statement(db, `${selectInquiry} WHERE i.archived_at IS NULL ORDER BY i.seq DESC LIMIT 10`).all() as InquiryRow[]);
  const counts = Object.fromEntries(inquiryStatuses.map((s) => [s, 0])) as Record<InquiryStatus, number>;
  for (const row of statement(db, 'SELECT status, count(*) AS n FROM inquiries WHERE archived_at IS NULL GROUP BY status').all() as { status: InquiryStatus; n: number }[]) {
    counts[row.status] = row.n;
  }
  return { today, due, latest, counts };
}
