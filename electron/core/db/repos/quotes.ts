import { newRecordId } from '../recordIds.ts';
import { quoteSnapshotSchema, savedQuoteSchema, type SavedQuote } from '../../../../shared/quote/savedQuote.ts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';

interface QuoteRow {
  id: string;
  inquiry_id: string;
  snapshot: string;
  staff_name: string | null;
  created_at: string;
}

const toSavedQuote = (row: QuoteRow): SavedQuote =>
  savedQuoteSchema.parse({ id: row.id, inquiryId: row.inquiry_id, createdAt: row.created_at, staffName: row.staff_name, snapshot: JSON.parse(row.snapshot) });

/** Stores a quote on an inquiry exactly as it was shown. */
export function saveQuote(db: Db, inquiryId: string, snapshot: z.infer<typeof quoteSnapshotSchema>, ctx: WriteContext): SavedQuote {
  if (!statement(db, 'SELECT 1 FROM inquiries WHERE id = ?').get(inquiryId)) throw new AppError('NOT_FOUND');
  const id = newRecordId();
  const now = (ctx.now?.() ?? new Date()).toISOString();
  statement(db, 'INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, staff_id, created_at, machine) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    inquiryId,
    JSON.stringify(quoteSnapshotSchema.parse(snapshot)),
    ctx.staffId ?? null,
    now,
    ctx.machineId,
  );
  return listQuotes(db, inquiryId).find((q) => q.id === id)!;
}

export function getQuote(db: Db, id: string): SavedQuote | undefined {
  const row = statement(
    db,
    `SELECT q.id, q.inquiry_id, q.snapshot, s.name AS staff_name, q.created_at
       FROM inquiry_quotes q LEFT JOIN staff s ON s.id = q.staff_id WHERE q.id = ?`,
  ).get(id) as QuoteRow | undefined;
  return row && toSavedQuote(row);
}

export function listQuotes(db: Db, inquiryId: string): SavedQuote[] {
  const rows = statement(
    db,
    `SELECT q.id, q.inquiry_id, q.snapshot, s.name AS staff_name, q.created_at
       FROM inquiry_quotes q LEFT JOIN staff s ON s.id = q.staff_id
      WHERE q.inquiry_id = ? ORDER BY q.created_at, q.id`,
  ).all(inquiryId) as QuoteRow[];
  return rows.map(toSavedQuote);
}
