import { newRecordId } from '../recordIds.ts';
import type { AgencyTextVersions } from '../../../../shared/domain/agencyTexts.ts';
import { documentOutputSchema, type DocumentOutput, type DocumentOutputAction } from '../../../../shared/documents/documentOutput.ts';
import type { DocumentKind } from '../../../../shared/documents/documentKinds.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';

/** What the print centre made one PDF for; kept in memory until the PDF is saved or printed. */
export interface OutputSubject {
  outputKey: string;
  documents: DocumentKind[];
  clinicIds: string[];
  inquiryId: string | null;
  /** Which version of each agency text the PDF printed. */
  agencyTexts?: AgencyTextVersions | undefined;
}

interface OutputRow {
  id: string;
  clinic_id: string;
  inquiry_id: string | null;
  receipt_number: string | null;
  documents: string;
  action: DocumentOutputAction;
  batch_size: number;
  staff_name: string | null;
  created_at: string;
}

/** Records one output on each of its clinics in one transaction; a repeat of the same output adds nothing. */
export function recordDocumentOutput(db: Db, subject: OutputSubject, action: DocumentOutputAction, ctx: WriteContext): number {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A specimen flyer was never sent: nothing of it is recorded.
  if (subject.documents.length === 0) return 0;
  const agencyTexts = subject.agencyTexts && Object.keys(subject.agencyTexts).length > 0 ? JSON.stringify(subject.agencyTexts) : null;
  return db.transaction(() => {
    let added = 0;
    for (const clinicId of subject.clinicIds) {
      added += insert.run(newRecordId(), subject.outputKey, clinicId, subject.inquiryId, JSON.stringify(subject.documents), action, subject.clinicIds.length, ctx.staffId ?? null, now, ctx.machineId, agencyTexts).changes;
    }
    return added;
  })();
}

const selectOutputs = `SELECT o.id, o.clinic_id, o.inquiry_id, i.receipt_number, o.documents, o.action, o.batch_size, s.name AS staff_name, o.created_at
  FROM document_outputs o LEFT JOIN inquiries i ON i.id = o.inquiry_id LEFT JOIN staff s ON s.id = o.staff_id`;

const toOutput = (row: OutputRow): DocumentOutput =>
  documentOutputSchema.parse({
    id: row.id,
    clinicId: row.clinic_id,
    inquiryId: row.inquiry_id,
    receiptNumber: row.receipt_number,
    documents: JSON.parse(row.documents),
    action: row.action,
    batchSize: row.batch_size,
    staffName: row.staff_name,
    createdAt: row.created_at,
  });

/** Newest first: the last mailing is what staff look for. */
export function documentOutputHistory(db: Db, by: { clinicId: string } | { inquiryId: string }, limit = 100): DocumentOutput[] {
  const rows =
    'clinicId' in by
      ? statement(db, `${selectOutputs} WHERE o.clinic_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?`).all(by.clinicId, limit)
      : statement(db, `${selectOutputs} WHERE o.inquiry_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?`).all(by.inquiryId, limit);
  return (rows as OutputRow[]).map(toOutput);
}
