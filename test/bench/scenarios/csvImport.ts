/**
 * CSV import of 10,000 rows in Shift_JIS through the real path: jobs.start 'clinics.importCsv'
 * (decode, parse, validate, normalise and match in a worker while the main thread takes a verified
 * backup, then every insert in one transaction in the same worker), into a database already
 * holding a prefecture's clinics.
 * Reference: the same rows, already parsed and normalised, written by bare prepared INSERTs
 * into the same tables (clinics and its two search indexes) of a copy of the same file, in one
 * transaction.
 */
import path from 'node:path';
import { databaseFileName } from '../../../electron/core/paths.ts';
import type { JobResult, JobState } from '../../../shared/contract/jobs.ts';
import type { ContractEvent } from '../../../shared/contract/events.ts';
import { clinicFieldLabels, clinicKindLabels, type ClinicFields } from '../../../shared/domain/clinic.ts';
import { jobResult, openBenchCore, runJob, scratchDir, seedDataDir } from '../support/benchCore.ts';
import { bareInsert, copyDataDir, importInstitutions, shiftJisList } from '../support/importList.ts';
import { progress, runScenario } from '../support/scenario.ts';
import { round, since, summarize } from '../support/stats.ts';

const rows = Number(process.env.BENCH_CSV_ROWS ?? 10_000);
/** Clinics registered before the import: about the prefecture's institutions. */
const existing = 2_000;
const runs = Number(process.env.BENCH_CSV_RUNS ?? 3);
const seed = Number(process.env.BENCH_SEED ?? 46);

/** The columns of the list, with headers as staff lists name them. */
const columns: (keyof ClinicFields)[] = ['name', 'nameKana', 'kind', 'bedCount', 'postalCode', 'address', 'phone', 'fax', 'contactPerson', 'memberNumber', 'memo'];

/**
 * The job's input for an uploaded list. The import's contract is young: this is the one place
 * to change when its input changes (the columns are left to its suggested mapping).
 */
const importInput = (fileId: string) => ({ fileId, onMatch: 'skip' });

function listOf(clinics: readonly ClinicFields[]): Buffer {
  const header = columns.map((c) => clinicFieldLabels[c as keyof typeof clinicFieldLabels]);
  return shiftJisList(header, clinics.map((c) => columns.map((key) => (key === 'kind' ? clinicKindLabels[c.kind] : String(c[key] ?? '')))));
}

runScenario('csvImport', async () => {
  const { registered, listed } = importInstitutions(existing, rows, seed);
  const list = listOf(listed);
  const work = scratchDir('csv');
  const prepared = path.join(work, 'prepared');
  seedDataDir(prepared, registered);

  const importMs: number[] = [];
  const phases: Record<string, number>[] = [];
  let result: JobResult<'clinics.importCsv'> | undefined;
  for (let run = 1; run <= runs; run++) {
    const dataDir = copyDataDir(prepared, path.join(work, `import-${run}`));
    const core = await openBenchCore(dataDir);
    try {
      const { fileId } = await core.files.addBytes(list, '医療機関一覧.csv', 'text/csv');
      const marks: Record<string, number> = {};
      const started = performance.now();
      const stop = core.onEvent((event: ContractEvent) => {
        if (event.type !== 'job') return;
        const label = event.job.progress.label;
        const phase = label.startsWith('確認') ? 'readAndMatch' : label.startsWith('バックアップ') ? 'backup' : label.startsWith('書き込') ? 'write' : undefined;
        if (phase && marks[phase] === undefined) marks[phase] = since(started);
      });
      const state: JobState = await runJob(core, 'clinics.importCsv', importInput(fileId));
      importMs.push(since(started));
      stop();
      result = jobResult<JobResult<'clinics.importCsv'>>(state);
      if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows} rows (rejected ${result.rejected}, skipped ${result.skipped})`);
      // backupStartsMs stays empty when the backup was verified before the worker needed it.
      phases.push({ backupStartsMs: round(marks.backup ?? NaN), writeStartsMs: round(marks.write ?? NaN), doneMs: round(importMs.at(-1)!) });
      progress(`import run ${run}: ${(importMs.at(-1)! / 1000).toFixed(2)} s`);
    } finally {
      await core.close();
    }
  }

  const referenceMs: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const dataDir = copyDataDir(prepared, path.join(work, `reference-${run}`));
    referenceMs.push(bareInsert(path.join(dataDir, databaseFileName), listed));
  }
  progress(`bare INSERTs: ${referenceMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  const imported = summarize(importMs);
  const reference = summarize(referenceMs);
  const ratio = round(imported.median / reference.median);
  return {
    pass: ratio <= 2,
    target: 'at most 2× the bare INSERT reference',
    rows,
    alreadyRegistered: existing,
    listBytes: list.length,
    encoding: 'Shift_JIS (CP932)',
    importMs: imported,
    phases,
    reference: { what: 'the same rows already parsed and normalised, bare prepared INSERTs into clinics, clinic_search and clinic_trigrams, one transaction', ms: reference },
    ratio,
    result: result && { imported: result.imported, rejected: result.rejected, skipped: result.skipped },
    note: 'timed from jobs.start to the finished job event: one worker thread, a verified backup (taken meanwhile) before writing, one transaction; the upload is not timed',
  };
});
