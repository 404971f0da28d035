import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInquiryFaxSheet } from '../../shared/documents/inquiryFaxSheet.ts';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { GlyphCoverage } from '../../electron/core/pdf/glyphFallback.ts';
import { greyPixels, inkNearEdges, pdfFonts, pdfInfo, pdfText, rasterise } from '../helpers/pdfTools.ts';
import { bundledPack, kirishimaClinic, agencyTexts } from '../helpers/documentFixtures.ts';

const pack = bundledPack;
const clinic = kirishimaClinic;

describe('FAX inquiry sheet', () => {
  it('is exactly one A4 page with its fonts embedded', async () => {
    for (const pdf of [await renderPdf(buildInquiryFaxSheet(pack, agencyTexts)), await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic, receiptNumber: 'A-2026-0001' }))]) {
      expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: '595.28 x 841.89 pts (A4)' });
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
    }
  });

  it("carries the agency's FAX number, the consent sentence and the agency's own form number, not the flyer's code", async () => {
    const text = pdfText(await renderPdf(buildInquiryFaxSheet(pack, agencyTexts))).replace(/\s+/g, '');
    expect(text).toContain('FAX099-257-1816');
    expect(text).toContain('鹿児島県医師協同組合');
    expect(text).toContain('様式番号：KMC-FAX-2026-01');
    expect(text).not.toContain(pack.document.code);
    expect(text).toContain(pack.consent.replace(/\s+/g, ''));
  });

  it("is pre-filled from a clinic record with the 受付番号", async () => {
    const text = pdfText(await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic, receiptNumber: 'A-2026-0001' }))).replace(/\s+/g, '');
    for (const expected of [clinic.name, clinic.address, clinic.phone, 'A-2026-0001', '事務長田中']) expect(text).toContain(expected.replace(/\s+/g, ''));
  });

  it('is pure black on white, with nothing printed within 10 mm of an edge', async () => {
    const page = rasterise(await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic })), { dpiX: 100, dpiY: 100 });
    expect(greyPixels(page)).toBe(0);
    expect(inkNearEdges(page, 10)).toBe(0);
  });
});

describe('rare kanji in names', () => {
  it('print 髙, 﨑, 𠮷 and ㈱ with real glyphs: 𠮷, which the BIZ UD fonts lack, comes from the embedded fallback font', async () => {
    const name = '医療法人𠮷田会 髙橋・山﨑クリニック㈱';
    const pdf = await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic: { ...clinic, name } }));
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(name.replace(/\s+/g, ''));
    const fonts = pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]+\+/, ''));
    expect(fonts).toContain('NotoSansJP-Regular');
    // Every character of the name has a glyph in the font it is set in.
    const coverage = new GlyphCoverage(path.resolve('resources/fonts/BIZUDGothic-Regular.ttf'));
    const fallback = new GlyphCoverage(path.resolve('resources/fonts/NotoSansJP-Regular.ttf'));
    for (const char of name) {
      const code = char.codePointAt(0)!;
      expect(coverage.covers(code) || fallback.covers(code), `no glyph for ${char}`).toBe(true);
    }
    expect(coverage.covers('𠮷'.codePointAt(0)!)).toBe(false);
  });

  it('uses no fallback font when the name needs none', async () => {
    const pdf = await renderPdf(buildInquiryFaxSheet(pack, agencyTexts, { clinic }));
    expect(pdfFonts(pdf).some((f) => f.name.includes('NotoSansJP'))).toBe(false);
  });
});

describe('after a standard-mode FAX (200×100 dpi, black and white)', () => {
  it('keeps every ruled line and the table borders continuous', async () => {
    const page = rasterise(await renderPdf(buildInquiryFaxSheet(pack, agencyTexts)), { dpiX: 200, dpiY: 100, mono: true });
    const dark = (x: number, y: number) => page.pixels[y * page.width + x] === 0;
    const left = Math.round((15 / 25.4) * page.dpiX);
    const right = page.width - left;
    // Horizontal rules: rows dark across the whole text width (table rules and writing lines).
    const ruleRows: number[] = [];
    for (let y = 0; y < page.height; y++) {
      let run = 0;
      let longest = 0;
      for (let x = left; x < right; x++) {
        run = dark(x, y) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      if (longest >= (right - left) * 0.97) ruleRows.push(y);
    }
    // Distinct lines (a 1.2 pt rule may cover two scan lines at 100 dpi).
    const lines = ruleRows.filter((y, i) => i === 0 || y - ruleRows[i - 1]! > 1);
    // 12 table rules (11 rows) + 4 writing lines, and the heavy FAX number box (2).
    expect(lines.length).toBeGreaterThanOrEqual(16);

    // Vertical borders of the form table: columns dark from its first rule to its last.
    const top = lines[2]!;
    const bottom = lines[13]!;
    const continuousColumns: number[] = [];
    for (let x = left - 4; x < right + 4; x++) {
      let all = true;
      for (let y = top; y <= bottom; y++) if (!dark(x, y)) all = false;
      if (all) continuousColumns.push(x);
    }
    const borders = continuousColumns.filter((x, i) => i === 0 || x - continuousColumns[i - 1]! > 1);
    expect(borders.length).toBe(3);
  });
});
