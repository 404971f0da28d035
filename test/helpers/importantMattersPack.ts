import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A two-page stand-in for the insurer's important-matters document, with words the app never prints. */
export async function importantMattersPdf(words: readonly string[] = ['IMPORTANT MATTERS OVERVIEW', 'IMPORTANT MATTERS CAUTIONS']): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of words) doc.addPage([595.28, 841.89]).drawText(line, { x: 60, y: 700, size: 24, font });
  // Fixed dates, so the same words make the same bytes on every run.
  doc.setCreationDate(new Date('2026-04-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-04-01T00:00:00Z'));
  return Buffer.from(await doc.save());
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bundled pack (same flyer wording and date) naming this PDF as its important-matters document. */
export function packNamingImportantMatters(pdf: Uint8Array, fields: { file?: string; code?: string; date?: string } = {}): string {
  const pack = JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as Record<string, unknown>;
  const importantMatters = { file: fields.file ?? 'SJ26-01234.pdf', sha256: sha256Of(pdf), code: fields.code ?? 'SJ26-01234', date: fields.date ?? '2026-04-01' };
  return JSON.stringify({ ...pack, importantMatters });
}
