/**
 * Test-only pause point, the thread's side (see jobs/jobPausePoint.ts). When a test may hold a
 * job, runWorker hands the thread a shared counter with its data; after each progress report the
 * thread posts, it waits until the main thread has counted that report as free to go on. In
 * production no counter is given and nothing waits.
 */
export interface ProgressGated {
  progressGate?: Int32Array;
}

/** Wraps a thread's post so that, when gated, each progress report waits to be let go on. */
export function gatedPost<M extends { type: string }>(post: (message: M) => void, gate: Int32Array | undefined): (message: M) => void {
  if (!gate) return post;
  let reports = 0;
  return (message) => {
    post(message);
    if (message.type !== 'progress') return;
    reports++;
    // Blocks this thread only; ending the thread (a cancel) ends the wait too.
    for (let seen = Atomics.load(gate, 0); seen < reports; seen = Atomics.load(gate, 0)) Atomics.wait(gate, 0, seen);
  };
}
