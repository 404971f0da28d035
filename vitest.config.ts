import { defineConfig } from 'vitest/config';

// Two projects: fast node-side tests (unit, db, contract, shell) and the Chromium end-to-end
// tests, which need the built renderer and run one file at a time on a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{unit,db,contract,shell,pdf,renderer}/**/*.test.ts'],
          environment: 'node',
          // A machine clock in UTC, so "today" must come from Asia/Tokyo, not from the machine.
          env: { TZ: 'UTC' },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
