import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildFlyer } from '../../shared/documents/flyer.ts';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { pdfFonts, pdfInfo, pdfText } from '../helpers/pdfTools.ts';
import { bundledPack, officialRates, sampleRates, squeeze } from '../helpers/documentFixtures.ts';

const pack = bundledPack;
const sample = sampleRates;

function pageTexts(pdf: Buffer, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => squeeze(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-', '-'], { input: pdf }).toString('utf8')));
}

describe('flyer', () => {
  it('is A4 with its fonts embedded and the document code and date on every page', async () => {
    const pdf = await renderPdf(buildFlyer(pack, sample));
    const info = pdfInfo(pdf);
    expect(info.pageSize).toBe('595.28 x 841.89 pts (A4)');
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    for (const text of pageTexts(pdf, info.pages)) expect(text).toContain('SJ24-137072025年1月16日作成');
  });

  it('carries every part of the approved flyer: attack types, impacts, case amounts, contacts, consent and summary note', async () => {
    const text = squeeze(pdfText(await renderPdf(buildFlyer(pack, sample))));
    for (const expected of [
      ...pack.attackTypes,
      ...pack.impacts,
      ...pack.incidentCase.items.map((i) => i.amountLabel),
      pack.groupDiscount.display,
      pack.premium.askAgencyNote,
      pack.contacts.agency.fax,
      pack.contacts.insurer.phone,
      pack.consent,
      pack.summaryNote,
    ]) {
      expect(text).toContain(squeeze(expected));
    }
  });

  it('is only a specimen while the rate table is a sample: 見本 on every page, no premium figure, no sentence of its own about the premium', async () => {
    const pdf = await renderPdf(buildFlyer(pack, sample));
    for (const page of pageTexts(pdf, pdfInfo(pdf).pages)) expect(page).toContain('見本');
    const text = squeeze(pdfText(pdf));
    expect(text).not.toContain('保険料はお問い合わせください');
    for (const kind of Object.values(sample.monthlyPremiums)) {
      for (const yen of Object.values(kind)) expect(text).not.toContain(`${yen.toLocaleString('ja-JP')}円`);
    }
    // Any other yen amount is one the flyer itself states (the 500円 voucher of its case).
    const flyerWords = squeeze(JSON.stringify(pack));
    for (const amount of text.match(/[\d,]+円/g) ?? []) expect(flyerWords).toContain(amount);
  });

  it('prints the figures of a confirmed table', async () => {
    const text = squeeze(pdfText(await renderPdf(buildFlyer(pack, officialRates))));
    expect(text).toContain('1,111円');
    expect(text).not.toContain('見本');
  });
});
