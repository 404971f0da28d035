import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pdfInfo, pdfText } from '../../helpers/pdfTools.ts';
import { expectText } from './screens.ts';

/** The documents of the 印刷 screen, in the order they are listed (and put in the envelope). */
export const documentLabels = ['FAX送付状', '保険料試算書', 'チラシ', '意向確認書', 'FAX問い合わせ票'] as const;
export type DocumentLabel = (typeof documentLabels)[number];

/** Ticks exactly these documents under 「送る書類」. */
export async function chooseDocuments(page: Page, chosen: readonly DocumentLabel[]): Promise<void> {
  const group = page.getByRole('group', { name: '送る書類' });
  for (const label of documentLabels) await group.getByRole('checkbox', { name: label, exact: true }).setChecked(chosen.includes(label));
}

/** Chooses 宛先 → 「医療機関を1件選ぶ」 and picks the clinic by typing part of its name. */
export async function chooseOneClinic(page: Page, query: string, name: string): Promise<void> {
  await page.getByRole('group', { name: '宛先' }).getByRole('radio', { name: '医療機関を1件選ぶ' }).check();
  await page.getByRole('combobox', { name: '医療機関', exact: true }).fill(query);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByRole('group', { name: '医療機関' }).getByText(name, { exact: true }).waitFor();
}

/** Clicks 「PDFを作成」 and waits until the preview panel names the made file; returns its name. */
export async function makePdf(page: Page, timeout = 30_000): Promise<string> {
  await page.getByRole('button', { name: 'PDFを作成', exact: true }).click();
  const name = page.getByRole('region', { name: 'プレビュー' }).locator('.print-file-name');
  await expectText(name, /\.pdf$/, timeout);
  return ((await name.textContent()) ?? '').trim();
}

/** Clicks 「PDFを保存」 and returns the download's suggested name and its bytes. */
export async function savePdf(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDFを保存', exact: true }).click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** Waits for the preview canvas and checks that the page was really drawn (inked pixels). */
export async function expectPreview(page: Page): Promise<void> {
  const canvas = page.locator('canvas.print-preview-page').first();
  await canvas.waitFor({ timeout: 20_000 });
  await page.locator('.print-preview-pages[data-state="drawn"]').waitFor({ timeout: 20_000 });
  const inked = await canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return 0;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) count++;
    }
    return count;
  });
  expect(inked).toBeGreaterThan(1000);
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A saved PDF read back: page count, page size, and each page's text without whitespace. */
export function readPdf(bytes: Buffer): { pages: number; pageSize: string; pageTexts: string[]; text: string } {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pages, pageSize } = pdfInfo(bytes);
  // pdftotext ends every page with a form feed.
  const pageTexts = pdfText(bytes).split('\f').slice(0, pages).map(squeeze);
  return { pages, pageSize, pageTexts, text: pageTexts.join('') };
}

export const a4 = '595.28 x 841.89 pts (A4)';
