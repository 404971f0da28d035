import { inquirySchema, type Inquiry } from '../../../../shared/domain/inquiry.ts';
import type { Db } from '../connection.ts';
import { receiptNumbersOfMany } from './sameReceiptNumber.ts';

/** How an inquiry is read: the row with its clinic's and staff member's names, the columns every read selects, the mapping. */
export interface InquiryRow {
  id: string;
  receipt_number: string;
  clinic_id: string;
  clinic_name: string;
  received_on: string;
  channel: string;
  content: string;
  status: string;
  next_action_on: string | null;
  staff_id: string | null;
  staff_name: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
  archived_at: string | null;
  insurer_consent: string;
  revision: number;
}

export const selectInquiry = `
  SELECT i.id, i.receipt_number, i.clinic_id, c.name AS clinic_name, i.received_on, i.channel, i.content,
         i.status, i.next_action_on, i.staff_id, s.name AS staff_name, i.created_at, i.updated_at,
         i.updated_by, i.archived_at, i.insurer_consent, i.revision
    FROM inquiries i
    JOIN clinics c ON c.id = i.clinic_id
    LEFT JOIN staff s ON s.id = i.staff_id`;

export function toInquiry(row: InquiryRow, receiptNumberShared: boolean): Inquiry {
  return inquirySchema.parse({
    id: row.id,
    receiptNumber: row.receipt_number,
    clinicId: row.clinic_id,
    clinicName: row.clinic_name,
    receivedOn: row.received_on,
    channel: row.channel,
    content: row.content,
    status: row.status,
    nextActionOn: row.next_action_on,
    staffId: row.staff_id,
    staffName: row.staff_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByMachine: row.updated_by,
    archivedAt: row.archived_at,
    insurerConsent: row.insurer_consent,
    revision: row.revision,
    receiptNumberShared,
  });
}

/**
 * Rows as inquiries, each knowing whether another inquiry has its 受付番号: looked up for the rows
 * shown only (one query), not for every row a list sorts through.
 */
export function toInquiries(db: Db, rows: readonly InquiryRow[]): Inquiry[] {
  const shared = receiptNumbersOfMany(db, rows.map((r) => r.receipt_number));
  return rows.map((row) => toInquiry(row, shared.has(row.receipt_number)));
}
