import fs from 'node:fs';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { excelCellText } from './excelCellText.ts';
import { WorkbookReader } from './xlsxBookReader.ts';
import { checkBookSize, UnreadableBook, type BookLimits } from './zipGuard.ts';

export interface BookSheet {
  name: string;
  /** Hidden or very hidden in Excel: listed so staff know it is there, never chosen by default. */
  hidden: boolean;
}

export interface BookRecords {
  /** Every sheet, in the book's tab order. */
  sheets: BookSheet[];
  /** The sheet read: the one asked for, or the first visible one. */
  sheet: string;
  /** Row by row as Excel numbers them (records[0] is row 1), each cell as Excel shows it. */
  records: string[][];
}

interface ReadOptions {
  sheet?: string | undefined;
  /** Bytes of the book read so far, of all of them. */
  onProgress?: (done: number, total: number) => void;
  limits?: BookLimits;
}

/** Excel's last row: a sheet claiming a later one is not a real sheet. */
const maxRows = 1_048_576;
const progressBytes = 256 * 1024;
const noCells: string[] = [];

type SheetModel = { name?: string; state?: string };
type StreamedCell = { value: unknown; numFmt?: string };
type StreamedRow = { number: number; eachCell(callback: (cell: StreamedCell, column: number) => void): void };
type StreamedSheet = AsyncIterable<StreamedRow> & { name?: string };

/**
 * The rows of one sheet of an .xlsx book, read with exceljs's streaming reader after the zip
 * passed the size check. Formulas give their cached result (never evaluated); merged cells keep
 * their value in the top-left cell and leave the others empty, as Excel's own 「CSV で保存」 does,
 * so a title merged across the top is skipped like any title and a column merged down several
 * rows is filled only in its first row.
 */
export async function readBookRecords(filePath: string, options: ReadOptions = {}): Promise<BookRecords> {
  await checkBookSize(filePath, options.limits);
  const total = fs.statSync(filePath).size;
  const input = fs.createReadStream(filePath);
  let read = 0;
  let reported = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
    if (read - reported >= progressBytes) {
      reported = read;
      options.onProgress?.(read, total);
    }
  });
  const reader = new WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const listSheets = (): BookSheet[] =>
    (((reader as unknown as { model?: { sheets?: SheetModel[] } }).model?.sheets ?? []) as SheetModel[])
      .filter((s) => typeof s.name === 'string')
      .map((s) => ({ name: s.name!, hidden: s.state === 'hidden' || s.state === 'veryHidden' }));

  let records: string[][] | undefined;
  let chosen: string | undefined;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      const target = options.sheet ?? listSheets().find((s) => !s.hidden)?.name;
      if (records || sheet.name === undefined || sheet.name !== target) continue;
      chosen = sheet.name;
      records = [];
      for await (const row of sheet) {
        if (!Number.isInteger(row.number) || row.number < 1 || row.number > maxRows) throw new UnreadableBook(csvMessages.bookDamaged);
        while (records.length < row.number - 1) records.push(noCells);
        const cells: string[] = [];
        row.eachCell((cell, column) => {
          const text = excelCellText(cell.value, cell.numFmt);
          if (text !== '') cells[column - 1] = text;
        });
        records.push(Array.from(cells, (c) => c ?? ''));
      }
    }
  } catch (error) {
    if (error instanceof UnreadableBook) throw error;
    throw new UnreadableBook(csvMessages.bookDamaged);
  } finally {
    input.destroy();
  }
  const sheets = listSheets();
  if (sheets.length === 0) throw new UnreadableBook(csvMessages.notABook);
  if (!records || chosen === undefined) {
    throw new UnreadableBook(options.sheet !== undefined ? csvMessages.sheetNotFound(options.sheet) : csvMessages.noVisibleSheet);
  }
  options.onProgress?.(total, total);
  return { sheets, sheet: chosen, records };
}
