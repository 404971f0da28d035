import type { ClinicSummary } from '../../../../shared/domain/clinicSummary.ts';
import type { DateOnly } from '../../../../shared/time/tokyoDate.ts';
import { statement, type Db } from '../connection.ts';
import { lastDocumentSent } from './documentOutputs.ts';
import { openStatuses } from './inquiries.ts';
import { selectInquiry, toInquiries, type InquiryRow } from './inquiryRows.ts';

/** More open inquiries than this for one clinic is unusual; the summary says how many there are in all. */
const openShown = 20;

/** The open inquiries of a clinic (due follow-ups first, then the newest) and the last document it was given. */
export function clinicSummary(db: Db, clinicId: string, today: DateOnly): ClinicSummary {
  const where = `i.clinic_id = @clinicId AND i.archived_at IS NULL AND i.status IN ${openStatuses}`;
  const rows = statement(
    db,
    `${selectInquiry} WHERE ${where}
      ORDER BY CASE WHEN i.next_action_on IS NOT NULL AND i.next_action_on <= @today THEN 0 ELSE 1 END,
               i.next_action_on IS NULL, i.next_action_on, i.received_on DESC, i.seq DESC
      LIMIT @limit`,
  ).all({ clinicId, today, limit: openShown }) as InquiryRow[];
  const { n } = statement(db, `SELECT count(*) AS n FROM inquiries i WHERE ${where}`).get({ clinicId }) as { n: number };
  return { openInquiries: toInquiries(db, rows), openTotal: n, lastOutput: lastDocumentSent(db, clinicId) };
}
