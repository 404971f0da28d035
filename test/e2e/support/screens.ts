import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The main menu, as a user sees it. */
export function menu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' });
}

/** Chooses a screen from the menu and waits until its heading is shown. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await menu(page).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Waits until the locator's text (whitespace-trimmed) equals the expected text. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 30_000): Promise<void> {
  const read = async () => ((await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '').trim() : '');
  if (typeof expected === 'string') await expect.poll(read, { timeout }).toBe(expected);
  else await expect.poll(read, { timeout }).toMatch(expected);
}
