import { randomUUID } from 'node:crypto';
import { errorMessages } from '../../../shared/messages/errors.ts';
import { jobMessages } from '../../../shared/messages/jobMessages.ts';
import { jobKinds, type JobKind, type JobResult, type JobStart, type JobState } from '../../../shared/contract/jobs.ts';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { JobPausePoint } from './jobPausePoint.ts';

export interface JobContext {
  readonly signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
  /**
   * Test-only, undefined in production: settles when the job may go on past its latest progress
   * report, which a test's pause point may hold. Work on a worker thread is handed it
   * (runWorker's `goOn`) and then waits after each report it makes.
   */
  readonly goOn?: () => Promise<void>;
}

export type JobArgs<K extends JobKind> = z.output<(typeof jobKinds)[K]['input']>;
export type JobImplementations = {
  [K in JobKind]: (input: JobArgs<K>, ctx: JobContext) => Promise<JobResult<K>>;
};

/** How often progress may be pushed to the window: enough for a smooth bar, not a flood. */
const progressIntervalMs = 100;
/** Finished jobs are kept a while so a window that reconnects can still read their result. */
const keepFinishedMs = 10 * 60 * 1000;

interface RunningJob {
  state: JobState;
  controller: AbortController;
  lastPush: number;
  done: Promise<void>;
  /** Settles when a pause point lets the job go on; unset while nothing holds it. */
  held?: Promise<void>;
}

/** Runs long work (exports, imports, batch PDFs) with progress, cancel and a typed result. */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();
  private readonly implementations: JobImplementations;
  private readonly emit: (state: JobState) => void;
  private readonly log: Logger;
  private readonly pausePoint: JobPausePoint | undefined;

  /** `pausePoint` is for tests only: it holds jobs part-way so a cancel never races their end. */
  constructor(implementations: JobImplementations, emit: (state: JobState) => void, log: Logger, pausePoint?: JobPausePoint) {
    this.implementations = implementations;
    this.emit = emit;
    this.log = log;
    this.pausePoint = pausePoint;
  }

  /** True while any job runs: the database must not be swapped under it. */
  get busy(): boolean {
    return [...this.jobs.values()].some((job) => job.state.state === 'running');
  }

  start(request: JobStart): JobState {
    this.forgetOldJobs();
    const jobId = randomUUID();
    const controller = new AbortController();
    const state: JobState = {
      jobId,
      kind: request.kind,
      state: 'running',
      progress: { done: 0, total: 0, label: jobMessages.preparing },
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const job: RunningJob = { state, controller, lastPush: 0, done: Promise.resolve() };
    this.jobs.set(jobId, job);
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, label) => {
        if (job.state.state !== 'running') return;
        job.state = { ...job.state, progress: { done, total, label } };
        const held = this.pausePoint?.holdAt(job.state);
        if (held) job.held = held;
        const now = Date.now();
        // A held job is pushed at once: the window shows where it stands while it waits.
        if (now - job.lastPush >= progressIntervalMs || done === total || held) {
          job.lastPush = now;
          this.emit(job.state);
        }
      },
      ...(this.pausePoint && { goOn: () => job.held ?? Promise.resolve() }),
    };
    this.log.info('job started', { jobId, kind: request.kind });
    job.done = this.run(job, request, ctx);
    return state;
  }

  private async run(job: RunningJob, request: JobStart, ctx: JobContext): Promise<void> {
    const implementation = this.implementations[request.kind] as (input: unknown, c: JobContext) => Promise<unknown>;
    try {
      const result = await implementation(request.input, ctx);
      if (job.controller.signal.aborted) throw new AppError('CANCELLED');
      const parsed = jobKinds[request.kind].result.parse(result);
      this.finish(job, { state: 'succeeded', result: parsed });
    } catch (error) {
      if (job.controller.signal.aborted) {
        this.finish(job, { state: 'cancelled', error: { code: 'CANCELLED', message: errorMessages.CANCELLED } });
      } else if (error instanceof AppError) {
        this.finish(job, { state: 'failed', error: { code: error.code, message: error.message } });
      } else {
        this.log.error('job failed', { jobId: job.state.jobId, kind: request.kind, error: String(error) });
        this.finish(job, { state: 'failed', error: { code: 'INTERNAL', message: errorMessages.INTERNAL } });
      }
    }
  }

  private finish(job: RunningJob, patch: Partial<JobState>): void {
    job.state = { ...job.state, ...patch, finishedAt: new Date().toISOString() };
    this.log.info('job finished', { jobId: job.state.jobId, state: job.state.state });
    this.emit(job.state);
  }

  get(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('JOB_NOT_FOUND');
    return job.state;
  }

  /** Asks the job to stop; the returned state is 'cancelled' once its clean-up has run. */
  async cancel(jobId: string): Promise<JobState> {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('JOB_NOT_FOUND');
    if (job.state.state === 'running') {
      job.controller.abort();
      await job.done;
    }
    return job.state;
  }

  async cancelAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
  }

  private forgetOldJobs(): void {
    const cutoff = Date.now() - keepFinishedMs;
    for (const [id, job] of this.jobs) {
      if (job.state.finishedAt && Date.parse(job.state.finishedAt) < cutoff) this.jobs.delete(id);
    }
  }
}
