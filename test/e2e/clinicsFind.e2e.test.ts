import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { openCounterPage, type CounterApp } from './support/counterApp.ts';
import { expectText } from './support/screens.ts';
import { editOpenClinic } from './support/clinicPanel.ts';
import { callPreview, startPreview } from './support/startPreview.ts';

const seeded = 3000;
const app = {} as CounterApp;

// A register the size of the prefecture's, made by `npm run seed` as a new user's demo would be.
beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-find-'));
  execFileSync(process.execPath, ['electron/cli/seed.ts', '--count', String(seeded), '--data-dir', dataDir], { stdio: 'ignore' });
  app.preview = await startPreview({ dataDir });
  app.browser = await launchChromium();
});
afterAll(async () => {
  await app.browser?.close();
  await app.preview?.stop();
});

const list = (page: Page) => page.getByRole('table', { name: '医療機関の一覧' });
const rowNames = async (page: Page) => (await list(page).getByRole('rowgroup').nth(1).getByRole('row').getByRole('button').allTextContents()).map((n) => n.trim());
const countLine = (page: Page) => page.locator('.result-count');
const search = (page: Page, words: string) => page.getByLabel('検索', { exact: true }).fill(words);

describe('医療機関を見分けて探す', () => {
  test('the exact name comes first, then names that start with it, then the rest', async () => {
    // Registered worst first, so neither newest-first nor row order could put them right by chance.
    for (const name of ['第二桜島通り眼科', '桜島通り眼科クリニック', '桜島通り眼科']) await callPreview(app.preview, 'clinics.create', { name, kind: 'clinic_no_beds' });
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await search(page, '桜島通り眼科');
    await expectText(countLine(page), '「桜島通り眼科」の検索結果：3件');
    expect(await rowNames(page)).toEqual(['桜島通り眼科', '桜島通り眼科クリニック', '第二桜島通り眼科']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('with nothing typed the count is the whole register, and the list scrolls to its oldest clinic', async () => {
    const all = (await callPreview(app.preview, 'clinics.search', { query: '', limit: 1 })) as { total: number };
    const oldest = (await callPreview(app.preview, 'clinics.search', { query: '', limit: 1, offset: all.total - 1 })) as { items: { name: string; phone: string }[] };
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await expectText(countLine(page), `新しく登録・更新した順：全${all.total.toLocaleString('ja-JP')}件`);
    expect(all.total).toBeGreaterThanOrEqual(seeded);
    expect(await list(page).getAttribute('aria-rowcount')).toBe(String(all.total + 1));
    // Scrolled as a clerk would, page after page, until the list ends.
    const last = list(page).locator(`[role="row"][aria-rowindex="${all.total + 1}"]`);
    for (let i = 0; i < 400 && (await last.count()) === 0; i++) {
      await page.locator('[data-clinic-list]').hover();
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(50);
    }
    await expectText(last.getByRole('cell').nth(4), oldest.items[0]!.phone);
    await expectText(last.getByRole('cell').first(), oldest.items[0]!.name);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the list shows 種別 and 市町村 and can be narrowed to one 市町村, also while a clinic is open', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '栗野川ほとり医院', kind: 'clinic_with_beds', bedCount: 5, postalCode: '899-6201', phone: '0995-74-0001' });
    await callPreview(app.preview, 'clinics.create', { name: '栗野川ほとり医院', kind: 'clinic_no_beds', address: '鹿児島県鹿児島市山下町11-1', phone: '099-224-0001' });
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await search(page, '栗野川ほとり');
    await expectText(countLine(page), '「栗野川ほとり」の検索結果：2件');
    const rows = list(page).getByRole('rowgroup').nth(1).getByRole('row');
    const cellsOf = async (i: number) => (await rows.nth(i).getByRole('cell').allTextContents()).map((t) => t.trim());
    expect([await cellsOf(0), await cellsOf(1)].map((c) => [c[2], c[3]]).sort()).toEqual([['有床診療所', '湧水町'], ['無床診療所', '鹿児島市']]);

    // Open one: the narrower list still says which is which.
    await rows.filter({ hasText: '湧水町' }).getByRole('button', { name: '栗野川ほとり医院' }).click();
    await page.getByRole('region', { name: '栗野川ほとり医院' }).waitFor();
    for (const words of ['湧水町', '鹿児島市', '有床診療所', '無床診療所']) expect(await rows.filter({ hasText: words }).count(), words).toBe(1);
    expect(await rows.filter({ hasText: '湧水町' }).getByText('湧水町').isVisible()).toBe(true);

    await page.getByLabel('市町村').selectOption({ label: (await page.getByLabel('市町村').locator('option', { hasText: '湧水町' }).textContent())! });
    await expectText(countLine(page), '「栗野川ほとり」の検索結果：1件（市町村：湧水町）');
    expect(await rowNames(page)).toEqual(['栗野川ほとり医院']);
    // Without words: every clinic of the town, and only those.
    await search(page, '');
    const town = (await callPreview(app.preview, 'clinics.search', { query: '', limit: 1, municipality: '湧水町' })) as { total: number };
    await expectText(countLine(page), `新しく登録・更新した順：全${town.total.toLocaleString('ja-JP')}件（市町村：湧水町）`);
    const towns = await list(page).getByRole('rowgroup').nth(1).locator('.cell-town').allTextContents();
    expect(towns.length).toBeGreaterThan(0);
    expect(new Set(towns)).toEqual(new Set(['湧水町']));
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a new search closes the clinic that was open and clears the old message', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '錦江湾しおかぜ皮膚科', kind: 'clinic_no_beds' });
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await search(page, 'しおかぜ皮膚科');
    await expectText(countLine(page), '「しおかぜ皮膚科」の検索結果：1件');
    await list(page).getByRole('button', { name: '錦江湾しおかぜ皮膚科' }).click();
    const panel = await editOpenClinic(page.getByRole('region', { name: '錦江湾しおかぜ皮膚科' }));
    await panel.getByLabel('電話番号', { exact: true }).fill('099-111-2222');
    await panel.getByRole('button', { name: '保存' }).click();
    await expectText(page.getByRole('status').first(), /保存しました/);

    await search(page, '皮膚科');
    await expectText(countLine(page), /「皮膚科」の検索結果/);
    await expect.poll(() => panel.count()).toBe(0);
    expect(((await page.getByRole('status').first().textContent()) ?? '').trim()).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});
