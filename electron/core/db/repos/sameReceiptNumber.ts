import type { SameReceiptInquiry } from '../../../../shared/domain/inquiry.ts';
import { statement, type Db } from '../connection.ts';

/**
 * The other inquiries with this inquiry's 受付番号, oldest 受付日 first. Two machines that took
 * inquiries before they shared both numbered from A-2026-0001, and a 受付番号 is never renumbered,
 * so staff are shown which clinic each one belongs to.
 */
export function inquiriesWithSameReceiptNumber(db: Db, inquiryId: string): SameReceiptInquiry[] {
  const rows = statement(
    db,
    `SELECT o.id, c.name AS clinic_name, o.received_on, o.archived_at
       FROM inquiries i
       JOIN inquiries o ON o.receipt_number = i.receipt_number AND o.id <> i.id
       JOIN clinics c ON c.id = o.clinic_id
      WHERE i.id = ?
      ORDER BY o.received_on, o.seq`,
  ).all(inquiryId) as { id: string; clinic_name: string; received_on: string; archived_at: string | null }[];
  return rows.map((r) => ({ id: r.id, clinicName: r.clinic_name, receivedOn: r.received_on, archivedAt: r.archived_at }));
}

/** Which of these 受付番号 more than one inquiry has (each looked up through the index of migration 14). */
export function receiptNumbersOfMany(db: Db, receiptNumbers: readonly string[]): Set<string> {
  if (receiptNumbers.length === 0) return new Set();
  const numbers = statement(
    db,
    `SELECT n.value FROM (SELECT DISTINCT value FROM json_each(?)) n
      WHERE (SELECT count(*) FROM (SELECT 1 FROM inquiries WHERE receipt_number = n.value LIMIT 2)) > 1`,
  )
    .pluck()
    .all(JSON.stringify(receiptNumbers)) as string[];
  return new Set(numbers);
}
