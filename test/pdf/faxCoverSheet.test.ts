import { describe, expect, it } from 'vitest';
import { buildFaxCoverSheet } from '../../shared/documents/faxCoverSheet.ts';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { pdfInfo, pdfText, rasterise } from '../helpers/pdfTools.ts';
import { bundledPack, agencyTexts } from '../helpers/documentFixtures.ts';

const pack = bundledPack;

describe('FAX cover sheet', () => {
  it('addresses the named person 様 after the clinic (no 御中), with sender, subject and page count, and carries no product code', async () => {
    const pdf = await renderPdf(
      buildFaxCoverSheet(pack, agencyTexts, {
        sentOn: '2026年11月24日',
        recipient: { organization: '霧島中央クリニック', person: { name: '田中 院長', typed: true }, fax: '0995-12-3457' },
        staffName: '窓口 花子',
        subject: '医療機関用サイバー保険のご案内',
        pages: 3,
        message: 'ご依頼の資料をお送りします。\nご不明な点はお気軽にお問い合わせください。',
      }),
    );
    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: '595.28 x 841.89 pts (A4)' });
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const expected of ['FAX送付状', '霧島中央クリニック田中院長様', '0995-12-3457', '窓口花子', 'TEL099-254-8126', '3枚（本紙を含む）']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('御中');
    expect(text).not.toContain(pack.document.code);
  });

  it('addresses an organisation without a named person 御中', async () => {
    const pdf = await renderPdf(buildFaxCoverSheet(pack, agencyTexts, { sentOn: '2026年12月3日', recipient: { organization: '霧島中央クリニック', fax: '' }, subject: 'ご案内', pages: 1 }));
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('霧島中央クリニック御中');
    expect(text).not.toContain('様');
  });

  it('is pure black on white and keeps a 60-character name inside its box', async () => {
    const pdf = await renderPdf(
      buildFaxCoverSheet(pack, agencyTexts, {
        sentOn: '2026年11月24日',
        recipient: { organization: '医療法人'.repeat(15), fax: '' },
        subject: 'ご案内',
        pages: 1,
      }),
    );
    expect(pdfInfo(pdf).pages).toBe(1);
    const page = rasterise(pdf, { dpiX: 100, dpiY: 100 });
    expect(page.pixels.some((p) => p !== 0 && p !== 255)).toBe(false);
    // Nothing inked in the right margin: the long name wrapped instead of running off the page.
    const margin = Math.round((14 / 25.4) * 100);
    let inked = 0;
    for (let y = 0; y < page.height; y++) for (let x = page.width - margin; x < page.width; x++) if (page.pixels[y * page.width + x] === 0) inked++;
    expect(inked).toBe(0);
  });
});
