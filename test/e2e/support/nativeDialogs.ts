import type { Page } from 'playwright-core';

/**
 * Answers the page's next window.confirm (or alert) and resolves with the question it asked,
 * so a test can check what the user was asked as well as what happened next.
 */
export function answerNextQuestion(page: Page, answer: 'accept' | 'dismiss'): Promise<string> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
  });
}
