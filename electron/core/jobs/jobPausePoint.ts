import type { JobState } from '../../../shared/contract/jobs.ts';

/** Which progress report holds a job: by default the first after which work remains. */
export type PauseAt = (state: JobState) => boolean;

/** A unit of work is done and more remain: cancelling here is cancelling part-way. */
export const afterFirstStep: PauseAt = ({ progress }) => progress.done > 0 && progress.done < progress.total;

interface Held {
  state: JobState;
  release: () => void;
}

/**
 * Test-only: holds each job at one progress report (the first `at` picks) until the test
 * releases it or cancels the job, so a cancel test cancels part-way every time instead of racing
 * the job to its end. Off in production: only tests create one, for openCore (`pauseJobs`) or
 * through the preview's test-only flag. While one is given, a job's worker thread waits after
 * each progress report until the runner lets it go on (see workers/progressGate.ts).
 */
export class JobPausePoint {
  private readonly at: PauseAt;
  private readonly held = new Map<string, Held>();
  private readonly waiting = new Map<string, ((state: JobState) => void)[]>();

  constructor(at: PauseAt = afterFirstStep) {
    this.at = at;
  }

  /** Asked by the runner at each progress report; a promise means: hold the job until it settles. */
  holdAt(state: JobState): Promise<void> | undefined {
    if (this.held.has(state.jobId) || !this.at(state)) return undefined;
    return new Promise<void>((release) => {
      this.held.set(state.jobId, { state, release });
      for (const resolve of this.waiting.get(state.jobId) ?? []) resolve(state);
      this.waiting.delete(state.jobId);
    });
  }

  /** The job's state where it is held, once it is. */
  reached(jobId: string): Promise<JobState> {
    const held = this.held.get(jobId);
    if (held) return Promise.resolve(held.state);
    return new Promise((resolve) => this.waiting.set(jobId, [...(this.waiting.get(jobId) ?? []), resolve]));
  }

  /** Lets a held job go on to its end; it is not held again. */
  release(jobId: string): void {
    this.held.get(jobId)?.release();
  }
}
