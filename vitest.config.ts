import { defineConfig } from 'vitest/config';
import { isHubTransportError } from './electron/core/sync/hubTransportError.ts';

/** A machine clock in UTC, so "today" must come from Asia/Tokyo, not from the machine. */
const machineClock = { TZ: 'UTC' };

// Three projects, run in this order by `npm test`: fast node-side tests (unit, db, contract,
// shell, pdf, renderer), the slow node-side suites (crash, 10,000-call fuzz, 10 MB import, search
// at 200,000, machines replicating through a hub), and the Chromium end-to-end tests, which need the built renderer and run one file
// at a time on a 2-core machine. Timeouts are generous, for a loaded machine: no test asserts
// how long anything takes (that is `npm run bench`).
export default defineConfig({
  test: {
    // The app logs these and goes on (crashDialog, preview): PouchDB asks a hub that a test has
    // just stopped for its info and does not listen for the answer. Every other one fails the run.
    onUnhandledError: (error) => !isHubTransportError(error),
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{unit,db,contract,shell,pdf,renderer}/**/*.test.ts'],
          environment: 'node',
          env: machineClock,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: ['test/slow/**/*.test.ts', 'test/sync/**/*.test.ts'],
          environment: 'node',
          env: machineClock,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Each suite loads the machine on its own; side by side they would only slow each other.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll gives up after 1 s by default: a wall-clock limit that a loaded machine
          // misses (a dialog closing after 保存). It waits for the change, as long as the test may.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
