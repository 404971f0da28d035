import fs from 'node:fs';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { errorMessages } from '../../../shared/messages/errors.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { AppError } from '../errors.ts';
import { decodeCsvBytes, detectDelimiter, parseCsvRecords, UnreadableCsv } from '../text/csvText.ts';
import { readBookRecords } from '../text/xlsxRows.ts';
import { UnreadableBook } from '../text/zipGuard.ts';
import type { ClinicsCsvImportData } from './clinicsCsvImport.worker.ts';

/** The header is the first row with two or more filled cells: lists often start with a title. */
export function findHeader(records: string[][]): number {
  const filled = (r: string[]) => r.filter((c) => c.trim() !== '').length;
  const within = records.slice(0, 10);
  const wide = within.findIndex((r) => filled(r) >= 2);
  if (wide >= 0) return wide;
  return records.findIndex((r) => filled(r) >= 1);
}

/**
 * The header within the column limit: blank headers past the last named one are dropped (Excel
 * saves a column someone once formatted), and a list still wider is refused in Japanese.
 */
export function fitColumnLimit(headers: string[]): string[] {
  if (headers.length <= limits.maxImportColumns) return headers;
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  if (width > limits.maxImportColumns) {
    throw new AppError('INVALID_FILE', `${errorMessages.INVALID_FILE}（${csvMessages.tooManyColumns(width, limits.maxImportColumns)}）`);
  }
  return headers.slice(0, width);
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];

function isZip(filePath: string): boolean {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  return zipSignature.every((b, i) => head[i] === b);
}

/** The file's rows: an .xlsx book through the book reader, anything else as CSV text. */
export async function readListRecords(
  data: Pick<ClinicsCsvImportData, 'filePath' | 'scratchDir' | 'sheet'>,
  onProgress: (done: number, total: number) => void,
  onText: (done: number, total: number) => void,
) {
  try {
    if (isZip(data.filePath)) {
      // os.tmpdir() reads these; a worker's environment is its own copy.
      for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = data.scratchDir;
      const read = await readBookRecords(data.filePath, {
        sheet: data.sheet,
        onProgress,
      });
      const encoding: CsvEncoding = 'utf8bom';
      const delimiter: CsvDelimiter = 'comma';
      return { encoding, delimiter, records: read.records, book: { sheets: read.sheets, sheet: read.sheet } };
    }
    // Only the records leave this function: the file's text (tens of MB for a country's roster)
    // is not held beside them for the rest of the import.
    // Reading and decoding a country's roster takes a second or two: the window hears at once that work began.
    onText(0, 1);
    const { text, encoding } = decodeCsvBytes(fs.readFileSync(data.filePath));
    const delimiter = detectDelimiter(text);
    return { encoding, delimiter, records: parseCsvRecords(text, delimiter, onText), book: undefined };
  } catch (error) {
    if (error instanceof UnreadableCsv || error instanceof UnreadableBook) throw new AppError('INVALID_FILE', `${errorMessages.INVALID_FILE}（${error.message}）`);
    throw error;
  }
}
