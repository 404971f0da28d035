import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { useCounterApp } from './support/counterApp.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { a4, chooseDocuments, documentLabels, chooseOneClinic, expectPreview, makePdf, readPdf, savePdf } from './support/printScreen.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview, startPreview, type RunningPreview } from './support/startPreview.ts';
import { addDays, tokyoToday } from '../../shared/time/tokyoDate.ts';
import { addBusinessDays, nextOpenDay } from '../../shared/time/businessDays.ts';

const app = useCounterApp();

const pack = JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as { attackTypes: string[] };
const documentCode = 'SJ24-13707';
const agencyFax = '099-257-1816';
const clinicName = '霧島中央クリニック';

let clinicId = '';
let receiptNumber = '';

beforeAll(async () => {
  const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', {
    name: clinicName,
    nameKana: 'きりしまちゅうおうくりにっく',
    kind: 'clinic_no_beds',
    phone: '0995-45-0000',
    fax: '0995-45-0001',
    contactPerson: '事務長 霧島 花子',
  });
  clinicId = clinic.id;
  const { inquiry } = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', {
    clinicId,
    receivedOn: '2026-11-20',
    channel: 'counter',
    content: '補償内容について',
  });
  receiptNumber = inquiry.receiptNumber;
});

async function openPrint(preview: RunningPreview = app.preview): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await newCounterContext(app.browser);
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto(preview.url);
  await openScreen(page, '印刷');
  return { page, problems, close: () => context.close() };
}

const previewPanel = (page: Page) => page.getByRole('region', { name: 'プレビュー' });
const renderButton = (page: Page) => page.getByRole('button', { name: 'PDFを作成', exact: true });

describe('印刷', () => {
  test('a blank FAX問い合わせ票 is the default: one A4 page with the agency FAX, no clinic and no flyer code', async () => {
    const { page, problems, close } = await openPrint();
    const documents = page.getByRole('group', { name: '送る書類' });
    const checked = await Promise.all(documentLabels.map((name) => documents.getByRole('checkbox', { name, exact: true }).isChecked()));
    expect(checked).toEqual([false, false, false, false, true]);
    await documents.getByText('選んだ書類は上から順に1つのPDFにまとまります').waitFor();
    expect(await page.getByRole('radio', { name: '白紙（手書き用）' }).isChecked()).toBe(true);

    const name = await makePdf(page);
    expect(name).toMatch(/^FAX問い合わせ票_\d{4}-\d{2}-\d{2}\.pdf$/);
    await expectText(previewPanel(page).locator('.print-file-meta'), '1ページ');
    await expectPreview(page);
    // The browser preview cannot reach a printer: only 保存 is offered.
    expect(await previewPanel(page).getByRole('button', { name: '印刷' }).count()).toBe(0);

    const saved = await savePdf(page);
    expect(saved.name).toBe(name);
    const pdf = readPdf(saved.bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.pageSize).toBe(a4);
    // The agency's own reply form: not the flyer's approval code.
    expect(pdf.text).not.toContain(documentCode);
    expect(pdf.text).toContain(agencyFax);
    expect(pdf.text).not.toContain(clinicName);
    // Blank forms are sent to nobody in particular: recorded on the trail without a clinic.
    await expectText(previewPanel(page).getByRole('status').filter({ hasText: '保存しました' }), `${name} を保存しました。送付の記録（宛先なし）を残しました。`);
    expect(problems).toEqual([]);
    await close();
  });

  test('a FAX問い合わせ票 for a clinic chosen by keyboard carries its name, and with an inquiry its 受付番号', async () => {
    const { page, problems, close } = await openPrint();
    await page.getByRole('radio', { name: '医療機関を1件選ぶ' }).check();
    const search = page.getByRole('combobox', { name: '医療機関', exact: true });
    await search.fill('霧島');
    await page.getByRole('option', { name: new RegExp(clinicName) }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.getByRole('group', { name: '医療機関' }).getByText(clinicName, { exact: true }).waitFor();
    // 選び直す takes the focus so the keyboard can go on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('選び直す');
    const inquiry = page.getByLabel('問い合わせ（任意）');
    await expect.poll(() => inquiry.isEnabled()).toBe(true);
    expect(await inquiry.locator('option').count()).toBe(2);

    const name = await makePdf(page);
    expect(name).toMatch(new RegExp(`^FAX問い合わせ票_${clinicName}_\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await expectPreview(page);
    const forClinic = readPdf((await savePdf(page)).bytes);
    expect(forClinic.pageSize).toBe(a4);
    expect(forClinic.text).toContain(clinicName);
    expect(forClinic.text).not.toContain(documentCode);
    expect(forClinic.text).toContain(agencyFax);
    expect(forClinic.text).not.toContain(receiptNumber);

    // With the inquiry the PDF is made again: the previous one goes once the choice changes.
    await inquiry.selectOption({ index: 1 });
    expect(await previewPanel(page).getByRole('button', { name: 'PDFを保存' }).count()).toBe(0);
    await makePdf(page);
    const forInquiry = readPdf((await savePdf(page)).bytes);
    expect(forInquiry.text).toContain(clinicName);
    expect(forInquiry.text).toContain(receiptNumber);
    expect(problems).toEqual([]);
    await close();
  });

  test('the flyer is the same for everyone: no 宛先, the eight attack types, and, while the table is a sample, a 見本 with no premium', async () => {
    const { page, problems, close } = await openPrint();
    await chooseDocuments(page, ['チラシ']);
    expect(await page.getByRole('group', { name: '宛先' }).count()).toBe(0);
    await expectText(page.getByRole('group', { name: '送る書類' }), /チラシは「見本」として作られます/);
    // A specimen is sent to no one, so the note about sending the same flyer to everyone is not shown.
    expect(await page.getByText('どの医療機関にも同じものをお送りします').count()).toBe(0);
    if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, 'print-specimen-flyer.png') });

    const name = await makePdf(page);
    expect(name).toMatch(/^チラシ（見本）_\d{4}-\d{2}-\d{2}\.pdf$/);
    await expectPreview(page);
    const flyer = readPdf((await savePdf(page)).bytes);
    expect(flyer.pageSize).toBe(a4);
    expect(pack.attackTypes).toHaveLength(8);
    for (const attack of pack.attackTypes) expect(flyer.text).toContain(attack.replace(/\s+/g, ''));
    for (const text of flyer.pageTexts) expect(text).toContain(documentCode);
    for (const text of flyer.pageTexts) expect(text).toContain('見本');
    expect(flyer.text).not.toContain('保険料はお問い合わせください');
    expect(flyer.text).not.toContain('1,111');
    expect(problems).toEqual([]);
    await close();
  });

  test('送付状, チラシ and FAX問い合わせ票 for one clinic: one PDF whose cover counts its pages, recorded on the clinic', async () => {
    const { page, problems, close } = await openPrint();
    await chooseDocuments(page, ['FAX送付状', 'チラシ', 'FAX問い合わせ票']);
    await chooseOneClinic(page, '霧島', clinicName);
    const cover = page.getByRole('group', { name: '送付状' });
    expect(await cover.getByLabel('件名').inputValue()).toBe('医療機関用サイバー保険のご案内');
    await cover.getByLabel('通信欄').fill('先日はお電話ありがとうございました。');
    await cover.getByText('18 / 600文字').waitFor();

    const name = await makePdf(page);
    // The set holds a specimen flyer (the rate table is a sample), and its name says so.
    expect(name).toMatch(new RegExp(`^書類一式（見本）_${clinicName}_\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await expectPreview(page);
    const saved = await savePdf(page);
    const set = readPdf(saved.bytes);
    // Cover + flyer (however many pages it has) + the FAX form, each page counted on the cover.
    expect(set.pages).toBeGreaterThanOrEqual(3);
    await expectText(previewPanel(page).locator('.print-file-meta'), `${set.pages}ページ`);
    expect(set.pageTexts[0]).toContain('FAX送付状');
    expect(set.pageTexts[0]).toContain(`${set.pages}枚（本紙を含む）`);
    expect(set.pageTexts[0]).toContain(clinicName);
    expect(set.pageTexts[0]).toContain('事務長霧島花子');
    expect(set.pageTexts[0]).toContain('先日はお電話ありがとうございました。');
    expect(set.pageTexts.at(-1)).toContain(clinicName);
    // Only the flyer's pages carry its code: the cover and the agency's own reply form do not.
    expect(set.pageTexts.filter((text) => text.includes(documentCode))).toHaveLength(set.pages - 2);
    expect(set.pageTexts[0]).not.toContain('御中');
    await expectText(
      previewPanel(page).getByRole('status').filter({ hasText: '保存しました' }),
      `${saved.name} を保存しました。1件の医療機関に送付の記録を残しました。`,
    );

    // The specimen flyer was not sent: the record lists the cover and the form only.
    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('霧島');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: clinicName }).click();
    const history = page.getByRole('region', { name: clinicName }).getByRole('region', { name: '送付・印刷の記録' });
    const entry = history.getByRole('listitem').filter({ hasText: 'FAX送付状・FAX問い合わせ票' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('PDFを保存');
    expect(problems).toEqual([]);
    await close();
  });

  test('an empty 件名 is reported next to the field and no PDF is made', async () => {
    const { page, problems, close } = await openPrint();
    await chooseDocuments(page, ['FAX送付状']);
    const subject = page.getByRole('group', { name: '送付状' }).getByLabel('件名');
    await subject.fill('   ');
    await renderButton(page).click();
    await previewPanel(page).getByRole('alert').filter({ hasText: '件名を入力してください' }).waitFor();
    await page.locator('#print-cover-subject-error').filter({ hasText: '件名を入力してください' }).waitFor();
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    // The field to correct takes the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('print-cover-subject');
    expect(await previewPanel(page).getByRole('button', { name: 'PDFを保存' }).count()).toBe(0);
    await subject.fill('資料のご送付');
    expect(await page.locator('#print-cover-subject-error').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  test('saving a PDF made from a new inquiry offers 資料送付済, and accepting moves the inquiry on', async () => {
    const { page, problems, close } = await openPrint();
    await chooseDocuments(page, ['FAX送付状', 'FAX問い合わせ票']);
    await chooseOneClinic(page, '霧島', clinicName);
    const inquiry = page.getByLabel('問い合わせ（任意）');
    await expect.poll(() => inquiry.isEnabled()).toBe(true);
    await inquiry.selectOption({ index: 1 });
    await makePdf(page);
    await savePdf(page);

    const offer = previewPanel(page).getByRole('group', { name: `問い合わせ ${receiptNumber} の状況を「資料送付済」にしますか？` });
    await offer.waitFor();
    // The offer comes with the next follow-up: a week on, on a day the agency is open; 翌営業日 chosen instead.
    const weekOn = nextOpenDay(addDays(tokyoToday(), 7));
    expect(await offer.getByLabel('次回対応日', { exact: true }).inputValue()).toBe(weekOn);
    await offer.getByRole('button', { name: '翌営業日', exact: true }).click();
    const nextDay = addBusinessDays(tokyoToday(), 1);
    await offer.getByRole('button', { name: '資料送付済にする' }).click();
    await previewPanel(page)
      .getByRole('status')
      .filter({ hasText: `問い合わせ ${receiptNumber} の状況を「資料送付済」にしました。次回対応日は${Number(nextDay.slice(5, 7))}月${Number(nextDay.slice(8, 10))}日です。` })
      .waitFor();
    expect(await offer.count()).toBe(0);

    // The clinic's inquiry shows the new 状況, why it changed, and what was sent.
    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('霧島');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: clinicName }).click();
    const inquiries = page.getByRole('table', { name: 'この医療機関の問い合わせ' });
    await inquiries.getByText('資料送付済').waitFor();
    await inquiries.getByRole('button', { name: receiptNumber }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(receiptNumber) });
    await dialog.getByText('印刷の画面から資料を送付').waitFor();
    const history = dialog.getByRole('region', { name: '送付・印刷の記録' });
    const entry = history.getByRole('listitem').filter({ hasText: 'FAX送付状・FAX問い合わせ票' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`受付番号 ${receiptNumber}`);
    expect(problems).toEqual([]);
    await close();
  });

  test('a 保険料試算書 cannot be made from the sample rate table, and the button says why', async () => {
    const { inquiry } = await callPreview<{ inquiry: { id: string; receiptNumber: string } }>(app.preview, 'inquiries.create', {
      clinicId,
      receivedOn: '2026-11-24',
      channel: 'phone',
      content: '保険料を知りたい',
    });
    await callPreview(app.preview, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_no_beds', planId: 'P1' });
    const { page, problems, close } = await openPrint();
    // Never blank or in a mailing: the document cannot be ticked and says why beside it.
    const quoteSheet = page.getByRole('group', { name: '送る書類' }).getByRole('checkbox', { name: '保険料試算書', exact: true });
    expect(await quoteSheet.isDisabled()).toBe(true);
    await expectText(page.locator('#print-document-reason-quoteSheet'), /保険料試算書は医療機関ごとに1通ずつ作ります/);
    expect(await quoteSheet.getAttribute('aria-describedby')).toBe('print-document-reason-quoteSheet');

    await chooseOneClinic(page, '霧島', clinicName);
    const inquirySelect = page.getByLabel('問い合わせ（任意）');
    await expect.poll(() => inquirySelect.isEnabled()).toBe(true);
    await inquirySelect.selectOption(inquiry.id);
    // Its only saved quote is from the sample table: still not printable, and it says so; the FAX問い合わせ票 is still made.
    await expectText(page.locator('#print-document-reason-quoteSheet'), /見本の保険料表で作った試算は、試算書として印刷できません/);
    expect(await quoteSheet.isDisabled()).toBe(true);
    expect(await renderButton(page).isDisabled()).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });
});

/** Clinics of a mailing, with postal codes in the order of their names: a mailing is sorted by postal code. */
async function createMailingClinics(preview: RunningPreview, names: readonly string[]): Promise<void> {
  for (const [i, name] of names.entries()) {
    await callPreview(preview, 'clinics.create', {
      name,
      nameKana: `さくらじまいっかつ${i + 1}`,
      kind: 'clinic_no_beds',
      postalCode: `899-${String(1000 + i).padStart(4, '0')}`,
      phone: `099-200-${String(1000 + i)}`,
    });
  }
}

/** Filters the batch list, chooses every clinic that matches and checks the count it says. */
async function chooseAllMatching(page: Page, filter: string, count: number, firstName: string): Promise<void> {
  await page.getByLabel('医療機関を絞り込む').fill(filter);
  await expectText(page.locator('.print-batch-count'), count > 50 ? `該当 ${count}件（最初の50件を表示）` : `該当 ${count}件`);
  await page.getByRole('checkbox', { name: firstName, exact: true }).waitFor();
  await page.getByRole('button', { name: '該当する全件を選ぶ' }).click();
  await page.getByRole('status').filter({ hasText: `該当 ${count}件を選びました。` }).waitFor();
  await expectText(page.locator('.print-batch-selected'), `選択中：${count}件`);
}

const word = '桜島一括';
const mailingNames = (count: number) => Array.from({ length: count }, (_, i) => `${word}テスト医院${String(i + 1).padStart(3, '0')}`);

describe('印刷: a mailing to many clinics', () => {
  const names = mailingNames(100);

  beforeAll(() => createMailingClinics(app.preview, names));

  test('100 clinics chosen by a filter give one 200-page PDF, every one of them in it', async () => {
    const { page, problems, close } = await openPrint();
    await chooseDocuments(page, ['FAX送付状', 'FAX問い合わせ票']);
    await page.getByRole('radio', { name: '複数の医療機関（一括作成）' }).check();
    // The list shows the first 50; all 100 are chosen, and the mailing's last pages prove it.
    await chooseAllMatching(page, word, 100, names[0]!);
    expect(await page.getByRole('checkbox', { name: names[49]!, exact: true }).isChecked()).toBe(true);
    const name = await makePdf(page, 60_000);
    expect(name).toMatch(/^書類一式_100件_\d{4}-\d{2}-\d{2}\.pdf$/);
    await expectText(previewPanel(page).locator('.print-file-meta'), '200ページ（100件の医療機関）');
    await previewPanel(page).getByText('最初の10ページを表示しています（全200ページ）').waitFor({ timeout: 20_000 });
    const saved = await savePdf(page);
    const mailing = readPdf(saved.bytes);
    expect(mailing.pages).toBe(200);
    expect(mailing.pageTexts[0]).toContain(names[0]!);
    expect(mailing.pageTexts[198]).toContain(names[99]!);
    expect(mailing.pageTexts[199]).toContain(names[99]!);
    await previewPanel(page).getByRole('status').filter({ hasText: '100件の医療機関に送付の記録を残しました。' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});

describe('印刷: 中止 part-way through a mailing', () => {
  // A preview of its own whose jobs stop after their first step until cancelled: 中止 always
  // lands part-way, with no race against how fast sets are made.
  let held: RunningPreview;
  const names = mailingNames(25);

  beforeAll(async () => {
    held = await startPreview({ holdJobsAfterFirstStep: true });
    await createMailingClinics(held, names);
  });
  afterAll(() => held?.stop());

  test('leaves no file and offers nothing to save, and the choice can be cleared afterwards', async () => {
    const { page, problems, close } = await openPrint(held);
    let downloads = 0;
    page.on('download', () => downloads++);
    await chooseDocuments(page, ['FAX送付状', 'FAX問い合わせ票']);
    await page.getByRole('radio', { name: '複数の医療機関（一括作成）' }).check();
    await chooseAllMatching(page, word, 25, names[0]!);
    const filesDir = path.join(held.dataDir, 'tmp', 'files');
    const filesBefore = fs.readdirSync(filesDir).sort();
    await renderButton(page).click();
    // The first step is one clinic's set, so the bar moves at once; 24 clinics are not done.
    await page.locator('.job-progress-text', { hasText: /^1 \/ 25 件$/ }).waitFor();
    await page.getByRole('button', { name: '中止', exact: true }).click();
    await previewPanel(page).getByRole('status').filter({ hasText: '中止しました。ファイルは作られていません。' }).waitFor();
    expect(await previewPanel(page).getByRole('button', { name: 'PDFを保存' }).count()).toBe(0);
    expect(fs.readdirSync(filesDir).sort()).toEqual(filesBefore);
    expect(downloads).toBe(0);

    await page.getByRole('button', { name: '選択を解除' }).click();
    await expectText(page.locator('.print-batch-selected'), '選択中：0件');
    expect(problems).toEqual([]);
    await close();
  });
});
