import type { Page } from 'playwright-core';

/**
 * Collects what a user would not see but a broken page reports: uncaught errors and console
 * errors (a CSP violation shows up here, for example).
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return problems;
}
