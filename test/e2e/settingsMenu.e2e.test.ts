import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';

const app = useCounterApp();
const shotsDir = process.env.SHOTS_DIR;

describe('設定: このページの項目', () => {
  test('lists the sections at the top, and choosing one brings its heading into view with the focus on it', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');
    const menu = page.getByRole('navigation', { name: 'このページの項目' });
    const labels = await menu.getByRole('button').allInnerTexts();
    expect(labels.slice(0, 2)).toEqual(['担当者', 'この端末で対応する担当者']);
    for (const section of ['バックアップ', '記録の保存期間', 'アーカイブした記録の完全削除']) expect(labels).toContain(section);
    if (shotsDir) {
      fs.mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: path.join(shotsDir, 'settings-menu.png') });
    }

    await menu.getByRole('button', { name: 'バックアップ', exact: true }).click();
    const heading = page.getByRole('heading', { name: 'バックアップ', level: 2, exact: true });
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const box = await heading.boundingBox();
    expect(box && box.y >= 0 && box.y < 768).toBe(true);
    // Tab carries on inside that section.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-labelledby'))).toBe('settings-backup');
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, 'settings-menu-backup.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
