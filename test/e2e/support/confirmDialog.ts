import type { Locator, Page } from 'playwright-core';

/** The app's 「確認」 dialog (its own, never a browser pop-up). */
export const confirmDialog = (page: Page): Locator => page.getByRole('alertdialog', { name: '確認', exact: true });

/** The question the dialog asks: the text it is described by. */
export async function confirmQuestion(page: Page): Promise<string> {
  const dialog = confirmDialog(page);
  await dialog.waitFor();
  const id = (await dialog.getAttribute('aria-describedby')) ?? '';
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

/**
 * Answers the app's next confirmation and resolves with the question it asked, so a test can
 * check what the user was asked as well as what happened next. Call it before the click that
 * asks; await it after.
 */
export async function answerNextQuestion(page: Page, answer: 'accept' | 'dismiss'): Promise<string> {
  const question = await confirmQuestion(page);
  const dialog = confirmDialog(page);
  await dialog.locator(`[data-answer="${answer}"]`).click();
  await dialog.waitFor({ state: 'hidden' });
  return question;
}
