import { newRecordId } from '../recordIds.ts';
import type { AgencyTextVersions } from '../../../../shared/domain/agencyTexts.ts';
import { documentOutputSchema, type DocumentOutput, type DocumentOutputAction, type SentBy } from '../../../../shared/documents/documentOutput.ts';
import { outputKindNames, trailOnlyDocuments, type OutputKind } from '../../../../shared/documents/documentKinds.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';

/**
 * What a PDF for none or many clinics needs to be made again byte for byte: everything of the
 * render request but the content pack and rate table, which the row names by code, date and
 * version. `targets` has one entry per clinic, in the PDF's order (one empty one for nobody).
 */
export interface OutputInputs {
  common: Record<string, unknown>;
  targets: unknown[];
}

/** What the print centre made one PDF for; kept in memory until the PDF is saved or printed. */
export interface OutputSubject {
  outputKey: string;
  documents: OutputKind[];
  clinicIds: string[];
  inquiryId: string | null;
  /** Which version of each agency text the PDF printed. */
  agencyTexts?: AgencyTextVersions | undefined;
  /** The content pack's code and date and the rate table's version in force when it was made. */
  content?: { code: string; date: string; rateVersion: string } | undefined;
  /** The saved quote a 試算書 came from. */
  quoteId?: string | null | undefined;
  /** SHA-256 (hex) of the PDF as written. */
  sha256?: string | undefined;
  /** Kept for PDFs of none or many clinics (a one-clinic PDF is kept as a file instead). */
  inputs?: OutputInputs | undefined;
  /**
   * 医療機関ごとのPDF: the zip's entry and SHA-256 of each clinic's own PDF; each row then carries
   * its clinic's hash, and that PDF is kept.
   */
  clinicFiles?: { clinicId: string; entry: string; sha256: string }[] | undefined;
  /** How it leaves, whatever is chosen on the screen (address labels go by post). */
  sentBy?: SentBy | undefined;
  /** Clinics of a FAX mailing without a FAX number that staff chose to post to: recorded as 郵送. */
  postedIds?: readonly string[] | undefined;
  /**
   * Each clinic's FAX number on record when the PDF was made, by clinic id: a mailing sent by FAX went to
   * every clinic's own number, which one number typed on the screen cannot say.
   */
  faxNumbers?: Readonly<Record<string, string>> | undefined;
  /** Made as a mailing (一括作成): each clinic's FAX number is its own, never one typed on the screen. */
  mailing?: boolean | undefined;
}

/** How the output left and who sent it, known when it is saved or printed. */
export interface OutputDelivery {
  sentBy: SentBy | null;
  faxNumber: string | null;
  /** The actor snapshot, as stored (actorText). */
  actor: string | null;
  /** Where the PDF was kept, relative to the kept documents folder. */
  keptFile: string | null;
  /** Where each clinic's own PDF was kept (医療機関ごとのPDF), by clinic id. */
  keptFiles?: Readonly<Record<string, string>> | undefined;
}

const noDelivery: OutputDelivery = { sentBy: null, faxNumber: null, actor: null, keptFile: null };

/**
 * Records one output on each of its clinics (or once, for nobody, when it has none) in one
 * transaction; a repeat of the same output adds nothing. Rows are never changed afterwards.
 */
export function recordDocumentOutput(db: Db, subject: OutputSubject, action: DocumentOutputAction, ctx: WriteContext, delivery: OutputDelivery = noDelivery): number {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts,
       content_code, content_date, rate_version, quote_id, sent_by, fax_number, sha256, actor, kept_file, inputs)
     VALUES (@id, @outputKey, @clinicId, @inquiryId, @documents, @action, @batchSize, @staffId, @now, @machine, @agencyTexts,
       @contentCode, @contentDate, @rateVersion, @quoteId, @sentBy, @faxNumber, @sha256, @actor, @keptFile, @inputs)`,
  );
  // A specimen flyer was never sent: nothing of it is recorded.
  if (subject.documents.length === 0) return 0;
  const agencyTexts = subject.agencyTexts && Object.keys(subject.agencyTexts).length > 0 ? JSON.stringify(subject.agencyTexts) : null;
  // Blank forms and a チラシ alone went to nobody in particular: one row without a clinic.
  const recipients: (string | null)[] = subject.clinicIds.length > 0 ? subject.clinicIds : [null];
  const posted = new Set<string | null>(subject.postedIds ?? []);
  // One clinic: the number staff confirmed on the screen. A mailing: each clinic's own number.
  const faxNumberOf = (clinicId: string | null): string | null =>
    subject.mailing && clinicId !== null ? (subject.faxNumbers?.[clinicId] ?? null) : delivery.faxNumber;
  return db.transaction(() => {
    let added = 0;
    recipients.forEach((clinicId, position) => {
      const inputs = subject.inputs ? JSON.stringify({ ...subject.inputs.common, position, target: subject.inputs.targets[position] ?? {} }) : null;
      const own = clinicId === null ? undefined : subject.clinicFiles?.find((file) => file.clinicId === clinicId);
      // Labels always go by post; a FAX mailing's clinics without a number may be posted instead.
      const sentBy = subject.sentBy ?? (posted.has(clinicId) ? 'post' : delivery.sentBy);
      added += insert.run({
        id: newRecordId(),
        outputKey: subject.outputKey,
        clinicId,
        inquiryId: subject.inquiryId,
        documents: JSON.stringify(subject.documents),
        action,
        batchSize: recipients.length,
        staffId: ctx.staffId ?? null,
        now,
        machine: ctx.machineId,
        agencyTexts,
        contentCode: subject.content?.code ?? null,
        contentDate: subject.content?.date ?? null,
        rateVersion: subject.content?.rateVersion ?? null,
        quoteId: subject.quoteId ?? null,
        sentBy,
        faxNumber: sentBy === 'fax' ? faxNumberOf(clinicId) : null,
        sha256: own?.sha256 ?? subject.sha256 ?? null,
        actor: delivery.actor,
        keptFile: (clinicId !== null ? delivery.keptFiles?.[clinicId] : undefined) ?? delivery.keptFile,
        inputs,
      }).changes;
    });
    return added;
  })();
}

interface OutputRow {
  id: string;
  output_key: string;
  machine: string;
  clinic_id: string | null;
  clinic_name: string | null;
  inquiry_id: string | null;
  receipt_number: string | null;
  documents: string;
  action: DocumentOutputAction;
  batch_size: number;
  staff_name: string | null;
  created_at: string;
  sent_by: SentBy | null;
  fax_number: string | null;
  content_code: string | null;
  content_date: string | null;
  rate_version: string | null;
  quote_id: string | null;
  quote_snapshot: string | null;
  sha256: string | null;
  actor: string | null;
  kept_file: string | null;
  inputs: string | null;
}

const selectOutputs = `SELECT o.id, o.output_key, o.machine, o.clinic_id, c.name AS clinic_name, o.inquiry_id, i.receipt_number, o.documents, o.action, o.batch_size,
    s.name AS staff_name, o.created_at, o.sent_by, o.fax_number, o.content_code, o.content_date, o.rate_version, o.quote_id, q.snapshot AS quote_snapshot,
    o.sha256, o.actor, o.kept_file, o.inputs
  FROM document_outputs o LEFT JOIN inquiries i ON i.id = o.inquiry_id LEFT JOIN staff s ON s.id = o.staff_id
    LEFT JOIN clinics c ON c.id = o.clinic_id LEFT JOIN inquiry_quotes q ON q.id = o.quote_id`;

const toOutput = (row: OutputRow): DocumentOutput =>
  documentOutputSchema.parse({
    id: row.id,
    clinicId: row.clinic_id,
    inquiryId: row.inquiry_id,
    receiptNumber: row.receipt_number,
    documents: knownKinds(row.documents),
    action: row.action,
    batchSize: row.batch_size,
    staffName: row.staff_name,
    createdAt: row.created_at,
    sentBy: row.sent_by,
    faxNumber: row.fax_number,
    contentCode: row.content_code,
    contentDate: row.content_date,
    rateVersion: row.rate_version,
    quoteId: row.quote_id,
    sha256: row.sha256,
    // 宛名ラベル keep no copy; a sheet kept by an earlier version held other clinics' addresses and is removed at 完全削除.
    canShow: row.sha256 !== null && (row.kept_file !== null || row.inputs !== null) && !trailOnlyDocuments.includes(row.documents),
  });

/**
 * The kinds this version knows: a row from a newer app on the same hub may name a kind added
 * since, which is left out here rather than making the whole history unreadable.
 */
function knownKinds(documents: string): OutputKind[] {
  const known = new Set<string>(outputKindNames);
  return (JSON.parse(documents) as unknown[]).filter((kind): kind is OutputKind => typeof kind === 'string' && known.has(kind));
}

const whereOf = (by: { clinicId: string } | { inquiryId: string }) => ('clinicId' in by ? 'o.clinic_id = ?' : 'o.inquiry_id = ?');
const keyOf = (by: { clinicId: string } | { inquiryId: string }) => ('clinicId' in by ? by.clinicId : by.inquiryId);

/** Newest first: the last mailing is what staff look for. */
export function documentOutputHistory(db: Db, by: { clinicId: string } | { inquiryId: string }, limit = 100): DocumentOutput[] {
  const rows = statement(db, `${selectOutputs} WHERE ${whereOf(by)} ORDER BY o.created_at DESC, o.id DESC LIMIT ?`).all(keyOf(by), limit) as OutputRow[];
  // A row naming only kinds of a newer version says nothing this one can show.
  return rows.map(toOutput).filter((output) => output.documents.length > 0);
}

/** SQL true for a row (alias o) that sent a document: a 宛名ラベル print alone stays on the trail but sent nothing. */
export const sentDocumentSql = `o.documents NOT IN (${trailOnlyDocuments.map((documents) => `'${documents}'`).join(', ')})`;

/** 最後に送った書類: the newest output that sent a document to the clinic, labels alone aside. */
export function lastDocumentSent(db: Db, clinicId: string): DocumentOutput | null {
  const row = statement(db, `${selectOutputs} WHERE o.clinic_id = ? AND ${sentDocumentSql} ORDER BY o.created_at DESC, o.id DESC LIMIT 1`).get(clinicId) as OutputRow | undefined;
  return row ? toOutput(row) : null;
}

/** One output as stored, with what showing it again needs. */
export function getOutputRecord(db: Db, id: string): OutputRow | undefined {
  return statement(db, `${selectOutputs} WHERE o.id = ?`).get(id) as OutputRow | undefined;
}

/** The rows one mailing (or blank-form print) wrote for one action, in the PDF's order: what remaking it needs. */
export function outputRowsOf(db: Db, outputKey: string, action: DocumentOutputAction): OutputRow[] {
  return statement(db, `${selectOutputs} WHERE o.output_key = ? AND o.action = ? ORDER BY json_extract(o.inputs, '$.position'), o.id`).all(outputKey, action) as OutputRow[];
}

/** Every output of a clinic or an inquiry, oldest first: an audit reads a trail in order. */
export function documentTrailRows(db: Db, by: { clinicId: string } | { inquiryId: string }): OutputRow[] {
  return statement(db, `${selectOutputs} WHERE ${whereOf(by)} ORDER BY o.created_at, o.id`).all(keyOf(by)) as OutputRow[];
}

export type { OutputRow };
