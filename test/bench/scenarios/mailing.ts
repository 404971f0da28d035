/**
 * A whole prefecture's mailing: 1,700 clinics × (FAX送付状 + チラシ + FAX問い合わせ票) in one
 * job, through the real path (jobs.start 'documents.render' -> the PDF worker thread -> one
 * file), each run in a new process (support/mailingRun.ts) whose peak memory is the app's.
 * Reference, in the same run: the same job once with plain pdfmake (CYBER_COUNTER_PDF_PATCHES=off).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseFileName } from '../../../electron/core/paths.ts';
import { distinctClinics } from '../support/benchClinics.ts';
import { scratchDir, seedDataDir } from '../support/benchCore.ts';
import { runChild } from '../support/childProcess.ts';
import { progress, runScenario } from '../support/scenario.ts';
import { round, summarize } from '../support/stats.ts';

const clinics = Number(process.env.BENCH_MAILING_CLINICS ?? 1700);
const runs = Number(process.env.BENCH_MAILING_RUNS ?? 3);
/** The plain pdfmake reference takes as long as two runs: BENCH_MAILING_PLAIN=0 leaves it out. */
const withPlain = process.env.BENCH_MAILING_PLAIN !== '0';
const seed = Number(process.env.BENCH_SEED ?? 46);
const documents = 'faxCoverSheet,flyer,inquiryFaxSheet';
const mailingScript = fileURLToPath(new URL('../support/mailingRun.ts', import.meta.url));

interface MailingRun {
  ms: number;
  firstMoveMs: number;
  warmUpMs: number;
  peakRssMb: number;
  rssBeforeMb: number;
  pages: number;
  bytes: number;
}

function copyDataDir(from: string, to: string): string {
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(from, databaseFileName), path.join(to, databaseFileName));
  return to;
}

/** One mailing in a process of its own; `plain` runs it with the PDF patches switched off. */
async function mailing(prepared: string, to: string, plain: boolean): Promise<MailingRun> {
  const previous = process.env.CYBER_COUNTER_PDF_PATCHES;
  if (plain) process.env.CYBER_COUNTER_PDF_PATCHES = 'off';
  try {
    return await runChild<MailingRun>(mailingScript, [copyDataDir(prepared, to), documents]);
  } finally {
    if (previous === undefined) delete process.env.CYBER_COUNTER_PDF_PATCHES;
    else process.env.CYBER_COUNTER_PDF_PATCHES = previous;
  }
}

runScenario('mailing', async () => {
  const work = scratchDir('mailing');
  const prepared = path.join(work, 'prepared');
  seedDataDir(prepared, distinctClinics(clinics, seed));

  const measured: MailingRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await mailing(prepared, path.join(work, `run-${run}`), false);
    measured.push(result);
    progress(`mailing of ${clinics.toLocaleString()} clinics, run ${run}: ${(result.ms / 1000).toFixed(1)} s, bar moved after ${round(result.firstMoveMs)} ms, peak RSS ${result.peakRssMb} MB`);
  }
  const plain = withPlain ? await mailing(prepared, path.join(work, 'plain'), true) : undefined;
  if (plain) progress(`the same with plain pdfmake: ${(plain.ms / 1000).toFixed(1)} s, peak RSS ${plain.peakRssMb} MB`);

  const total = summarize(measured.map((m) => m.ms));
  const firstMove = summarize(measured.map((m) => m.firstMoveMs));
  const peakRssMb = Math.max(...measured.map((m) => m.peakRssMb));
  const checks = { totalSeconds: total.median / 1000 <= 90, peakRssMb: peakRssMb <= 800, progressMovesWithin1s: firstMove.median <= 1000 };
  return {
    pass: Object.values(checks).every(Boolean),
    target: 'total ≤ 90 s on 2 cores, peak RSS ≤ 800 MB, the progress bar moving within 1 s of the start (medians)',
    clinics,
    documents,
    totalMs: total,
    firstMoveMs: firstMove,
    pdfThreadStartMs: summarize(measured.map((m) => m.warmUpMs)),
    peakRssMb,
    idleCoreRssMb: Math.max(...measured.map((m) => m.rssBeforeMb)),
    reference: plain && { what: 'the same mailing once with plain pdfmake (CYBER_COUNTER_PDF_PATCHES=off)', ms: round(plain.ms), peakRssMb: plain.peakRssMb, bytes: plain.bytes },
    ratio: plain && round(plain.ms / total.median),
    output: { pages: measured[0]!.pages, bytes: measured[0]!.bytes },
    checks,
    note: 'each run: a new process opens the core and starts the PDF thread with a blank form, as the app does once its first screen is up (pdfThreadStartMs: fonts parsed, self-check), then times the mailing from jobs.start to the finished job event; peak RSS is that process’s (core + worker)',
  };
});
