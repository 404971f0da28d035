import { parentPort, workerData } from 'node:worker_threads';
import type { ImportProblem } from '../../../shared/contract/csvJobKinds.ts';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import {
  isBlankRecord,
  missingRequiredFields,
  suggestMapping,
  clinicImportFieldLabels,
  type ClinicImportField,
  type ClinicMatchAction,
  type ColumnMapping,
} from '../../../shared/domain/clinicCsvImport.ts';
import { errorMessages } from '../../../shared/messages/errors.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { openDatabase, openReadOnlyDatabase, type Db } from '../db/connection.ts';
import { insertCountOf, writeClinicImport, type ClinicImportWrite } from '../db/repos/clinicImport.ts';
import { AppError } from '../errors.ts';
import { isWriteDenied } from '../files/readOnlyDataDir.ts';
import type { BookSheet } from '../text/xlsxRows.ts';
import { findHeader, fitColumnLimit, readListRecords } from './importListRecords.ts';
import { clinicsState, loadImportPlan, saveImportPlan, type ImportPlan } from './importPlanFile.ts';
import { planRows, writeErrors } from './importRowPlan.ts';
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
  /**
   * Where the preview's plan is kept: a preview saves what it worked out there, and the import
   * of the same list with the same choices writes from it instead of reading the list again,
   * if the clinics have not changed meanwhile (importPlanFile.ts).
   */
  planPath?: string | undefined;
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
  noMailingChanges: ImportProblem[];
  noMailingChangeCount: number;
  /** Import mode: whether rejected rows were written to the errors CSV. */
  errorsWritten?: boolean;
}

const sampleRows = 5;
const headRowCount = 10;

type Planned = { report: ClinicsCsvImportReport; plan?: ImportPlan<ClinicImportWrite> | undefined };

/** Reads the list and matches its rows against the clinics; no plan when required columns are missing. */
async function makePlan(data: ClinicsCsvImportData, db: Db): Promise<Planned> {
  const { encoding, delimiter, records, book } = await readListRecords(
    data,
    (done, total) => post({ type: 'progress', done, total, phase: 'read' }),
    (done, total) => post({ type: 'progress', done, total, phase: 'readText' }),
  );
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
  const headerWidth = records[headerIndex]!.length;
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
    noMailingChanges: [],
    noMailingChangeCount: 0,
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
    return { report };
  }
  // The rows now live in `body` only, which planRows empties as it goes: a country's roster is
  // not held twice over (its cells and its clinics) at the end of the check.
  records.length = 0;
  // Before the rows are matched: a change to the clinics from here on makes the plan stale.
  const state = clinicsState(db);
  const { write, rejected } = planRows(db, data, report, body, headerIndex + 2, (done, total) => post({ type: 'progress', done, total }));
  return { report, plan: { clinicsState: state, report, encoding, delimiter, headers, headerWidth, rejected, write } };
}

/** How often an import matches its rows again when the clinics changed before it could write. */
const maxPlanAttempts = 3;

async function readList(data: ClinicsCsvImportData): Promise<ClinicsCsvImportReport> {
  if (!data.import) {
    const db = openReadOnlyDatabase(data.dbPath);
    try {
      const { report, plan } = await makePlan(data, db);
      if (plan && data.planPath) saveImportPlan(data.planPath, plan);
      return report;
    } finally {
      db.close();
    }
  }
  const options = data.import;
  const db = openDatabase(data.dbPath);
  try {
    // The preview's plan, if it was made with these choices; it is used only if the clinics are as it saw them.
    let plan: ImportPlan | undefined = data.planPath ? loadImportPlan(data.planPath) : undefined;
    for (let attempt = 1; ; attempt++) {
      plan ??= (await makePlan(data, db)).plan!;
      const errorsWritten = plan.rejected.length > 0;
      if (errorsWritten) writeErrors(options.errorsPath, plan.headers, plan.headerWidth, plan.rejected, plan.encoding, plan.delimiter);
      if (writeRows(db, plan, options)) return { ...plan.report, errorsWritten };
      // Someone saved a clinic since the rows were matched: match them again against what is there now.
      if (attempt >= maxPlanAttempts) throw new AppError('BUSY');
      plan = undefined;
    }
  } finally {
    db.close();
  }
}

/**
 * Writes every row in one transaction, all or nothing, once the job's backup of the list as it
 * was is verified; false, with nothing written, when the clinics are no longer as the plan saw
 * them. Cancelling terminates this thread: the connection closes without a commit and SQLite
 * rolls the whole import back.
 */
function writeRows(db: Db, plan: ImportPlan, options: NonNullable<ClinicsCsvImportData['import']>): boolean {
  const { write } = plan;
  if (insertCountOf(write) + write.updates.length === 0) return true;
  // The job takes the backup while this thread reads; it is usually ready by now.
  if (Atomics.load(options.backupState, 0) === 0) post({ type: 'progress', done: 0, total: 0, phase: 'backup' });
  Atomics.wait(options.backupState, 0, 0);
  if (Atomics.load(options.backupState, 0) !== 1) throw new Error('the backup before the import failed: nothing written');
  const at = new Date(options.now);
  // The copy of a country's roster from the WAL into the database takes a second of its own:
  // done below, after the window has been told, rather than silently inside the commit.
  db.pragma('wal_autocheckpoint = 0');
  const written = writeClinicImport(
    db,
    write,
    { machineId: options.machineId, staffId: options.staffId, now: () => at },
    (done, total) => post({ type: 'progress', done, total, phase: 'write' }),
    { unchangedSince: () => clinicsState(db) === plan.clinicsState },
  );
  if (written === undefined) return false;
  post({ type: 'progress', done: 0, total: 0, phase: 'save' });
  db.pragma('wal_checkpoint(PASSIVE)');
  return true;
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
