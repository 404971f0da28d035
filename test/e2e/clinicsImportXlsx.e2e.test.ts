import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { rosterBook } from '../helpers/xlsxRoster.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText, openScreen } from './support/screens.ts';
import { editOpenClinic } from './support/clinicPanel.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();

describe('設定: 名簿の取り込み from an Excel book', () => {
  test('choose the book, pick the roster sheet, 取り込む, and find the clinic with 会員番号 000099', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'ExcelまたはCSVファイルを選ぶ' }).click();
    await (await choosing).setFiles({ name: '霧島地区名簿.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterBook({ instructionsFirst: true }) });

    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    await expectText(check.getByRole('heading'), '取り込む内容の確認（霧島地区名簿.xlsx）');
    // The first visible sheet is the instructions: nothing there fills 医療機関名.
    const sheet = check.getByLabel('シート', { exact: true });
    expect(await sheet.inputValue()).toBe('記入のしかた');
    expect(await sheet.getByRole('option').allTextContents()).toEqual(['記入のしかた', '集計用（非表示のシート）', '名簿']);
    await expectText(check.getByRole('alert'), /「医療機関名」にあたる列を「取り込む項目」で選んでください/);

    await sheet.selectOption('名簿');
    // The merged title above the header is skipped; the header row is row 2.
    await expect.poll(() => check.getByLabel('見出しの行', { exact: true }).inputValue()).toBe('2');
    expect(await check.getByLabel('A列「会員番号」の取り込み先').inputValue()).toBe('memberNumber');
    const sampleOf = (column: string) => check.getByRole('row').filter({ has: page.getByLabel(column) }).locator('.mapping-sample');
    await expectText(sampleOf('A列「会員番号」の取り込み先'), '000099 ／ 001234');
    // 所在地 is a formula in the book: its result is read, never the formula.
    await expectText(sampleOf('D列「所在地」の取り込み先'), /^鹿児島県霧島市国分中央1-1 ／ /);

    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), '霧島地区名簿.xlsx から2件を取り込みました。');

    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('000099');
    await page.getByText('「000099」の検索結果').waitFor();
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '霧島ひかり眼科', exact: true }).click();
    const clinic = await editOpenClinic(page.getByRole('region', { name: '霧島ひかり眼科', exact: true }));
    await expect.poll(() => clinic.getByLabel('会員番号', { exact: true }).inputValue()).toBe('000099');
    expect(await clinic.getByLabel('所在地', { exact: true }).inputValue()).toBe('鹿児島県霧島市国分中央1-1');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('書き出し as an Excel book: 会員番号 000077 is a text cell, a name starting with = is text', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '=1+1眼科', memberNumber: '000077', phone: '099-111-0077' });
    const { context, page, problems } = await openCounterPage(app, '設定');

    const exporting = page.locator('section', { has: page.getByRole('heading', { name: 'CSV・Excelの書き出し' }) });
    await exporting.getByLabel(/^Excelのブック/).check();
    expect(await exporting.getByLabel(/^Shift_JIS/).isDisabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'Excelのブックを書き出す' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^医療機関一覧_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expectText(exporting.getByRole('status').filter({ hasText: '書き出しました' }), /件を書き出しました（医療機関一覧_.+\.xlsx）/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(header.indexOf('医療機関名')).value === '=1+1眼科')!;
    const member = row.getCell(header.indexOf('会員番号'));
    expect({ value: member.value, type: member.type, numFmt: member.numFmt }).toEqual({ value: '000077', type: ExcelJS.ValueType.String, numFmt: '@' });
    expect(row.getCell(header.indexOf('医療機関名')).formula).toBeUndefined();
    fs.rmSync((await download.path())!, { force: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
