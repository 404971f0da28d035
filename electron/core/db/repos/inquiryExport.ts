import type { Inquiry } from '../../../../shared/domain/inquiry.ts';
import { statement, type Db } from '../connection.ts';
import { selectInquiry, toInquiry, type InquiryRow } from './inquiryRows.ts';

/** An inquiry as its CSV export shows it: the record and when its 状況 last changed. */
export interface InquiryExportRow extends Inquiry {
  statusChangedAt: string | null;
}

/** Every inquiry in 受付日 order for the CSV export; a generator so large lists never sit in memory. */
export function* iterateInquiriesForExport(db: Db, includeArchived: boolean): Generator<InquiryExportRow> {
  const archived = includeArchived ? '' : 'WHERE i.archived_at IS NULL';
  const rows = statement(
    db,
    `SELECT x.*, (SELECT max(h.changed_at) FROM inquiry_status_history h WHERE h.inquiry_id = x.id) AS status_changed_at,
            EXISTS (SELECT 1 FROM inquiries o WHERE o.receipt_number = x.receipt_number AND o.id <> x.id) AS receipt_shared
       FROM (${selectInquiry} ${archived}) x
      ORDER BY x.received_on, x.receipt_number, x.id`,
  ).iterate() as Iterable<InquiryRow & { status_changed_at: string | null; receipt_shared: number }>;
  for (const row of rows) yield { ...toInquiry(row, row.receipt_shared === 1), statusChangedAt: row.status_changed_at };
}

export function countInquiries(db: Db, includeArchived: boolean): number {
  const archived = includeArchived ? '' : 'WHERE archived_at IS NULL';
  return (statement(db, `SELECT count(*) AS n FROM inquiries ${archived}`).get() as { n: number }).n;
}
