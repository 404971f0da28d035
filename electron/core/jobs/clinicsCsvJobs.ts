import fs from 'node:fs';
import path from 'node:path';
import { xlsxMime } from '../../../shared/contract/files.ts';
import { maxListedProblems } from '../../../shared/contract/csvJobKinds.ts';
import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import type { Db } from '../db/connection.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { createBackup } from '../backup/backups.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import { runWorker } from '../workers/runWorker.ts';
import type { ClinicsCsvExportData, ClinicsCsvExportResult } from '../workers/clinicsCsvExport.worker.ts';
import type { ClinicsCsvImportData, ClinicsCsvImportReport } from '../workers/clinicsCsvImport.worker.ts';
import { previewPlans } from './previewPlans.ts';
import type { JobArgs, JobContext, JobImplementations } from './jobRunner.ts';

const countFormat = new Intl.NumberFormat('ja-JP');

const progressLabel = (done: number, total: number, unit: string = csvMessages.unitRecords) =>
  `${countFormat.format(done)} / ${countFormat.format(total)} ${unit}`;

export interface ClinicsCsvDeps {
  db: Db;
  dbPath: string;
  files: FileStore;
  writeContext: () => WriteContext;
  backupsDir: string;
  now: () => Date;
}

const percent = (done: number, total: number) => `${Math.floor((done / Math.max(total, 1)) * 100)}%`;

/** What the window says in each phase of the import worker (its progress messages' `phase`). */
const importPhaseLabels = {
  readText: (done, total) => csvMessages.progressReadingFile(percent(done, total)),
  read: (done, total) => csvMessages.progressReadingBook(percent(done, total)),
  check: (done, total) => csvMessages.progressChecking(progressLabel(done, total, csvMessages.unitRows)),
  backup: () => csvMessages.progressBackingUp,
  write: (done, total) => csvMessages.progressWriting(progressLabel(done, total)),
  save: () => csvMessages.progressSaving,
} satisfies Record<string, (done: number, total: number) => string>;

const importPhaseLabel = (phase: string | undefined) =>
  phase !== undefined && phase in importPhaseLabels ? importPhaseLabels[phase as keyof typeof importPhaseLabels] : importPhaseLabels.check;

type CsvJobKind = 'clinics.exportCsv' | 'inquiries.exportCsv' | 'clinics.previewImport' | 'clinics.importCsv';

/**
 * CSV import and export of the records: reading, checking and writing run in worker threads
 * (a 10 MB list never freezes the window); the import lands in one transaction after a backup.
 */
export function clinicsCsvJobs(deps: ClinicsCsvDeps): Pick<JobImplementations, CsvJobKind> {
  async function exportRecords(records: ClinicsCsvExportData['records'], input: JobArgs<'clinics.exportCsv'>, ctx: JobContext) {
    const { fileId, path: outPath } = deps.files.reservePath();
    const data: ClinicsCsvExportData = { dbPath: deps.dbPath, outPath, records, ...input };
    try {
      const result = await runWorker<ClinicsCsvExportResult>('clinicsCsvExport', data, {
        signal: ctx.signal,
        goOn: ctx.goOn,
        onProgress: (done, total) => ctx.progress(done, total, progressLabel(done, total)),
      });
      if (input.format === 'xlsx') {
        const name = csvMessages.xlsxExportFileName(csvMessages.exportFileStem[records], tokyoDateString(deps.now()));
        return { file: deps.files.adopt(fileId, outPath, name, xlsxMime), ...result };
      }
      const refused = input.encoding === 'shift_jis' && input.unencodable === 'refuse' && result.unencodable.length > 0;
      if (refused) {
        // Nothing is handed out until the user has chosen UTF-8 or replacement.
        fs.rmSync(outPath, { force: true });
        return { file: null, ...result };
      }
      const base = csvMessages.exportFileStem[records];
      const suffix = input.encoding === 'shift_jis' ? '_ShiftJIS' : '';
      const name = `${base}_${tokyoDateString(deps.now())}${suffix}.csv`;
      return { file: deps.files.adopt(fileId, outPath, name, 'text/csv'), ...result };
    } catch (error) {
      // A cancelled or failed export leaves no half-written file behind.
      fs.rmSync(outPath, { force: true });
      throw error;
    }
  }

  const plans = previewPlans((fileId) => deps.files.holds(fileId));

  async function readImport(data: Omit<ClinicsCsvImportData, 'maxProblems' | 'scratchDir'>, ctx: JobContext) {
    const { path: scratchDir } = deps.files.reservePath();
    fs.mkdirSync(scratchDir);
    try {
      return await readWithWorker({ ...data, maxProblems: maxListedProblems, scratchDir }, ctx);
    } finally {
      fs.rmSync(scratchDir, { recursive: true, force: true });
    }
  }

  function readWithWorker(data: ClinicsCsvImportData, ctx: JobContext) {
    // The thread takes a moment to start: the window says at once that the work has begun.
    ctx.progress(0, 0, csvMessages.progressStarting);
    return runWorker<ClinicsCsvImportReport>('clinicsCsvImport', data, {
      signal: ctx.signal,
      goOn: ctx.goOn,
      onProgress: (done, total, phase) => {
        const label = importPhaseLabel(phase)(done, total);
        ctx.progress(done, total, label);
      },
    });
  }

  function storedPath(fileId: string): string {
    return deps.files.require(fileId).path;
  }

  return {
    'clinics.exportCsv': (input, ctx) => exportRecords('clinics', input, ctx),
    'inquiries.exportCsv': (input, ctx) => exportRecords('inquiries', input, ctx),

    async 'clinics.previewImport'(input, ctx) {
      const { fileId, sheet, headerRow, mapping, onMatch, acceptSuggestedKinds } = input;
      const filePath = storedPath(fileId);
      const planPath = plans.reserve(fileId, `${deps.files.reservePath().path}.plan`);
      try {
        const report = await readImport({ mode: 'preview', filePath, dbPath: deps.dbPath, mapping, onMatch, acceptSuggestedKinds, sheet, headerRow, planPath }, ctx);
        plans.keep(fileId, planPath, input, report);
        return report;
      } catch (error) {
        plans.abandon(fileId, planPath);
        throw error;
      }
    },

    async 'clinics.importCsv'(input, ctx) {
      const original = deps.files.require(input.fileId);
      const filePath = original.path;
      const { fileId: errorsId, path: errorsPath } = deps.files.reservePath();
      const context = deps.writeContext();
      // An import never writes without a verified copy of the list as it was. The copy is taken
      // here while the worker reads the file; the worker waits for this flag before its first write.
      const backupState = new Int32Array(new SharedArrayBuffer(4));
      const settleBackup = (state: 1 | 2) => {
        Atomics.store(backupState, 0, state);
        Atomics.notify(backupState, 0);
      };
      const backedUp = createBackup(deps.db, deps.backupsDir, 'before-import').then(
        () => settleBackup(1),
        (error: unknown) => {
          settleBackup(2);
          throw error;
        },
      );
      const planPath = plans.matching(input);
      const reading = readImport(
        {
          mode: 'import',
          planPath,
          filePath,
          dbPath: deps.dbPath,
          mapping: input.mapping,
          onMatch: input.onMatch,
          acceptSuggestedKinds: input.acceptSuggestedKinds,
          sheet: input.sheet,
          headerRow: input.headerRow,
          import: { errorsPath, machineId: context.machineId, staffId: context.staffId ?? null, now: (context.now?.() ?? deps.now()).toISOString(), backupState },
        },
        ctx,
      );
      // Both settle before the job does: no backup is still being written when it ends.
      const [read, copy] = await Promise.allSettled([reading, backedUp]);
      if (read.status === 'rejected') {
        fs.rmSync(errorsPath, { force: true });
        // A worker that stopped for want of a backup: say that, in words staff can act on.
        if (copy.status === 'rejected' && !(read.reason instanceof AppError)) throw new AppError('INTERNAL', csvMessages.backupBeforeImportFailed);
        throw read.reason;
      }
      const report = read.value;
      const stem = path.parse(original.ref.name).name || csvMessages.defaultImportStem;
      const errorsFile = report.errorsWritten ? deps.files.adopt(errorsId, errorsPath, csvMessages.errorsFileName(stem), 'text/csv') : null;
      if (!errorsFile) fs.rmSync(errorsPath, { force: true });
      // The list has been read and written in full: the window starts over with a new file.
      plans.drop(input.fileId);
      deps.files.release(input.fileId);
      return {
        imported: report.willImport,
        updated: report.willUpdate,
        skipped: report.willSkip,
        unchanged: report.unchanged,
        rejected: report.rejected,
        problems: report.problems,
        problemCount: report.problemCount,
        unconfirmedKinds: report.unconfirmedKinds,
        errorsFile,
      };
    },
  };
}
