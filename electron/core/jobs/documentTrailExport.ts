import fs from 'node:fs';
import { documentSetLabel, type DocumentKind } from '../../../shared/documents/documentKinds.ts';
import { documentOutputActionLabels, sentByLabels } from '../../../shared/documents/documentOutput.ts';
import { parseActor } from '../../../shared/domain/actor.ts';
import { escapeCsvFormula } from '../../../shared/domain/clinicCsv.ts';
import { documentTrailMessages as m } from '../../../shared/messages/documentTrailMessages.ts';
import { quoteSnapshotSchema } from '../../../shared/quote/savedQuote.ts';
import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import { documentTrailRows, type OutputRow } from '../db/repos/documentOutputs.ts';
import { encodeCsvText, toExcelCsv } from '../text/csvText.ts';
import { writeTextBook } from '../text/xlsxTextBook.ts';

/** The trail's columns for an audit, in Japanese, in the order an auditor reads a line. */
export const trailColumns = ['日時', '書類', '操作', '医療機関', '受付番号', '送付方法', 'FAX番号', '内容パック', '料率表', '試算', '担当者', '募集人ID', 'SHA-256'] as const;

const tokyoTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const yen = new Intl.NumberFormat('ja-JP');

/** 2026-12-04 13:05:09 (Japan time): sortable, and what the counter's clock said. */
function when(iso: string): string {
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? iso : `${tokyoDateString(moment)} ${tokyoTime.format(moment)}`;
}

function quoteCell(row: OutputRow): string {
  if (row.quote_id === null) return '';
  const snapshot = row.quote_snapshot === null ? undefined : quoteSnapshotSchema.safeParse(JSON.parse(row.quote_snapshot));
  if (!snapshot?.success) return row.quote_id;
  return `${snapshot.data.planName} 月額${yen.format(snapshot.data.monthlyYen)}円（保険料表 ${snapshot.data.tableVersion}）`;
}

/** One output as the cells of its line. */
export function trailCells(row: OutputRow): string[] {
  const actor = parseActor(row.actor);
  return [
    when(row.created_at),
    documentSetLabel(JSON.parse(row.documents) as DocumentKind[]),
    documentOutputActionLabels[row.action],
    row.clinic_name ?? (row.clinic_id === null ? '（宛先なし）' : ''),
    row.receipt_number ?? '',
    row.sent_by ? sentByLabels[row.sent_by] : '',
    row.fax_number ?? '',
    row.content_code ? `${row.content_code} ${row.content_date ?? ''}`.trim() : '',
    row.rate_version ?? '',
    quoteCell(row),
    actor?.name ?? row.staff_name ?? '',
    actor?.solicitorId ?? '',
    row.sha256 ?? '',
  ];
}

/**
 * Writes a clinic's or an inquiry's trail to outPath: CSV in UTF-8 with a BOM (Excel on Japanese
 * Windows reads it as such; every cell escaped so that none runs as a formula), or an Excel book
 * whose every cell is text. Says how many outputs it wrote.
 */
export async function writeDocumentTrail(db: Db, by: { clinicId: string } | { inquiryId: string }, format: 'csv' | 'xlsx', outPath: string): Promise<number> {
  const rows = documentTrailRows(db, by).map(trailCells);
  if (format === 'xlsx') return writeTextBook(outPath, m.trailSheetName, [...trailColumns], rows, () => undefined);
  const text = toExcelCsv([[...trailColumns], ...rows.map((cells) => cells.map(escapeCsvFormula))]);
  fs.writeFileSync(outPath, encodeCsvText(text, 'utf8bom'));
  return rows.length;
}
