import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { startPreview, type RunningPreview } from './startPreview.ts';

export interface CounterApp {
  preview: RunningPreview;
  browser: Browser;
}

/**
 * The real preview on a fresh data folder and Debian's Chromium, started once for a test file
 * and stopped after it. Fields are filled in before the first test runs.
 */
export function useCounterApp(): CounterApp {
  const app = {} as CounterApp;
  beforeAll(async () => {
    app.preview = await startPreview();
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.preview?.stop();
  });
  return app;
}
