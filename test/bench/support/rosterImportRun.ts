/**
 * One preview and import of a roster in a process of its own, so that its peak memory is the
 * app's (the core and its import worker), not the bench's:
 * `node rosterImportRun.ts <data folder> <list file>`. Prints one JSON line: the time of each job
 * from jobs.start to its finished event, the progress events each sent and the longest wait
 * between them, when each phase began, and the peak resident memory.
 */
import fs from 'node:fs';
import type { ContractEvent } from '../../../shared/contract/events.ts';
import type { JobKind, JobResult } from '../../../shared/contract/jobs.ts';
import { openReadOnlyDatabase } from '../../../electron/core/db/connection.ts';
import { jobResult, openBenchCore, runJob } from './benchCore.ts';
import { round, since } from './stats.ts';

const [dataDir, listPath] = process.argv.slice(2) as [string, string];

/** Peak resident memory since start (or since the last reset), worker threads included. */
function vmHwmMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb === undefined ? NaN : Math.round(Number(kb) / 1024);
}

/** Starts the peak over (Linux: writing 5 to clear_refs resets VmHWM); false where it cannot. */
function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Which step a progress label is in, as the window shows it. */
function phaseOf(label: string): string | undefined {
  if (label.startsWith('ファイルを読')) return 'readFile';
  if (label.startsWith('確認')) return 'check';
  if (label.startsWith('バックアップ')) return 'backupWait';
  if (label.startsWith('書き込')) return 'write';
  return undefined;
}

/** Runs one job, following its pushed progress and sampling the process's memory meanwhile. */
async function followed<K extends JobKind>(core: Awaited<ReturnType<typeof openBenchCore>>, kind: K, input: unknown) {
  const reset = resetPeak();
  let sampledPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())), 20);
  const starts: Record<string, number> = {};
  const times: number[] = [];
  const started = performance.now();
  const stop = core.onEvent((event: ContractEvent) => {
    if (event.type !== 'job' || event.job.kind !== kind || event.job.state !== 'running') return;
    const at = since(started);
    times.push(at);
    const phase = phaseOf(event.job.progress.label);
    if (phase && starts[phase] === undefined) starts[phase] = round(at);
  });
  const state = await runJob(core, kind, input);
  const ms = since(started);
  stop();
  clearInterval(sampler);
  const marks = [0, ...times, ms];
  const gaps = marks.slice(1).map((t, i) => t - marks[i]!);
  const longest = gaps.indexOf(Math.max(...gaps));
  return {
    ms,
    result: jobResult<JobResult<K>>(state),
    progress: {
      events: times.length,
      longestGapMs: round(gaps[longest]!),
      // Where the longest wait was: from (ms after jobs.start) to.
      longestGapAtMs: [round(marks[longest]!), round(marks[longest + 1]!)],
      phaseStartsMs: starts,
    },
    peakRssMb: reset ? vmHwmMb() : NaN,
    sampledPeakRssMb: mb(sampledPeak),
  };
}

const core = await openBenchCore(dataDir);
const rssBeforeMb = mb(process.memoryUsage.rss());
const { fileId } = await core.files.addFromPath(listPath, 'text/csv');

const preview = await followed(core, 'clinics.previewImport', { fileId, onMatch: 'skip' });
const imported = await followed(core, 'clinics.importCsv', { fileId, onMatch: 'skip' });
// Each job resets the peak: the process's is the larger of the two jobs' peaks.
const processPeakRssMb = Math.max(preview.peakRssMb, imported.peakRssMb, vmHwmMb());

const db = openReadOnlyDatabase(core.dbPath);
const { n } = db.prepare('SELECT count(*) AS n FROM clinics').get() as { n: number };
db.close();
await core.close();

const { result: p } = preview;
const { result: r } = imported;
process.stdout.write(
  `${JSON.stringify({
    rssBeforeMb,
    processPeakRssMb,
    clinicsAfter: n,
    preview: { ...preview, result: { rowCount: p.rowCount, willImport: p.willImport, rejected: p.rejected, unconfirmedKinds: p.unconfirmedKinds, encoding: p.encoding } },
    import: { ...imported, result: { imported: r.imported, rejected: r.rejected, skipped: r.skipped, unconfirmedKinds: r.unconfirmedKinds } },
  })}\n`,
);
