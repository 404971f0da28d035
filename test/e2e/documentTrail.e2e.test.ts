import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { useCounterApp } from './support/counterApp.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { chooseOneClinic, expectPreview, makePdf, savePdf } from './support/printScreen.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
const shotsDir = process.env.SCREENSHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `trail-${name}.png`), fullPage: true });
};

const clinicName = '霧島みなみクリニック';
const clinicFax = '0995-45-0101';

describe('送付の記録', () => {
  test('a FAX sheet printed for a clinic is shown again from its record, 「記録と一致しました」, and its trail exports for an audit', async () => {
    await callPreview(app.preview, 'clinics.create', { name: clinicName, nameKana: 'きりしまみなみくりにっく', kind: 'clinic_no_beds', phone: '0995-45-0100', fax: clinicFax });
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(app.preview.url);
    await openScreen(page, '印刷');
    await chooseOneClinic(page, '霧島みなみ', clinicName);
    await makePdf(page);
    const panel = page.getByRole('region', { name: 'プレビュー' });
    const sentBy = panel.getByRole('group', { name: '送付方法（記録に残ります）' });
    await sentBy.getByRole('radio', { name: 'FAX', exact: true }).check();
    // The clinic's FAX on record is offered as the number used.
    expect(await sentBy.getByLabel('送信したFAX番号').inputValue()).toBe(clinicFax);
    await expectPreview(page);
    await shot(page, 'print-sent-by');
    const saved = await savePdf(page);
    await panel.getByRole('status').filter({ hasText: '送付の記録を残しました' }).waitFor();

    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('霧島みなみ');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: clinicName }).click();
    const history = page.getByRole('region', { name: clinicName }).getByRole('region', { name: '送付・印刷の記録' });
    const entry = history.getByRole('listitem').filter({ hasText: 'FAX問い合わせ票' });
    await expectText(entry.locator('.output-history-meta'), new RegExp(`送付方法：FAX（${clinicFax}）`));
    await entry.getByRole('button', { name: '送付した書類を表示' }).click();
    await expectText(entry.getByRole('status'), '記録と一致しました', 30_000);
    await entry.locator('.print-preview-pages[data-state="drawn"]').waitFor({ timeout: 20_000 });
    await shot(page, 'history-shown');
    if (shotsDir) await entry.screenshot({ path: path.join(shotsDir, 'trail-history-entry.png') });
    // What is shown is the very PDF that was saved.
    const [again] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: 'このPDFを保存' }).click()]);
    expect(fs.readFileSync(await again.path())).toEqual(saved.bytes);

    const [csv] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: '送付の記録をCSVで書き出す' }).click()]);
    const bytes = fs.readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('日時,書類,操作,医療機関,受付番号,送付方法,FAX番号,内容パック,料率表,試算,担当者,募集人ID,SHA-256');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`FAX問い合わせ票,PDFを保存,${clinicName},,FAX,${clinicFax},SJ24-13707 2025-01-16`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Excelで書き出す' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`送付の記録_${clinicName}.xlsx`);
    if (shotsDir) {
      fs.writeFileSync(path.join(shotsDir, 'trail-sent.pdf'), saved.bytes);
      fs.writeFileSync(path.join(shotsDir, 'trail.csv'), bytes);
      fs.copyFileSync(await xlsx.path(), path.join(shotsDir, 'trail.xlsx'));
    }
    await history.getByRole('status').filter({ hasText: `送付の記録_${clinicName}.xlsx を保存しました（1件）。` }).waitFor();
    await shot(page, 'history-exported');
    expect(problems).toEqual([]);
    await context.close();
  });
});
