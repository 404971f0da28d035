import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newCounterContext } from './browser.ts';
import { collectPageProblems } from './pageProblems.ts';
import { openScreen } from './screens.ts';
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

/**
 * A fresh window on the counter's smallest screen, at the app's start (or on `screen`), with the
 * page's problems collected: a test ends by expecting none and closing the context.
 */
export async function openCounterPage(app: CounterApp, screen?: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newCounterContext(app.browser);
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto(app.preview.url);
  if (screen !== undefined) await openScreen(page, screen);
  return { context, page, problems };
}
