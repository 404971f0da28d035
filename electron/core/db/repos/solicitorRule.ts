import type { InquiryStatus } from '../../../../shared/domain/inquiry.ts';
import { solicitorReasonText, solicitorStatus } from '../../../../shared/domain/solicitor.ts';
import { solicitorMessages } from '../../../../shared/messages/solicitorMessages.ts';
import type { DateOnly } from '../../../../shared/time/tokyoDate.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../connection.ts';
import { getStaff } from './staff.ts';

/** 状況 at which the inquiry is being solicited: presenting a quote is solicitation (保険業法275条・302条). */
export const solicitingStatuses: ReadonlySet<InquiryStatus> = new Set(['quote_presented', 'applied', 'contracted']);

/** Why the staff member cannot be 担当 at this 状況 on this day, in words; null when they can (or the 状況 needs no solicitor). */
export function solicitorProblem(db: Db, staffId: string | null, status: InquiryStatus, onDate: DateOnly): string | null {
  if (!solicitingStatuses.has(status)) return null;
  const staff = staffId ? getStaff(db, staffId) : undefined;
  if (!staff) return solicitorMessages.noStaffForSolicitation;
  const verdict = solicitorStatus(staff, onDate);
  return verdict.ok ? null : solicitorMessages.notSolicitor(staff.name, solicitorReasonText(staff, verdict.reason));
}

/** Refuses (INVALID_INPUT, on the 担当 field) a 担当 who is not a solicitor on that day for an inquiry at 見積提示済 or later. */
export function assertSolicitorFor(db: Db, staffId: string | null, status: InquiryStatus, onDate: DateOnly): void {
  const problem = solicitorProblem(db, staffId, status, onDate);
  if (problem) throw new AppError('INVALID_INPUT', problem, { staffId: solicitorMessages.staffField });
}
