import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { chooseStaffInPreview, contentRequest } from './support/contentImport.ts';
import { downloadFromPreview, uploadToPreview } from './support/previewFiles.ts';
import { a4, chooseDocuments, chooseOneClinic, expectPreview, makePdf, readPdf, savePdf } from './support/printScreen.ts';
import { expectText } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

// An app of its own: the confirmed rate table and the pack with quote-sheet wording installed
// here must not change what the other print tests see.
const app = useCounterApp();

const notice = '本書は概算です。詳しくはパンフレット・重要事項説明書をご確認ください。';
const tableVersion = '2026年度 正式（テスト）';
const clinicName = '姶良みらい内科クリニック';
const capacity = '当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。';

interface SavedQuote {
  id: string;
  snapshot: { planName: string; monthlyYen: number; liabilityLimitYen?: number; responseCostLimitYen?: number; tableVersion: string; sample: boolean };
}

let receiptNumber = '';
let quote: SavedQuote;

/** Installs content the way 設定 → 内容の更新 does: upload, look at the preview, accept. */
async function installContent(name: string, bytes: Buffer | string, version = ''): Promise<void> {
  const fileId = await uploadToPreview(app.preview, name, bytes);
  if (version !== '') await chooseStaffInPreview(app.preview);
  const preview = await callPreview<{ problems: unknown[] }>(app.preview, 'content.previewImport', contentRequest(fileId, version));
  expect(preview.problems).toEqual([]);
  await callPreview(app.preview, 'content.acceptImport', contentRequest(fileId, version));
}

beforeAll(async () => {
  // The bundled pack plus the insurer-approved quote-sheet wording (same creation date: an
  // installed pack wins a tie with the bundled one).
  const pack = JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as Record<string, unknown>;
  await installContent('SJ24-13707-quote.json', JSON.stringify({ ...pack, quoteSheet: { title: '保険料試算書', notice } }));

  // An official rate table, filled into the app's own template as the agency does in Excel.
  const template = await callPreview<{ fileId: string }>(app.preview, 'content.rateTemplate', {});
  const lines = iconv.decode(await downloadFromPreview(app.preview, template.fileId), 'cp932').split('\r\n');
  // Plan names, monthly figures and both 支払限度額 typed; no annual figure and no 有効期限, as this insurer's table states none.
  const filled = lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const [kind, plan] = line.split(',');
      return [kind, plan, `テストプラン${plan!.slice(1)}`, 12_000 + i * 1_111, '', `${plan!.slice(1)}億円`, `${plan!.slice(1)}000万円`, ''].join(',');
    })
    .join('\r\n');
  await installContent('保険料表.csv', iconv.encode(filled, 'cp932'), tableVersion);
  const content = await callPreview<{ rates: { status: string }; pack: { quoteSheet?: unknown } }>(app.preview, 'content.get', {});
  expect(content.rates.status).toBe('confirmed');
  expect(content.pack.quoteSheet).toBeDefined();

  // 保険業法294条3項: no quote sheet until the agency has said for whom and as what it solicits (設定).
  await callPreview(app.preview, 'settings.updateAgencyText', { key: 'solicitationCapacity', value: capacity, expectedVersion: 0 });

  const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', {
    name: clinicName,
    nameKana: 'あいらみらいないかくりにっく',
    kind: 'clinic_with_beds',
    bedCount: 12,
    postalCode: '899-5431',
    address: '鹿児島県姶良市東餅田1-1',
    contactPerson: '鈴木 一郎',
    phone: '0995-65-0000',
    fax: '0995-65-0001',
  });
  const { inquiry } = await callPreview<{ inquiry: { id: string; receiptNumber: string } }>(app.preview, 'inquiries.create', {
    clinicId: clinic.id,
    receivedOn: '2026-11-24',
    channel: 'phone',
    content: '保険料の試算を希望',
  });
  receiptNumber = inquiry.receiptNumber;
  await callPreview(app.preview, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_with_beds', planId: 'P1' });
  quote = await callPreview<SavedQuote>(app.preview, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_with_beds', planId: 'P2' });
  expect(quote.snapshot).toMatchObject({ sample: false, tableVersion });
});

const yen = (amount: number) => `${amount.toLocaleString('ja-JP')}円`;

/** Chooses the documents, the clinic, its inquiry and the saved quote of the 保険料試算書. */
async function chooseQuoteSheet(page: Page, documents: Parameters<typeof chooseDocuments>[1]): Promise<void> {
  // A 保険料試算書 can be ticked once a clinic and its inquiry with a saved quote are chosen.
  await chooseOneClinic(page, '姶良', clinicName);
  const inquiry = page.getByLabel('問い合わせ（任意）');
  await expect.poll(() => inquiry.isEnabled()).toBe(true);
  await inquiry.selectOption({ index: 1 });
  const quoteSheet = page.getByRole('group', { name: '送る書類' }).getByRole('checkbox', { name: '保険料試算書', exact: true });
  await expect.poll(() => quoteSheet.isEnabled()).toBe(true);
  await chooseDocuments(page, documents);
  const quoteSelect = page.getByLabel('試算', { exact: true });
  await expect.poll(() => quoteSelect.isEnabled()).toBe(true);
  // Newest first, and chosen already; both saved quotes can be picked.
  expect(await quoteSelect.locator('option').count()).toBe(2);
  await quoteSelect.selectOption(quote.id);
  expect(await quoteSelect.locator('option:checked').textContent()).toMatch(
    new RegExp(`^${quote.snapshot.planName}\u3000月額${yen(quote.snapshot.monthlyYen)}\u3000\\d{4}/\\d{2}/\\d{2}$`),
  );
  expect(await page.locator('#print-quote-problem').count()).toBe(0);
}

describe('印刷: 保険料試算書', () => {
  test('a saved quote of the confirmed table is printed with its figures, the approved notice and the table version', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    await chooseQuoteSheet(page, ['保険料試算書']);
    const render = page.getByRole('button', { name: 'PDFを作成', exact: true });
    expect(await render.isDisabled()).toBe(false);
    expect(await page.locator('#print-render-hint').count()).toBe(0);

    const name = await makePdf(page);
    expect(name).toMatch(new RegExp(`^保険料試算書_${clinicName}_\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await expectPreview(page);
    const sheet = readPdf((await savePdf(page)).bytes);
    expect(sheet.pages).toBe(1);
    expect(sheet.pageSize).toBe(a4);
    for (const expected of [
      '保険料試算書',
      clinicName,
      receiptNumber,
      quote.snapshot.planName,
      '鈴木 一郎 様',
      '〒899-5431',
      yen(quote.snapshot.monthlyYen),
      `損害賠償 ${yen(200_000_000)}`,
      `事故対応特別費用 ${yen(20_000_000)}`,
      notice,
      capacity,
      tableVersion,
    ]) {
      expect(sheet.text).toContain(expected.replace(/\s+/g, ''));
    }
    // No annual figure the table does not state, no 御中 beside a named person, and not the flyer's approval code.
    for (const absent of ['年間', '御中', 'SJ24-13707']) expect(sheet.text).not.toContain(absent);
    expect(sheet.text).toMatch(/作成日：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('with 送付状 and FAX問い合わせ票 the quote sheet goes second, and the cover counts three pages', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    await chooseQuoteSheet(page, ['FAX送付状', '保険料試算書', 'FAX問い合わせ票']);
    await makePdf(page);
    await expectText(page.getByRole('region', { name: 'プレビュー' }).locator('.print-file-meta'), '3ページ');
    const set = readPdf((await savePdf(page)).bytes);
    expect(set.pages).toBe(3);
    expect(set.pageTexts[0]).toContain('3枚（本紙を含む）');
    expect(set.pageTexts[1]).toContain(yen(quote.snapshot.monthlyYen));
    expect(set.pageTexts[2]).toContain(receiptNumber);

    // A quote sheet is never part of a mailing: it cannot be ticked there and says why beside it.
    await page.getByRole('radio', { name: '複数の医療機関（一括作成）' }).check();
    const quoteSheet = page.getByRole('group', { name: '送る書類' }).getByRole('checkbox', { name: '保険料試算書', exact: true });
    expect(await quoteSheet.isDisabled()).toBe(true);
    await expectText(page.locator('#print-document-reason-quoteSheet'), /白紙や一括作成には入れられません/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
