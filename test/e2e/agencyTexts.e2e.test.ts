import path from 'node:path';
import { expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText } from './support/screens.ts';

const app = useCounterApp();
const screenshotsDir = process.env.SCREENSHOTS_DIR;

test("設定 → 代理店の文言: the solicitation statement starts unset, a wrong one is refused next to the field, Enter saves a new version", async () => {
  const { context, page, problems } = await openCounterPage(app, '設定');
  const section = page.getByRole('region', { name: '代理店の文言' });
  const capacity = section.getByLabel('募集の立場（保険会社名と代理・媒介の別）');
  await expectText(section, /未設定/);
  expect(await capacity.inputValue()).toBe('');

  // Typed and saved by keyboard only: Enter submits the one-line field.
  await capacity.fill('損害保険ジャパン株式会社');
  await capacity.press('Enter');
  const error = page.locator('#agency-text-solicitationCapacity-error');
  await expectText(error, /代理（代理店）か媒介かが分かるように/);
  expect(await capacity.getAttribute('aria-invalid')).toBe('true');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('agency-text-solicitationCapacity');

  await capacity.fill('当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。');
  await capacity.press('Enter');
  await expectText(section.getByRole('status').filter({ hasText: '募集の立場' }), '募集の立場（保険会社名と代理・媒介の別）を保存しました。');
  expect(await error.count()).toBe(0);
  await expectText(section, /版 1（/);

  const formNumber = section.getByLabel('FAX問い合わせ票の様式番号');
  await formNumber.fill('KMC-FAX-2026-01');
  await formNumber.press('Enter');
  await expectText(section.getByRole('status').filter({ hasText: '様式番号' }), 'FAX問い合わせ票の様式番号を保存しました。');
  if (screenshotsDir) await section.screenshot({ path: path.join(screenshotsDir, 'agency-texts.png') });

  // A fresh window reads the saved versions back.
  const again = await openCounterPage(app, '設定');
  const reread = again.page.getByRole('region', { name: '代理店の文言' });
  await expect.poll(() => reread.getByLabel('FAX問い合わせ票の様式番号').inputValue()).toBe('KMC-FAX-2026-01');
  expect(problems).toEqual([]);
  expect(again.problems).toEqual([]);
  await again.context.close();
  await context.close();
});
