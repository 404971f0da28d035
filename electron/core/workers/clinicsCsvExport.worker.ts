import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { UnencodableChar } from '../../../shared/contract/csvJobKinds.ts';
import { codePointName, replacementMark, type ExportEncoding } from '../../../shared/csv/csvFormat.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { inquiryCsvColumns, inquiryToCsvRow } from '../../../shared/csv/inquiryCsv.ts';
import { clinicCsvColumns, clinicToCsvRow, escapeCsvFormula } from '../../../shared/domain/clinicCsv.ts';
import { openReadOnlyDatabase, type Db } from '../db/connection.ts';
import { countClinics, iterateClinics } from '../db/repos/clinicRecords.ts';
import { countInquiries, iterateInquiriesForExport } from '../db/repos/inquiryExport.ts';
import { replaceUnencodable, unencodableInCp932 } from '../text/cp932.ts';
import { csvBom, encodeCsvChunk, toExcelCsv } from '../text/csvText.ts';
import { writeTextBook } from '../text/xlsxTextBook.ts';
import { gatedPost, type ProgressGated } from './progressGate.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface ClinicsCsvExportData {
  dbPath: string;
  outPath: string;
  records: 'clinics' | 'inquiries';
  includeArchived: boolean;
  encoding: ExportEncoding;
  unencodable: 'refuse' | 'replace';
  /** 'xlsx': an Excel book with every cell text (encoding and unencodable do not apply). */
  format: 'csv' | 'xlsx';
}

export interface ClinicsCsvExportResult {
  rows: number;
  /** Characters Shift_JIS cannot write; with 'refuse' and any of them, the file is incomplete. */
  unencodable: UnencodableChar[];
  replaced: number;
}

const chunkRows = 1000;
const maxListedChars = 100;
const maxListedRows = 20;

interface Source {
  headers: string[];
  total: number;
  rows: Iterable<{ cells: string[]; label: string }>;
}

function openSource(db: Db, records: ClinicsCsvExportData['records'], includeArchived: boolean): Source {
  if (records === 'inquiries') {
    return {
      headers: inquiryCsvColumns.map((c) => c.header),
      total: countInquiries(db, includeArchived),
      rows: (function* () {
        for (const inquiry of iterateInquiriesForExport(db, includeArchived)) {
          yield { cells: inquiryToCsvRow(inquiry), label: `${inquiry.receiptNumber} ${inquiry.clinicName}` };
        }
      })(),
    };
  }
  return {
    headers: clinicCsvColumns.map((c) => c.header),
    total: countClinics(db, includeArchived),
    rows: (function* () {
      for (const clinic of iterateClinics(db, includeArchived)) yield { cells: clinicToCsvRow(clinic), label: clinic.name };
    })(),
  };
}

/**
 * Writes clinics or inquiries as CSV for Excel on Japanese Windows: UTF-8 with a BOM, or
 * Shift_JIS. Every cell is escaped so that opening the file never runs a formula. For Shift_JIS,
 * characters it has no code for are listed with their rows; with 'replace' they become 〓 and a
 * last column says what each row had.
 */
function exportCsv(data: ClinicsCsvExportData): ClinicsCsvExportResult {
  const db = openReadOnlyDatabase(data.dbPath);
  const fd = fs.openSync(data.outPath, 'w');
  try {
    const source = openSource(db, data.records, data.includeArchived);
    const sjis = data.encoding === 'shift_jis';
    const replacing = sjis && data.unencodable === 'replace';
    const headers = replacing ? [...source.headers, csvMessages.replacedColumnHeader] : source.headers;
    const write = (records: string[][]) =>
      fs.writeSync(fd, encodeCsvChunk(toExcelCsv(records), data.encoding));
    fs.writeSync(fd, csvBom(data.encoding));
    write([headers]);

    const found = new Map<string, UnencodableChar>();
    let replaced = 0;
    let done = 0;
    let chunk: string[][] = [];
    const flush = () => {
      // Once a refused character is found the file will be thrown away: only keep scanning.
      if (!(found.size > 0 && !replacing)) write(chunk);
      chunk = [];
      post({ type: 'progress', done, total: source.total });
    };
    for (const { cells, label } of source.rows) {
      done++;
      const row = done + 1;
      let escaped = cells.map(escapeCsvFormula);
      if (sjis) {
        const notes: string[] = [];
        escaped.forEach((cell, column) => {
          for (const char of unencodableInCp932(cell)) {
            const entry = found.get(char) ?? { char, codePoint: codePointName(char), rows: [], rowCount: 0 };
            if (entry.rows.at(-1)?.row !== row) {
              entry.rowCount++;
              if (entry.rows.length < maxListedRows) entry.rows.push({ row, label, field: source.headers[column]! });
            }
            if (found.size < maxListedChars || found.has(char)) found.set(char, entry);
            // The note is in Shift_JIS too, so it names the character by its code point.
            notes.push(csvMessages.replacedNote(source.headers[column] ?? '', codePointName(char)));
          }
        });
        if (replacing) {
          replaced += notes.length;
          escaped = [...escaped.map((cell) => replaceUnencodable(cell, replacementMark)), notes.join(csvMessages.noteSeparator)];
        }
      }
      chunk.push(escaped);
      if (chunk.length === chunkRows) flush();
    }
    flush();
    fs.fsyncSync(fd);
    return { rows: done, unencodable: [...found.values()], replaced };
  } finally {
    fs.closeSync(fd);
    db.close();
  }
}

/** The same columns and values as the CSV, as an Excel book of text cells (xlsxTextBook.ts). */
async function exportBook(data: ClinicsCsvExportData): Promise<ClinicsCsvExportResult> {
  const db = openReadOnlyDatabase(data.dbPath);
  try {
    const source = openSource(db, data.records, data.includeArchived);
    const cells = function* () {
      for (const { cells } of source.rows) yield cells;
    };
    const rows = await writeTextBook(data.outPath, csvMessages.exportFileStem[data.records], source.headers, cells(), (done) =>
      post({ type: 'progress', done, total: source.total }),
    );
    return { rows, unencodable: [], replaced: 0 };
  } finally {
    db.close();
  }
}

const post = gatedPost((message: WorkerMessage<ClinicsCsvExportResult>) => parentPort?.postMessage(message), (workerData as ProgressGated).progressGate);

const data = workerData as ClinicsCsvExportData;
(data.format === 'xlsx' ? exportBook(data) : Promise.resolve().then(() => exportCsv(data))).then(
  (result) => post({ type: 'result', result }),
  (error: unknown) => post({ type: 'error', message: String(error) }),
);
