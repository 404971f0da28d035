import fs from 'node:fs';
import path from 'node:path';
import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import type { WriteContext } from '../db/repos/clinics.ts';
import { createBackup } from '../backup/backups.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import { runWorker } from '../workers/runWorker.ts';
import type { ClinicsCsvExportData, ClinicsCsvExportResult } from '../workers/clinicsCsvExport.worker.ts';
import type { ClinicsCsvImportData, ClinicsCsvImportReport } from '../workers/clinicsCsvImport.worker.ts';
import type { ClinicsCsvWriteData } from '../workers/clinicsCsvWrite.worker.ts';
import type { JobArgs, JobContext, JobImplementations } from './jobRunner.ts';

const countFormat = new Intl.NumberFormat('ja-JP');
const progressLabel = (done: number, total: number, unit = '件') => `${countFormat.format(done)} / ${countFormat.format(total)} ${unit}`;

export interface ClinicsCsvDeps {
  db: Db;
  dbPath: string;
  files: FileStore;
  writeContext: () => WriteContext;
  backupsDir: string;
  now: () => Date;
}

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
        onProgress: (done, total) => ctx.progress(done, total, progressLabel(done, total)),
      });
      const refused = input.encoding === 'shift_jis' && input.unencodable === 'refuse' && result.unencodable.length > 0;
      if (refused) {
        // Nothing is handed out until the user has chosen UTF-8 or replacement.
        fs.rmSync(outPath, { force: true });
        return { file: null, ...result };
      }
      const base = records === 'clinics' ? '医療機関一覧' : '問い合わせ一覧';
      const suffix = input.encoding === 'shift_jis' ? '_ShiftJIS' : '';
      const name = `${base}_${tokyoDateString(deps.now())}${suffix}.csv`;
      return { file: deps.files.adopt(fileId, outPath, name, 'text/csv'), ...result };
    } catch (error) {
      // A cancelled or failed export leaves no half-written file behind.
      fs.rmSync(outPath, { force: true });
      throw error;
    }
  }

  function readImport(data: ClinicsCsvImportData, ctx: JobContext) {
    return runWorker<ClinicsCsvImportReport>('clinicsCsvImport', data, {
      signal: ctx.signal,
      onProgress: (done, total) => ctx.progress(done, total, `確認しています ${progressLabel(done, total, '行')}`),
    });
  }

  function storedPath(fileId: string): string {
    const stored = deps.files.get(fileId);
    if (!stored) throw new AppError('FILE_NOT_FOUND');
    return stored.path;
  }

  return {
    'clinics.exportCsv': (input, ctx) => exportRecords('clinics', input, ctx),
    'inquiries.exportCsv': (input, ctx) => exportRecords('inquiries', input, ctx),

    async 'clinics.previewImport'(input, ctx) {
      const report = await readImport({ mode: 'preview', filePath: storedPath(input.fileId), dbPath: deps.dbPath, mapping: input.mapping, onMatch: input.onMatch }, ctx);
      const { write: _write, errorsWritten: _errors, ...preview } = report;
      return preview;
    },

    async 'clinics.importCsv'(input, ctx) {
      const filePath = storedPath(input.fileId);
      const original = deps.files.get(input.fileId)!;
      const { fileId: errorsId, path: errorsPath } = deps.files.reservePath();
      try {
        const plan = await readImport({ mode: 'plan', filePath, dbPath: deps.dbPath, mapping: input.mapping, onMatch: input.onMatch, errorsPath }, ctx);
        const write = plan.write ?? { inserts: [], updates: [] };
        const writes = write.inserts.length + write.updates.length;
        if (writes > 0) {
          ctx.progress(0, 0, 'バックアップを作成しています…');
          // An import never runs without a verified copy of the list as it was.
          await createBackup(deps.db, deps.backupsDir, 'before-import');
          if (ctx.signal.aborted) throw new AppError('CANCELLED');
          const context = deps.writeContext();
          const data: ClinicsCsvWriteData = {
            dbPath: deps.dbPath,
            write,
            machineId: context.machineId,
            staffId: context.staffId ?? null,
            now: (context.now?.() ?? deps.now()).toISOString(),
          };
          await runWorker('clinicsCsvWrite', data, {
            signal: ctx.signal,
            onProgress: (done, total) => ctx.progress(done, total, `書き込んでいます ${progressLabel(done, total)}`),
          });
        }
        const stem = path.parse(original.ref.name).name || '名簿';
        const errorsFile = plan.errorsWritten
          ? deps.files.adopt(errorsId, errorsPath, `取り込めなかった行_${stem}.csv`, 'text/csv')
          : null;
        if (!errorsFile) fs.rmSync(errorsPath, { force: true });
        return {
          imported: write.inserts.length,
          updated: write.updates.length,
          skipped: plan.willSkip,
          unchanged: plan.unchanged,
          rejected: plan.rejected,
          problems: plan.problems,
          problemCount: plan.problemCount,
          errorsFile,
        };
      } catch (error) {
        fs.rmSync(errorsPath, { force: true });
        throw error;
      }
    },
  };
}
