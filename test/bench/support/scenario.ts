/**
 * The frame of one scenario script: each scenario runs in a process of its own (so peak memory
 * and warm caches are its own), writes progress to stderr and its result as one JSON line last.
 */
export interface ScenarioResult {
  pass: boolean;
  target: string;
  /** Any further figures: timings (median, p95), the reference, ratios, sizes used. */
  [figure: string]: unknown;
}

/** Progress for the person watching, on stderr so that stdout stays machine-readable. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Runs the scenario and prints its result; a failure is a result too (pass: false, error). */
export function runScenario(name: string, run: () => Promise<ScenarioResult>): void {
  const started = performance.now();
  run().then(
    (result) => finish({ ...result, seconds: Math.round((performance.now() - started) / 100) / 10 }),
    (error: unknown) => {
      process.stderr.write(`  ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      finish({ pass: false, error: error instanceof Error ? error.message : String(error) });
    },
  );
}

function finish(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Workers, timers and handles left open by a failed run must not keep the bench waiting.
  setImmediate(() => process.exit(0));
}

/** Peak resident memory of this process so far, in MB (worker threads included). */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
