/**
 * 1,000 personalised FAX inquiry sheets in one PDF, through the real path: the contract's
 * jobs.start 'documents.render' -> the PDF worker thread -> one file, each run in a new process
 * (support/faxBatchRun.ts) whose peak memory is the app's. Reference: one sheet, rendered warm
 * in this process (the cheapest a single sheet gets), times 1,000.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReadOnlyDatabase } from '../../../electron/core/db/connection.ts';
import { renderPdf } from '../../../electron/core/pdf/renderPdf.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import { buildInquiryFaxSheet } from '../../../shared/documents/inquiryFaxSheet.ts';
import { initialAgencyTexts } from '../../../shared/domain/agencyTexts.ts';
import { distinctClinics } from '../support/benchClinics.ts';
import { jobResult, openBenchCore, runJob, scratchDir, seedDataDir } from '../support/benchCore.ts';
import { runChild } from '../support/childProcess.ts';
import { bundledContent } from '../support/content.ts';
import { progress, runScenario } from '../support/scenario.ts';
import { round, since, summarize } from '../support/stats.ts';

const sheets = Number(process.env.BENCH_FAX_SHEETS ?? 1000);
const batchRuns = Number(process.env.BENCH_FAX_RUNS ?? 5);
const singleRuns = 20;
const seed = Number(process.env.BENCH_SEED ?? 46);
const batchScript = fileURLToPath(new URL('../support/faxBatchRun.ts', import.meta.url));

interface BatchRun {
  ms: number;
  peakRssMb: number;
  rssBeforeMb: number;
  pages: number;
  bytes: number;
}

/** A fresh copy of the prepared data folder for one run. */
function copyDataDir(from: string, to: string): string {
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(from, databaseFileName), path.join(to, databaseFileName));
  return to;
}

runScenario('faxMailing', async () => {
  const clinics = distinctClinics(sheets + singleRuns + 1, seed);
  const work = scratchDir('fax');
  const prepared = path.join(work, 'prepared');
  seedDataDir(prepared, clinics.slice(0, sheets));

  const batches: BatchRun[] = [];
  for (let run = 1; run <= batchRuns; run++) {
    const batch = await runChild<BatchRun>(batchScript, [copyDataDir(prepared, path.join(work, `run-${run}`))]);
    batches.push(batch);
    progress(`batch of ${sheets.toLocaleString()} sheets, run ${run}: ${(batch.ms / 1000).toFixed(2)} s, peak RSS ${batch.peakRssMb} MB`);
  }

  // The same job for one clinic: what a clerk waits for when printing a single sheet.
  const singleJobMs: number[] = [];
  const core = await openBenchCore(copyDataDir(prepared, path.join(work, 'single')));
  try {
    const db = openReadOnlyDatabase(core.dbPath);
    const ids = (db.prepare('SELECT id FROM clinics ORDER BY seq LIMIT 6').all() as { id: string }[]).map((r) => r.id);
    db.close();
    for (const id of ids) {
      const started = performance.now();
      jobResult(await runJob(core, 'documents.render', { documents: ['inquiryFaxSheet'], clinicIds: [id] }));
      singleJobMs.push(since(started));
    }
  } finally {
    await core.close();
  }

  // One sheet, warm, in this process: the reference. Clinics not in the batch, each different.
  const { pack } = bundledContent();
  const agencyTexts = initialAgencyTexts();
  const singles = clinics.slice(sheets);
  await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic: singles[0] }));
  const singleMs: number[] = [];
  for (const clinic of singles.slice(1)) {
    const started = performance.now();
    await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic }));
    singleMs.push(since(started));
  }

  const batch = summarize(batches.map((b) => b.ms));
  const peakMb = Math.max(...batches.map((b) => b.peakRssMb));
  const single = summarize(singleMs);
  const perSheetMs = round(batch.median / sheets);
  const referenceMs = round(single.median * sheets);
  const checks = {
    totalSeconds: batch.median / 1000 <= 30,
    peakRssMb: peakMb <= 500,
    perSheetVsSingle: perSheetMs <= single.median,
  };
  return {
    pass: Object.values(checks).every(Boolean),
    target: 'total ≤ 30 s on 2 cores, peak RSS ≤ 500 MB, time per sheet in the batch ≤ time of a single sheet',
    sheets,
    batchMs: batch,
    perSheetMs,
    peakRssMb: peakMb,
    idleCoreRssMb: Math.max(...batches.map((b) => b.rssBeforeMb)),
    reference: { what: 'one sheet rendered warm in-process (buildInquiryFaxSheet + renderPdf), median × sheets', singleSheetMs: single, timesSheetsMs: referenceMs },
    ratio: round(referenceMs / batch.median),
    // The first job starts the core's PDF thread (fonts parsed, code compiled); later ones find it running.
    singleSheetJobMs: { first: round(singleJobMs[0]!), later: summarize(singleJobMs.slice(1)) },
    output: { pages: batches[0]!.pages, bytes: batches[0]!.bytes },
    checks,
    note: 'each batch: a new process opens the core, jobs.start documents.render → pdfRender worker → file, timed to the finished job event; peak RSS is that process’s (core + worker)',
  };
});
