import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection.ts';
import { migrate } from '../../../electron/core/db/migrate.ts';
import { migrations } from '../../../electron/core/db/migrations/index.ts';
import { createClinics } from '../../../electron/core/db/repos/clinicRecords.ts';
import type { ClinicFields } from '../../../shared/domain/clinic.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { openCore } from '../../../electron/core/openCore.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import type { Core } from '../../../electron/core/types.ts';
import type { JobKind, JobState } from '../../../shared/contract/jobs.ts';

/** A fresh folder under the system temp dir, removed when the scenario's process exits. */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cyber-counter-bench-${prefix}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes clinics into a data folder's database the way `npm run seed` does, before the core opens it. */
export function seedDataDir(dataDir: string, clinics: readonly ClinicFields[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, databaseFileName));
  try {
    migrate(db, migrations);
    for (let i = 0; i < clinics.length; i += 10_000) {
      createClinics(db, clinics.slice(i, i + 10_000).map((fields) => ({ fields })), { machineId: 'bench' });
    }
  } finally {
    db.close();
  }
}

/** The real core (handlers, jobs, workers) on a data folder, without a log file. */
export function openBenchCore(dataDir: string): Promise<Core> {
  // A day-long delay keeps the background quick_check and daily backup out of the figures.
  return openCore({ dataDir, mode: 'preview', log: silentLogger, backupSchedule: { firstRunDelayMs: 86_400_000 } });
}

/** A contract call, as a transport makes it; a failure envelope becomes an exception. */
export async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const envelope = await core.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result as T;
}

/**
 * Starts a job through the contract and resolves with its final state, from the pushed job
 * events (what the window listens to), so no polling interval is added to the figures.
 */
export async function runJob(core: Core, kind: JobKind, input: unknown): Promise<JobState> {
  let jobId: string | undefined;
  let early: JobState | undefined;
  let resolveDone!: (state: JobState) => void;
  const done = new Promise<JobState>((resolve) => (resolveDone = resolve));
  const stop = core.onEvent((event) => {
    if (event.type !== 'job' || event.job.state === 'running') return;
    if (jobId === undefined) early = event.job;
    else if (event.job.jobId === jobId) resolveDone(event.job);
  });
  try {
    const started = await call<JobState>(core, 'jobs.start', { kind, input });
    jobId = started.jobId;
    if (started.state !== 'running') return started;
    if (early?.jobId === jobId) return early;
    return await done;
  } finally {
    stop();
  }
}

/** The job's result, or an exception carrying its error. */
export function jobResult<T>(state: JobState): T {
  if (state.state !== 'succeeded') throw new Error(`${state.kind} ${state.state}: ${state.error?.code ?? ''} ${state.error?.message ?? ''}`);
  return state.result as T;
}
