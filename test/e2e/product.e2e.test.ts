import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ContentPack } from '../../shared/content/contentPackSchema.ts';
import { newCounterContext } from './support/browser.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';

// The approved flyer as the app reads it: what the screen must show, word for word.
const pack = JSON.parse(fs.readFileSync(new URL('../../resources/content/SJ24-13707.json', import.meta.url), 'utf8')) as ContentPack;

const app = useCounterApp();



describe('商品説明', () => {
  test('shows the eight attack types and every amount of the incident case as the flyer prints them, with no total', async () => {
    const { context, page, problems } = await openCounterPage(app, '商品説明');

    const attacks = page.getByRole('list', { name: 'サイバー攻撃の種類' });
    await attacks.waitFor();
    expect(await attacks.getByRole('listitem').allTextContents()).toEqual(pack.attackTypes);
    expect(pack.attackTypes).toHaveLength(8);

    const table = page.getByRole('table', { name: pack.incidentCase.title });
    for (const column of pack.incidentCase.columns) await table.getByRole('columnheader', { name: column, exact: true }).waitFor();
    const amounts = pack.incidentCase.items.map((item) => item.amountLabel);
    expect(amounts).toEqual(['約300万円', '約50万円', '約150万円', '約1,800万円', '約500万円', '約200万円']);
    for (const amount of amounts) expect(await table.getByRole('cell', { name: amount, exact: true }).isVisible()).toBe(true);
    // The three 謝罪・広報対応 rows stand under one heading cell, as on the flyer.
    expect(await table.getByRole('rowheader', { name: '謝罪・広報対応', exact: true }).count()).toBe(1);
    expect(await table.textContent()).not.toContain('合計');

    await page.getByText(`${pack.document.code} ${pack.document.createdLabel}`).first().waitFor();
    await page.getByText(pack.summaryNote).first().waitFor();
    await page.getByText(pack.consent).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('説明モード turns its pages with the arrow keys and the buttons, and Esc closes it', async () => {
    const { context, page, problems } = await openCounterPage(app, '商品説明');
    const start = page.getByRole('button', { name: '説明モード', exact: true });
    await start.click();

    const dialog = page.getByRole('dialog', { name: '説明モード' });
    await dialog.waitFor();
    const counter = dialog.getByRole('status');
    // While the rate table is a sample there is no premium page: seven pages.
    await expectText(counter, '1 / 7');
    await dialog.getByRole('heading', { name: pack.productName }).waitFor();
    // Read across a desk: the page text is at least 28px.
    const fontSize = Number.parseFloat(
      String(await page.evaluate(`getComputedStyle(document.querySelector('[role="dialog"][aria-label="説明モード"] [role="region"] p')).fontSize`)),
    );
    expect(fontSize).toBeGreaterThanOrEqual(28);

    for (let pageNumber = 2; pageNumber <= 7; pageNumber += 1) {
      await page.keyboard.press('ArrowRight');
      await expectText(counter, `${pageNumber} / 7`);
    }
    await dialog.getByRole('heading', { name: 'お問い合わせ先' }).waitFor();
    await dialog.getByText(pack.contacts.agency.phone).waitFor();
    // The last page stays the last page.
    await page.keyboard.press('ArrowRight');
    await expectText(counter, '7 / 7');

    await page.keyboard.press('ArrowLeft');
    await expectText(counter, '6 / 7');
    await dialog.getByRole('heading', { name: pack.damageExamples.title }).waitFor();
    await dialog.getByRole('button', { name: '前へ' }).click();
    await expectText(counter, '5 / 7');
    await dialog.getByRole('button', { name: '次へ' }).click();
    await expectText(counter, '6 / 7');

    // A long page (the incident table at 1366×768): PageDown shows the rest of it before turning.
    await page.keyboard.press('Home');
    await expectText(counter, '1 / 7');
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await expectText(counter, '4 / 7');
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(200);
    await expectText(counter, '4 / 7');
    for (let step = 0; step < 10 && (await counter.textContent()) === '4 / 7'; step += 1) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(100);
    }
    await expectText(counter, '5 / 7');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Back where the clerk started, ready to start again.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('説明モード');
    expect(await page.evaluate('document.fullscreenElement')).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('when full screen is refused, 説明モード still fills the whole window', async () => {
    const context = await newCounterContext(app.browser);
    // As a browser that refuses the request (a policy, or no user gesture) would answer.
    await context.addInitScript('Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("refused"))');
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(app.preview.url);
    await openScreen(page, '商品説明');
    await page.getByRole('button', { name: '説明モード', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: '説明モード' });
    await dialog.waitFor();
    expect(await page.evaluate('document.fullscreenElement')).toBeNull();
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 1366, height: 768 });
    // Tab stays inside: the menu behind it is out of reach while it is open.
    for (let step = 0; step < 6; step += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(`document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-label') ?? null`)).toBe('説明モード');
    }

    await page.keyboard.press('ArrowRight');
    await expectText(dialog.getByRole('status'), '2 / 7');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('説明モード');
    expect(problems).toEqual([]);
    await context.close();
  });
});
