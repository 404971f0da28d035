import { addDays, type DateOnly } from '../time/tokyoDate.ts';
import { solicitorMessages } from '../messages/solicitorMessages.ts';
import type { Staff } from './staff.ts';

/** Why a staff member cannot solicit on a day: no 募集人ID, not yet notified, or the qualification has expired. */
export type SolicitorReason = 'no_id' | 'not_notified' | 'qualification_expired';

export type SolicitorStatus = { ok: true } | { ok: false; reason: SolicitorReason };

type SolicitorFields = Pick<Staff, 'solicitorId' | 'notifiedOn' | 'qualificationExpiresOn'>;

/**
 * Whether a staff member may solicit on a day (保険業法275条・302条: only notified solicitors;
 * presenting a quote is solicitation). The expiry day itself is still valid. A qualification
 * without an expiry date recorded is not taken as expired: the agency keeps the date it knows.
 */
export function solicitorStatus(staff: SolicitorFields, onDate: DateOnly): SolicitorStatus {
  if (!staff.solicitorId) return { ok: false, reason: 'no_id' };
  if (!staff.notifiedOn || staff.notifiedOn > onDate) return { ok: false, reason: 'not_notified' };
  if (staff.qualificationExpiresOn && staff.qualificationExpiresOn < onDate) return { ok: false, reason: 'qualification_expired' };
  return { ok: true };
}

/** The reason in words, as the refusal and the 担当 list say it. */
export function solicitorReasonText(staff: SolicitorFields, reason: SolicitorReason): string {
  if (reason === 'no_id') return solicitorMessages.reasons.no_id();
  if (reason === 'not_notified') return solicitorMessages.reasons.not_notified(staff.notifiedOn);
  return solicitorMessages.reasons.qualification_expired(staff.qualificationExpiresOn);
}

/** Whether the qualification ends within `days` days of the date (still valid today): 設定 warns in time to renew. */
export function qualificationExpiresSoon(staff: SolicitorFields, onDate: DateOnly, days = 60): boolean {
  if (!staff.qualificationExpiresOn || staff.qualificationExpiresOn < onDate) return false;
  return staff.qualificationExpiresOn <= addDays(onDate, days);
}
