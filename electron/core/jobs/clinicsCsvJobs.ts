import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import { clinicExists, createClinics, memberNumberTaken, type WriteContext } from '../db/repos/clinics.ts';
import { createBackup } from '../backup/backups.ts';
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
  backupsDir: string;
  now: () => Date;
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
        const name = `医療機関一覧_${tokyoDateString(deps.now())}.csv`;
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
      const problems = [...parsed.problems];
      const seenIds = new Set<string>();
      const seenMembers = new Set<string>();
      const fresh = parsed.rows.filter((r) => {
        if (r.id && (clinicExists(deps.db, r.id) || seenIds.has(r.id))) return false;
        const member = r.fields.memberNumber;
        if (member && (seenMembers.has(member) || memberNumberTaken(deps.db, member))) {
          problems.push({ row: r.row, field: '会員番号', message: `会員番号「${member}」はすでに登録されています` });
          return false;
        }
        if (r.id) seenIds.add(r.id);
        if (member) seenMembers.add(member);
        return true;
      });
      const skipped = parsed.rows.length - fresh.length - (problems.length - parsed.problems.length);
      // An import never runs without a verified copy of the list as it was.
      if (fresh.length > 0) await createBackup(deps.db, deps.backupsDir, 'before-import');
      const imported = createClinics(deps.db, fresh, deps.writeContext());
      problems.sort((a, b) => a.row - b.row);
      return { imported, skipped, problems };
    },
  };
}
