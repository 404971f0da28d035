import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractZip } from '../../electron/core/files/pdfZip.ts';
import { newCounterContext } from './support/browser.ts';
import { useCounterApp } from './support/counterApp.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { a4, chooseDocuments, readPdf } from './support/printScreen.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { tempDir } from '../helpers/tempDir.ts';

const app = useCounterApp();
const screenshotsDir = process.env.SCREENSHOTS_DIR;
const word = '郵送テスト';
const clinics = [
  { name: `${word}内科クリニック`, contactPerson: '事務長 鈴木 一郎', postalCode: '892-0816', address: '鹿児島県鹿児島市山下町11-1' },
  { name: `${word}歯科医院`, contactPerson: '', postalCode: '891-1419', address: '鹿児島県鹿児島市桜島横山町1-2' },
  { name: `${word}内科クリニック`, contactPerson: '', postalCode: '899-4301', address: '鹿児島県霧島市国分中央3-45-6 霧島中央ビル2階' },
];

/** A clinic whose 所在地 no label holds whole, beside one a 先方ご担当者 used to cut short on a 24面 label. */
const longWord = '長い宛名テスト';
const longClinics = [
  { name: `${longWord}内科クリニック`, contactPerson: '山田 太郎', postalCode: '899-4301', address: '鹿児島県霧島市国分中央三丁目45番1号 国分メディカルビル2階' },
  {
    name: `医療法人社団 霧島中央会 ${longWord}総合病院附属リハビリテーションクリニック分院`,
    contactPerson: '事務長 鈴木 一郎太郎左衛門',
    postalCode: '899-4302',
    address: '鹿児島県霧島市国分中央三丁目四十五番地六号 霧島中央ビルディング第二別館七階七〇七号室（北側エレベーターを降りて右奥）'.repeat(2),
  },
];

beforeAll(async () => {
  for (const [i, clinic] of [...clinics, ...longClinics].entries()) {
    await callPreview(app.preview, 'clinics.create', { ...clinic, nameKana: `ゆうそうてすと${i + 1}`, kind: 'clinic_no_beds', phone: `099-300-100${i}` });
  }
});

async function openMailing(filter = word, count = clinics.length): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await newCounterContext(app.browser);
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto(app.preview.url);
  await openScreen(page, '印刷');
  await page.getByRole('group', { name: '宛先' }).getByRole('radio', { name: '複数の医療機関（一括作成）' }).check();
  await page.getByLabel('医療機関を絞り込む').fill(filter);
  await expectText(page.locator('.print-batch-count'), `該当 ${count}件`);
  await page.getByRole('button', { name: '該当する全件を選ぶ' }).click();
  await expectText(page.locator('.print-batch-selected'), `選択中：${count}件`);
  return { page, problems, close: () => context.close() };
}

const fileName = (page: Page) => page.getByRole('region', { name: 'プレビュー' }).locator('.print-file-name');

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

describe('a postal mailing: one PDF per clinic, 宛名ラベル, documents that cannot be made', () => {
  test('a 保険料試算書 cannot be ticked in a mailing and says why beside it, while 「PDFを作成」 stays enabled for the rest', async () => {
    const { page, problems, close } = await openMailing();
    await chooseDocuments(page, ['FAX送付状', 'FAX問い合わせ票']);
    const quoteSheet = page.getByRole('group', { name: '送る書類' }).getByRole('checkbox', { name: '保険料試算書', exact: true });
    expect(await quoteSheet.isDisabled()).toBe(true);
    const reasonId = await quoteSheet.getAttribute('aria-describedby');
    await expectText(page.locator(`#${reasonId}`), /保険料試算書は医療機関ごとに1通ずつ作ります/);
    expect(await page.getByRole('button', { name: 'PDFを作成', exact: true }).isEnabled()).toBe(true);
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, 'mailing-documents-disabled.png') });
    expect(problems).toEqual([]);
    await close();
  });

  test('「医療機関ごとのPDF」 downloads a zip with one PDF per clinic, named by clinic, equal names counted', async () => {
    const { page, problems, close } = await openMailing();
    await chooseDocuments(page, ['FAX送付状', 'FAX問い合わせ票']);
    await page.getByRole('group', { name: '出力のしかた' }).getByRole('radio', { name: '医療機関ごとのPDF' }).check();
    await page.getByRole('button', { name: 'PDFを作成', exact: true }).click();
    await expectText(fileName(page), /^書類一式_3件_\d{4}-\d{2}-\d{2}_医療機関ごと\.zip$/);
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, 'mailing-per-clinic.png') });
    const saved = await download(page, 'ZIPを保存');
    const dir = tempDir('cc-e2e-zip-');
    fs.writeFileSync(path.join(dir, 'out.zip'), saved.bytes);
    const names = await extractZip(path.join(dir, 'out.zip'), (name) => path.join(dir, name));
    // 「該当する全件を選ぶ」 puts them in postal-code order.
    expect(names).toEqual([`${word}歯科医院.pdf`, `${word}内科クリニック.pdf`, `${word}内科クリニック（2）.pdf`]);
    const dental = readPdf(fs.readFileSync(path.join(dir, `${word}歯科医院.pdf`)));
    expect(dental.pageSize).toBe(a4);
    expect(dental.text).toContain(`${word}歯科医院`);
    expect(dental.text).not.toContain(`${word}内科クリニック`);
    await page.getByRole('status').filter({ hasText: '3件の医療機関に送付の記録を残しました' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  test('宛名ラベル on a partly used 24面 sheet, at the offset saved in 設定 → 印刷 for this machine', async () => {
    const { page, problems, close } = await openMailing();
    await openScreen(page, '設定');
    const section = page.getByRole('region', { name: '印刷' });
    await section.getByLabel('左右のずれ（mm）').fill('9');
    await section.getByRole('button', { name: '印刷位置を保存' }).click();
    await expectText(section.locator('.field-error'), '左右のずれは-5〜5mmで入力してください');
    await section.getByLabel('左右のずれ（mm）').fill('1.5');
    await section.getByLabel('上下のずれ（mm）').fill('-0.5');
    await section.getByLabel('上下のずれ（mm）').press('Enter');
    await expectText(section.getByRole('status'), /印刷位置を保存しました（左右 1.5mm・上下 -0.5mm）/);
    if (screenshotsDir) await section.screenshot({ path: path.join(screenshotsDir, 'settings-print.png') });

    await openScreen(page, '印刷');
    const labels = page.getByRole('region', { name: '宛名ラベル（郵送用）' });
    await expectText(labels, /左右 \+1\.5mm・上下 -0\.5mm/);
    await labels.getByLabel('ラベル用紙').selectOption({ label: (await labels.getByRole('option', { name: /A4 24面/ }).textContent()) ?? '' });
    await labels.getByLabel('使用済みの面数').fill('2');
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, 'mailing-labels-panel.png'), fullPage: true });
    await labels.getByRole('button', { name: /宛名ラベルを作成/ }).click();
    await expectText(fileName(page), /^宛名ラベル_3件_\d{4}-\d{2}-\d{2}\.pdf$/);
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, 'mailing-labels-made.png') });
    const saved = await download(page, 'PDFを保存');
    if (screenshotsDir) fs.writeFileSync(path.join(screenshotsDir, 'labels-e2e.pdf'), saved.bytes);
    const pdf = readPdf(saved.bytes);
    expect(pdf).toMatchObject({ pages: 1, pageSize: a4 });
    for (const text of ['〒892-0816', `${word}内科クリニック`, '事務長鈴木一郎様', `${word}歯科医院御中`]) expect(pdf.text).toContain(text);
    await page.getByRole('status').filter({ hasText: '3件の医療機関に送付の記録を残しました' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  test('a 宛名 too long for its label is named above the preview, and 使用済みの面数 beyond the sheet is refused in its words beside the field', async () => {
    const { page, problems, close } = await openMailing(longWord, longClinics.length);
    const labels = page.getByRole('region', { name: '宛名ラベル（郵送用）' });
    await labels.getByLabel('ラベル用紙').selectOption({ label: (await labels.getByRole('option', { name: /A4 24面/ }).textContent()) ?? '' });
    const skip = labels.getByLabel('使用済みの面数');
    await skip.fill('24');
    await expectText(labels.locator('.field-error'), 'この用紙は24面です。使用済みの面数は0〜23で入力してください。');
    expect(await skip.getAttribute('aria-invalid')).toBe('true');
    await skip.fill('0');
    await labels.getByRole('button', { name: /宛名ラベルを作成/ }).click();
    await expectText(fileName(page), /^宛名ラベル_2件_\d{4}-\d{2}-\d{2}\.pdf$/);
    const warning = page.getByRole('region', { name: 'プレビュー' }).getByRole('alert');
    await expectText(warning, /1件の宛名が長すぎて省略されています。/);
    expect(await warning.getByRole('listitem').allTextContents()).toEqual([longClinics[1]!.name]);
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, 'labels-shortened.png') });
    const pdf = readPdf((await download(page, 'PDFを保存')).bytes);
    // The building and floor of the one that fits are printed, not cut for its 先方ご担当者.
    expect(pdf.text).toContain('国分メディカルビル2階');
    expect(pdf.text).toContain('山田太郎様');
    expect(problems).toEqual([]);
    await close();
  });
});
