import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { officialTable, putAsNewerApp } from '../helpers/sharedContent.ts';
import { newCounterContext } from './support/browser.ts';
import { chooseStaffInPreview, officialSource } from './support/contentImport.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { joinThroughSettings } from './support/joinHub.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { uploadToPreview } from './support/previewFiles.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview, startPreview, type RunningPreview } from './support/startPreview.ts';

const app = useCounterApp();
const office = { name: 'office-pc', password: 'office-pc-password' };
const laptop = { name: 'laptop', password: 'laptop-password' };
const shots = process.env.SCREENSHOTS_DIR;

let hub: CouchHub;
let second: RunningPreview;
beforeAll(async () => {
  hub = await startCouchHub({ users: [office, laptop] });
  second = await startPreview();
});
afterAll(async () => {
  await second?.stop();
  await hub?.stop();
});

async function quoteStandardPlan(page: Page) {
  await openScreen(page, '保険料試算');
  await page.getByRole('radio', { name: '無床診療所' }).check();
  await page.getByRole('radio', { name: 'スタンダード' }).check();
  return page.locator('section.quote-result');
}

describe('an official table shared between two PCs', () => {
  test('installed on one PC, the other quotes from it; one a newer app wrote is named on ホーム, 設定 and 保険料試算', { timeout: 240_000 }, async () => {
    const { context, page, problems } = await openCounterPage(app);
    await joinThroughSettings(page, hub, office, 'A');
    const otherContext = await newCounterContext(app.browser);
    const other = await otherContext.newPage();
    const otherProblems = collectPageProblems(other);
    await other.goto(second.url);
    await joinThroughSettings(other, hub, laptop, 'B');

    await chooseStaffInPreview(app.preview, '窓口 花子');
    const fileId = await uploadToPreview(app.preview, '保険料表.json', JSON.stringify(officialTable('2027年度 正式', 3200)));
    await callPreview(app.preview, 'content.acceptImport', { kind: 'rates', fileId, version: '2027年度 正式', source: officialSource });

    // The laptop's open window learns of it by itself: no reload, no 今すぐ同期.
    const result = await quoteStandardPlan(other);
    await expectText(result, /4,200/, 60_000);
    expect(await other.getByText(/見本（実際の保険料ではありません）/).count()).toBe(0);
    if (shots) await other.screenshot({ path: path.join(shots, 'content-01-laptop-quotes-office-table.png'), fullPage: true });

    await putAsNewerApp(hub, officialTable('2028年度 正式', 5100, 2), '0193f000-0000-7000-8000-0000000000bb');
    const notUsed = other.getByRole('alert', { name: '取り込んであった保険料表を使っていません' });
    await expectText(notUsed, /他の端末で取り込まれた保険料表「2028年度 正式」は、この端末のアプリでは使えないため/, 60_000);
    await expectText(notUsed, /今は保険料表「2027年度 正式」を使っています/);
    await expectText(result, /4,200/);
    if (shots) await other.screenshot({ path: path.join(shots, 'content-02-quote-names-unreadable-table.png'), fullPage: true });

    await openScreen(other, 'ホーム');
    await expectText(other.getByRole('alert', { name: '他の端末で取り込まれた内容を、この端末では使っていません' }), /アプリを最新版に更新すると使えるようになります/);
    if (shots) await other.screenshot({ path: path.join(shots, 'content-03-home-notice.png') });

    await openScreen(other, '設定');
    const section = other.getByRole('region', { name: '商品内容と保険料表' });
    await expectText(section.getByRole('alert', { name: '取り込んであった保険料表を使っていません' }), /保険料表の形式（schemaVersion）が対応していません/);
    await expectText(section.getByRole('table', { name: '取り込みの記録' }).getByRole('row', { name: /2028年度 正式/ }), /この端末では使っていません/);
    if (shots) await section.screenshot({ path: path.join(shots, 'content-04-settings-content.png') });

    expect(problems).toEqual([]);
    expect(otherProblems).toEqual([]);
    await otherContext.close();
    await context.close();
  });
});
