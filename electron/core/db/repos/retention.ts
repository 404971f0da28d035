import { retentionEndsOn, type ExpiredRecord, type Retained } from '../../../../shared/domain/retention.ts';
import { statement, type Db } from '../connection.ts';
import { readRetentionSetting } from './agencySettings.ts';

interface StartRow {
  id: string;
  receipt_number: string;
  clinic_name: string;
  contracted_on: string | null;
  applied_on: string | null;
}

/** One inquiry that reached 申込 or 成約, with the day its retention period ends. */
export interface HeldInquiry {
  id: string;
  receiptNumber: string;
  clinicName: string;
  startedOn: string;
  contracted: boolean;
  endsOn: string;
}

/**
 * Every inquiry whose history reached 申込 or 成約, counted from its latest 成約 or, never 成約,
 * its latest 申込 (an application later withdrawn was still solicited: intent, quotes and the
 * important matters were given, and the audit may ask for them). Dates are Japanese dates:
 * Japan keeps no summer time, so +9 hours is exact.
 */
export function solicitedInquiries(db: Db, years: number): HeldInquiry[] {
  const rows = statement(
    db,
    `SELECT i.id, i.receipt_number, c.name AS clinic_name,
            (SELECT max(date(h.changed_at, '+9 hours')) FROM inquiry_status_history h WHERE h.inquiry_id = i.id AND h.to_status = 'contracted') AS contracted_on,
            (SELECT max(date(h.changed_at, '+9 hours')) FROM inquiry_status_history h WHERE h.inquiry_id = i.id AND h.to_status = 'applied') AS applied_on
       FROM inquiries i JOIN clinics c ON c.id = i.clinic_id
      WHERE EXISTS (SELECT 1 FROM inquiry_status_history h WHERE h.inquiry_id = i.id AND h.to_status IN ('applied', 'contracted'))`,
  ).all() as StartRow[];
  return rows.map((row) => {
    const startedOn = (row.contracted_on ?? row.applied_on)!;
    return { id: row.id, receiptNumber: row.receipt_number, clinicName: row.clinic_name, startedOn, contracted: row.contracted_on !== null, endsOn: retentionEndsOn(startedOn, years) };
  });
}

/** Inquiries still within their retention period today: 完全削除 leaves them and their clinic. */
export function retainedInquiryIds(db: Db, today: string): string[] {
  return solicitedInquiries(db, readRetentionSetting(db).years)
    .filter((inquiry) => today <= inquiry.endsOn)
    .map((inquiry) => inquiry.id);
}

/** What purge holds back because of the period, among the given inquiries: how many and the earliest end. */
export function retainedAmong(db: Db, today: string, ids: ReadonlySet<string>): Retained {
  const years = readRetentionSetting(db).years;
  const held = solicitedInquiries(db, years).filter((inquiry) => ids.has(inquiry.id) && today <= inquiry.endsOn);
  const earliest = held.map((inquiry) => inquiry.endsOn).sort()[0] ?? null;
  return { count: held.length, earliestEndsOn: earliest, years };
}

/** 保存期間を過ぎた記録: inquiries that reached 申込 or 成約 and whose period ended before today. */
export function expiredRecords(db: Db, today: string): ExpiredRecord[] {
  return solicitedInquiries(db, readRetentionSetting(db).years)
    .filter((inquiry) => today > inquiry.endsOn)
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.receiptNumber.localeCompare(b.receiptNumber))
    .map((inquiry) => ({
      inquiryId: inquiry.id,
      receiptNumber: inquiry.receiptNumber,
      clinicName: inquiry.clinicName,
      startedOn: inquiry.startedOn,
      contracted: inquiry.contracted,
      endedOn: inquiry.endsOn,
    }));
}
