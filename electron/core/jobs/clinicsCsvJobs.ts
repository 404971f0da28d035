import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import { clinicExists, createClinics, type WriteContext } from '../db/repos/clinics.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import { runWorker } from '../workers/runWorker.ts';
import type { ClinicsCsvExportData } from '../workers/clinicsCsvExport.worker.ts';
import type { ClinicsCsvImportData, ClinicsCsvImportParse } from '../workers/clinicsCsvImport.worker.ts';
import type { JobImplementations } from './jobRunner.ts';
import fs from 'node:fs';

const countFormat = new Intl.NumberFormat('ja-JP');
const progressLabel = (done: number, total: number) => `${countFormat.format(done)} / ${countFormat.format(total)} 件`;

export interface ClinicsCsvDeps {
  db: Db;
  dbPath: string;
  files: FileStore;
  writeContext: () => WriteContext;
}

/** Export and import of the clinic list: parsing and writing run in workers, the insert here. */
export function clinicsCsvJobs(deps: ClinicsCsvDeps): Pick<JobImplementations, 'clinics.exportCsv' | 'clinics.importCsv'> {
  return {
    async 'clinics.exportCsv'(input, ctx) {
      const { fileId, path: outPath } = deps.files.reservePath();
      const data: ClinicsCsvExportData = { dbPath: deps.dbPath, outPath, includeArchived: input.includeArchived };
      try {
        const rows = await runWorker<number>('clinicsCsvExport', data, {
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(done, total, progressLabel(done, total)),
        });
        const name = `医療機関一覧_${tokyoDateString(new Date())}.csv`;
        return { file: deps.files.adopt(fileId, outPath, name, 'text/csv'), rows };
      } catch (error) {
        // A cancelled or failed export leaves no half-written file behind.
        fs.rmSync(outPath, { force: true });
        throw error;
      }
    },

    async 'clinics.importCsv'(input, ctx) {
      const stored = deps.files.get(input.fileId);
      if (!stored) throw new AppError('FILE_NOT_FOUND');
      const data: ClinicsCsvImportData = { filePath: stored.path };
      const parsed = await runWorker<ClinicsCsvImportParse>('clinicsCsvImport', data, {
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done, total, progressLabel(done, total)),
      });
      if (ctx.signal.aborted) throw new AppError('CANCELLED');
      // Rows whose ID is already here were exported from this database: importing them again
      // would make duplicates, so they are skipped.
      const fresh = parsed.rows.filter((r) => !(r.id && clinicExists(deps.db, r.id)));
      const imported = createClinics(deps.db, fresh, deps.writeContext());
      return { imported, skipped: parsed.rows.length - fresh.length, problems: parsed.problems };
    },
  };
}
