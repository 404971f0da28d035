import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newCounterContext } from './browser.ts';
import { collectPageProblems } from './pageProblems.ts';
import { openScreen } from './screens.ts';
import { callPreview, startPreview, type RunningPreview } from './startPreview.ts';

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
  await answerStartChooser(app.preview, page);
  if (screen !== undefined) await openScreen(page, screen);
  return { context, page, problems };
}

/**
 * A machine several active staff share asks who is at the counter when it starts: the one chosen
 * in 設定 carries on (or, with nobody chosen, 「あとで」), as a clerk sitting down would answer.
 */
export async function answerStartChooser(preview: RunningPreview, page: Page): Promise<void> {
  const { items } = await callPreview<{ items: unknown[] }>(preview, 'staff.list', {});
  if (items.length < 2) return;
  const { currentStaffId } = await callPreview<{ currentStaffId: string | null }>(preview, 'settings.get', {});
  const chooser = page.getByRole('dialog', { name: '対応者を選ぶ' });
  await chooser.getByRole('button', { name: currentStaffId ? 'この人で対応する' : 'あとで（未選択にする）' }).click();
  await chooser.waitFor({ state: 'detached' });
}
