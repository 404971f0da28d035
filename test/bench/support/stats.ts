/** Figures of a series of timings, in milliseconds, rounded for reading. */
export interface Summary {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The value below which a fraction q of the samples fall (nearest rank). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);

/** Rounds to three significant decimals below 10, one above: figures meant to be read. */
export function round(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    median: round(median(samples)),
    p95: round(quantile(samples, 0.95)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

/** How many times faster `fast` is than `slow` (> 1: faster), rounded for reading. */
export const speedup = (slow: number, fast: number) => round(slow / fast);

/** Milliseconds since an earlier performance.now(). */
export const since = (start: number) => performance.now() - start;
