import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportProblem } from '../../../shared/contract/jobs.ts';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import { clinicInputSchema, clinicFieldLabels } from '../../../shared/domain/clinic.ts';
import { escapeCsvFormula } from '../../../shared/domain/clinicCsv.ts';
import {
  importRowMessages,
  isBlankRecord,
  mergeForUpdate,
  missingRequiredFields,
  readClinicRow,
  rowClinicName,
  sameClinicFields,
  suggestMapping,
  clinicImportFieldLabels,
  type ClinicImportField,
  type ClinicMatchAction,
  type ColumnMapping,
  type MatchRule,
} from '../../../shared/domain/clinicCsvImport.ts';
import { findClinicMatch, matchKeys, type MatchKeys } from '../../../shared/domain/clinicMatch.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { errorMessages } from '../../../shared/messages/errors.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { openDatabase, openReadOnlyDatabase, type Db } from '../db/connection.ts';
import { clinicMatchLookup, writeClinicImport, type ClinicImportWrite } from '../db/repos/clinicImport.ts';
import { getClinicFields } from '../db/repos/clinicRecords.ts';
import { AppError } from '../errors.ts';
import { isWriteDenied } from '../files/readOnlyDataDir.ts';
import { keepStoredValues } from '../text/keepStoredValues.ts';
import { decodeCsvBytes, detectDelimiter, encodeCsvText, parseCsvRecords, toExcelCsv, UnreadableCsv } from '../text/csvText.ts';
import { importedKinds } from './importedKinds.ts';
import { readBookRecords, type BookSheet } from '../text/xlsxRows.ts';
import { UnreadableBook } from '../text/zipGuard.ts';
import { gatedPost, type ProgressGated } from './progressGate.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface ClinicsCsvImportData {
  /** 'preview' reads and counts; 'import' also writes the rejected rows' CSV and the rows themselves. */
  mode: 'preview' | 'import';
  filePath: string;
  dbPath: string;
  mapping: ColumnMapping | undefined;
  onMatch: ClinicMatchAction;
  /** Store the 種別 a row suggests (a name with 病院) instead of 未確認: staff ticked it in the preview. */
  acceptSuggestedKinds: boolean;
  /** An .xlsx book: the sheet to read; without it, the first visible one. */
  sheet?: string | undefined;
  /** The header's row as Excel numbers it; without it, found as the first row of two or more cells. */
  headerRow?: number | undefined;
  /**
   * A private folder the job removes when this thread ends, cancelled or not: exceljs unpacks a
   * sheet stored before its shared strings (as Excel stores them) to a temporary file, and a
   * roster's names must not be left in the system's temp folder.
   */
  scratchDir: string;
  /** How many problems the report lists (all are counted). */
  maxProblems: number;
  /** Import mode. */
  import?: {
    /** Where the rejected rows go. */
    errorsPath: string;
    machineId: string;
    staffId: string | null;
    /** One timestamp for every row of the import. */
    now: string;
    /** 0 while the job's backup is being taken, 1 once it is verified, 2 if it failed. */
    backupState: Int32Array;
  };
}

export interface ClinicsCsvImportReport {
  /** For a book: how its rejected rows' CSV is written (UTF-8 with a BOM, commas). */
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** An .xlsx book's sheets and the one read; absent for a CSV file. */
  book?: { sheets: BookSheet[]; sheet: string };
  headerRow: number;
  /** The first rows of the file, to choose the header row from. */
  headRows: { row: number; cells: string[] }[];
  headers: string[];
  mapping: ColumnMapping;
  missing: ClinicImportField[];
  rowCount: number;
  blankRows: number;
  sample: { row: number; cells: string[] }[];
  willImport: number;
  willUpdate: number;
  willSkip: number;
  unchanged: number;
  rejected: number;
  problems: ImportProblem[];
  problemCount: number;
  changes: ImportProblem[];
  changeCount: number;
  matches: { byId: number; byMemberNumber: number; byPhone: number; byNameAddress: number };
  unconfirmedKinds: number;
  kindQuestions: ImportProblem[];
  kindQuestionCount: number;
  suggestedKinds: number;
  /** Import mode: whether rejected rows were written to the errors CSV. */
  errorsWritten?: boolean;
}

const sampleRows = 5;
const headRowCount = 10;
const progressEvery = 1000;

/** The header is the first row with two or more filled cells: lists often start with a title. */
function findHeader(records: string[][]): number {
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
function fitColumnLimit(headers: string[]): string[] {
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
async function readRecords(data: ClinicsCsvImportData) {
  try {
    if (isZip(data.filePath)) {
      // os.tmpdir() reads these; a worker's environment is its own copy.
      for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = data.scratchDir;
      const read = await readBookRecords(data.filePath, {
        sheet: data.sheet,
        onProgress: (done, total) => post({ type: 'progress', done, total, phase: 'read' }),
      });
      const encoding: CsvEncoding = 'utf8bom';
      const delimiter: CsvDelimiter = 'comma';
      return { encoding, delimiter, records: read.records, book: { sheets: read.sheets, sheet: read.sheet } };
    }
    // Only the records leave this function: the file's text (tens of MB for a country's roster)
    // is not held beside them for the rest of the import.
    const { text, encoding } = decodeCsvBytes(fs.readFileSync(data.filePath));
    const delimiter = detectDelimiter(text);
    return { encoding, delimiter, records: parseCsvRecords(text, delimiter), book: undefined };
  } catch (error) {
    if (error instanceof UnreadableCsv || error instanceof UnreadableBook) throw new AppError('INVALID_FILE', `${errorMessages.INVALID_FILE}（${error.message}）`);
    throw error;
  }
}

async function readList(data: ClinicsCsvImportData): Promise<ClinicsCsvImportReport> {
  const { encoding, delimiter, records, book } = await readRecords(data);
  if (data.headerRow !== undefined && data.headerRow > records.length) throw new AppError('INVALID_INPUT', csvMessages.headerRowOutside(data.headerRow));
  const headerIndex = data.headerRow !== undefined ? data.headerRow - 1 : findHeader(records);
  if (headerIndex < 0) throw new AppError('INVALID_FILE', `${errorMessages.INVALID_FILE}（${csvMessages.noText}）`);
  const headers = fitColumnLimit(records[headerIndex]!.map((h) => h.trim()));
  const mapping = data.mapping ?? suggestMapping(headers);
  if (mapping.length !== headers.length) {
    throw new AppError('INVALID_INPUT', csvMessages.mappingMismatch);
  }
  const missing = missingRequiredFields(mapping);
  const body = records.slice(headerIndex + 1);
  const report: ClinicsCsvImportReport = {
    encoding,
    delimiter,
    ...(book ? { book } : {}),
    headerRow: headerIndex + 1,
    headRows: records.slice(0, headRowCount).map((cells, i) => ({ row: i + 1, cells })),
    headers,
    mapping,
    missing,
    rowCount: 0,
    blankRows: 0,
    sample: [],
    willImport: 0,
    willUpdate: 0,
    willSkip: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
    problemCount: 0,
    changes: [],
    changeCount: 0,
    matches: { byId: 0, byMemberNumber: 0, byPhone: 0, byNameAddress: 0 },
    unconfirmedKinds: 0,
    kindQuestions: [],
    kindQuestionCount: 0,
    suggestedKinds: 0,
  };
  body.forEach((record, index) => {
    if (isBlankRecord(record)) report.blankRows++;
    else {
      report.rowCount++;
      if (report.sample.length < sampleRows) report.sample.push({ row: headerIndex + 2 + index, cells: record });
    }
  });
  if (missing.length > 0) {
    const names = missing.map((f) => `「${clinicImportFieldLabels[f]}」`).join('、');
    if (data.import) {
      throw new AppError('INVALID_INPUT', csvMessages.requiredColumnsMissing(names));
    }
    return report;
  }
  const db = data.import ? openDatabase(data.dbPath) : openReadOnlyDatabase(data.dbPath);
  try {
    const { write, rejected } = planRows(db, data, report, body, headerIndex + 2);
    if (data.import) {
      report.errorsWritten = rejected.length > 0;
      if (report.errorsWritten) writeErrors(data.import.errorsPath, headers, records[headerIndex]!.length, rejected, encoding, delimiter);
      writeRows(db, write, data.import);
    }
  } finally {
    db.close();
  }
  return report;
}

interface RejectedRow {
  row: number;
  cells: string[];
  reasons: string[];
}

/** Reads, checks and matches every row; fills the counts and the problems, and says what to write. */
function planRows(
  db: Db,
  data: ClinicsCsvImportData,
  report: ClinicsCsvImportReport,
  body: string[][],
  firstRow: number,
): { write: ClinicImportWrite; rejected: RejectedRow[] } {
  const lookup = clinicMatchLookup(db);
  const inserts: ClinicImportWrite['inserts'][number][] = [];
  const updates: ClinicImportWrite['updates'][number][] = [];
  const rejected: RejectedRow[] = [];
  // Rows earlier in the file, so that a list holding one clinic twice is caught.
  const seenMember = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  const seenNameAddress = new Map<string, number>();
  const seenIds = new Set<string>();
  const updatedClinics = new Map<string, number>();
  const matchCounter: Record<MatchRule, keyof ClinicsCsvImportReport['matches']> = {
    id: 'byId',
    memberNumber: 'byMemberNumber',
    phone: 'byPhone',
    nameAddress: 'byNameAddress',
  };

  const reject = (row: number, cells: string[], problems: { field: string; message: string }[]) => {
    report.rejected++;
    report.problemCount += problems.length;
    const clinic = rowClinicName(cells, report.mapping);
    for (const p of problems) if (report.problems.length < data.maxProblems) report.problems.push({ row, clinic, ...p });
    if (data.import) rejected.push({ row, cells, reasons: problems.map((p) => `${p.field}：${p.message}`) });
  };
  const note = (row: number, cells: string[], changes: { field: string; message: string }[]) => {
    if (changes.length === 0) return;
    report.changeCount += changes.length;
    const clinic = rowClinicName(cells, report.mapping);
    for (const c of changes) if (report.changes.length < data.maxProblems) report.changes.push({ row, clinic, ...c });
  };
  const remember = (row: number, keys: MatchKeys) => {
    if (keys.memberNumber !== '') seenMember.set(keys.memberNumber, row);
    if (keys.phoneDigits !== '') seenPhone.set(keys.phoneDigits, row);
    if (keys.nameAddress) seenNameAddress.set(keys.nameAddress, row);
  };
  const duplicateInFile = (keys: MatchKeys): { row: number; rule: MatchRule } | undefined => {
    const member = keys.memberNumber !== '' ? seenMember.get(keys.memberNumber) : undefined;
    if (member !== undefined) return { row: member, rule: 'memberNumber' };
    if (data.onMatch === 'addNew') return undefined;
    const phone = keys.phoneDigits !== '' ? seenPhone.get(keys.phoneDigits) : undefined;
    if (phone !== undefined) return { row: phone, rule: 'phone' };
    const same = keys.nameAddress ? seenNameAddress.get(keys.nameAddress) : undefined;
    return same === undefined ? undefined : { row: same, rule: 'nameAddress' };
  };
  const memberLabel = clinicFieldLabels.memberNumber;
  const { settleKind, countKind } = importedKinds(report, data);

  body.forEach((cells, index) => {
    if (index % progressEvery === 0) post({ type: 'progress', done: index, total: body.length });
    if (isBlankRecord(cells)) return;
    const row = firstRow + index;
    const read = readClinicRow(cells, report.mapping);
    if (!read.ok) return reject(row, cells, read.problems);
    const { fields, given } = read;
    const keys = matchKeys(fields);
    const match = findClinicMatch({ id: read.id, keys }, lookup);

    if (match && data.onMatch !== 'addNew') {
      report.matches[matchCounter[match.rule]]++;
      if (data.onMatch === 'skip') {
        report.willSkip++;
        return;
      }
      const earlier = updatedClinics.get(match.clinicId);
      if (earlier !== undefined) return reject(row, cells, [{ field: clinicFieldLabels.name, message: importRowMessages.sameClinicTwice(earlier) }]);
      const current = getClinicFields(db, match.clinicId)!;
      const merged = clinicInputSchema.safeParse(mergeForUpdate(current, fields, given));
      if (!merged.success) {
        return reject(row, cells, merged.error.issues.map((i) => ({ field: clinicFieldLabels[String(i.path[0]) as keyof typeof clinicFieldLabels] ?? '', message: i.message })));
      }
      // A value a spreadsheet mangled (000099 -> 99, 𠮷 -> ?) is not a change staff made.
      const { fields: next, kept } = keepStoredValues(current, settleKind(merged.data, read));
      if (next.memberNumber !== current.memberNumber && next.memberNumber !== '') {
        const holder = lookup.byMemberNumber(next.memberNumber);
        if ((holder && holder.id !== match.clinicId) || seenMember.has(next.memberNumber)) {
          return reject(row, cells, [{ field: memberLabel, message: importRowMessages.memberNumberTaken(next.memberNumber) }]);
        }
      }
      updatedClinics.set(match.clinicId, row);
      remember(row, matchKeys(next));
      if (sameClinicFields(current, next)) {
        report.unchanged++;
        note(row, cells, kept);
        return;
      }
      report.willUpdate++;
      countKind(row, merged.data, next, read);
      note(row, cells, [...read.changes, ...kept]);
      updates.push({ id: match.clinicId, fields: next });
      return;
    }

    if (match) report.matches[matchCounter[match.rule]]++;
    if (fields.memberNumber !== '' && lookup.byMemberNumber(fields.memberNumber)) {
      return reject(row, cells, [{ field: memberLabel, message: importRowMessages.memberNumberTaken(fields.memberNumber) }]);
    }
    const twin = duplicateInFile(keys);
    if (twin) {
      const field = twin.rule === 'memberNumber' ? memberLabel : twin.rule === 'phone' ? clinicFieldLabels.phone : clinicFieldLabels.name;
      return reject(row, cells, [{ field, message: importRowMessages.duplicateInFile(twin.row, twin.rule) }]);
    }
    // An ID from this app's export keeps the clinic's identity, unless it is here already.
    const id = read.id && !match && !seenIds.has(read.id) ? read.id : undefined;
    if (id) seenIds.add(id);
    remember(row, keys);
    report.willImport++;
    const settled = settleKind(fields, read);
    countKind(row, fields, settled, read);
    note(row, cells, read.changes);
    inserts.push({ fields: settled, id });
  });
  post({ type: 'progress', done: body.length, total: body.length });
  return { write: { inserts, updates }, rejected };
}

/**
 * Writes every row in one transaction, all or nothing, once the job's backup of the list as it
 * was is verified. Cancelling terminates this thread: the connection closes without a commit
 * and SQLite rolls the whole import back.
 */
function writeRows(db: Db, write: ClinicImportWrite, options: NonNullable<ClinicsCsvImportData['import']>): void {
  if (write.inserts.length + write.updates.length === 0) return;
  // The job takes the backup while this thread reads; it is usually ready by now.
  if (Atomics.load(options.backupState, 0) === 0) post({ type: 'progress', done: 0, total: 0, phase: 'backup' });
  Atomics.wait(options.backupState, 0, 0);
  if (Atomics.load(options.backupState, 0) !== 1) throw new Error('the backup before the import failed: nothing written');
  const at = new Date(options.now);
  writeClinicImport(db, write, { machineId: options.machineId, staffId: options.staffId, now: () => at }, (done, total) =>
    post({ type: 'progress', done, total, phase: 'write' }),
  );
}

/**
 * The rows left out, as a CSV the user can fix in Excel and import again: the original columns
 * (so the same mapping fits), then 行番号 and 理由, in the file's own encoding and delimiter.
 */
function writeErrors(
  outPath: string,
  headers: string[],
  headerWidth: number,
  rows: RejectedRow[],
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
): void {
  const width = Math.max(headerWidth, ...rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const records = [
    [...pad(headers).map(escapeCsvFormula), csvMessages.errorsRowNumberHeader, csvMessages.errorsReasonHeader],
    ...rows.map((r) => [...pad(r.cells).map(escapeCsvFormula), String(r.row), r.reasons.join(' ／ ')]),
  ];
  const text = toExcelCsv(records, delimiter);
  fs.writeFileSync(outPath, encodeCsvText(text, encoding));
}

const post = gatedPost((message: WorkerMessage<ClinicsCsvImportReport>) => parentPort?.postMessage(message), (workerData as ProgressGated).progressGate);

readList(workerData as ClinicsCsvImportData).then(
  (result) => post({ type: 'result', result }),
  (error: unknown) => {
    if (error instanceof AppError) post({ type: 'error', code: error.code, message: error.message });
    // The database (or the folder) turned read-only: the import wrote nothing, and staff are told why.
    else if (isWriteDenied(error)) post({ type: 'error', code: 'DATA_DIR_READ_ONLY', message: errorMessages.DATA_DIR_READ_ONLY });
    else post({ type: 'error', message: String(error) });
  },
);
