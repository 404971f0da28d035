import { describe, expect, it } from 'vitest';
import { buildQuoteSheet, quoteSheetProblem, type QuoteSheetOptions, type QuoteSnapshot } from '../../shared/documents/quoteSheet.ts';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { greyPixels, inkNearEdges, pdfFonts, pdfInfo, pdfText, rasterise } from '../helpers/pdfTools.ts';
import { bundledPack, confirmedPack, sampleRates, squeeze } from '../helpers/documentFixtures.ts';

const bundled = bundledPack;
const pack = confirmedPack;
const sample = sampleRates;

const confirmed: QuoteSnapshot = {
  kind: 'figure',
  clinicKind: 'clinic_with_beds',
  planId: 'P1',
  planName: 'テストプランA',
  monthlyYen: 12345,
  annualYen: 148140,
  conditions: sample.conditions,
  tableVersion: '2026年度 テスト正式',
  sample: false,
};

const options: QuoteSheetOptions = {
  sheet: pack.quoteSheet!,
  quote: confirmed,
  clinic: { name: '霧島中央クリニック', kind: 'clinic_with_beds', bedCount: 12, address: '鹿児島県霧島市国分中央3-1' },
  receiptNumber: 'A-2026-0001',
  quotedOn: '2026年11月20日',
  issuedOn: '2026年11月24日',
  staffName: '窓口 花子',
};

const render = (changes: Partial<QuoteSheetOptions> = {}) => renderPdf(buildQuoteSheet(pack, { ...options, ...changes }));

describe('quote sheet', () => {
  it('is tested with the bundled pack plus sheet wording, nothing else changed', () => {
    expect(pack).toEqual({ ...bundled, quoteSheet: { title: '保険料試算書', notice: '本書は概算です。詳しくはパンフレット・重要事項説明書をご確認ください。' } });
  });

  it('is exactly one A4 page with its fonts embedded', async () => {
    const pdf = await render();
    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: '595.28 x 841.89 pts (A4)' });
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('addresses the clinic 御中 and shows its inputs, both figures, every condition, the table version, the notice and the agency', async () => {
    const text = squeeze(pdfText(await render()));
    for (const expected of [
      '保険料試算書',
      '霧島中央クリニック御中',
      '鹿児島県霧島市国分中央3-1',
      '作成日：2026年11月24日',
      '受付番号：A-2026-0001',
      '有床診療所',
      '12床',
      'テストプランA',
      '12,345円',
      '148,140円',
      '2026年11月20日',
      ...sample.conditions,
      '2026年度テスト正式',
      squeeze(pack.quoteSheet!.notice),
      pack.contacts.agency.organization,
      'FAX099-257-1816',
      'TEL099-254-8126',
      '〒890-0053',
      squeeze(pack.contacts.agency.address),
      squeeze(`${pack.contacts.agency.hours}（${pack.contacts.agency.closedDays}）`),
      '窓口花子',
      'SJ24-137072025年1月16日作成',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints no yen amount but the two figures of the quote', async () => {
    const amounts = squeeze(pdfText(await render())).match(/[\d,]+円/g);
    expect(amounts?.sort()).toEqual(['12,345円', '148,140円'].sort());
  });

  it('leaves out what it was not given: beds, 受付番号 and 担当', async () => {
    const text = squeeze(pdfText(await render({ clinic: { ...options.clinic, bedCount: null }, receiptNumber: '', staffName: undefined })));
    expect(text).not.toContain('病床数');
    expect(text).not.toContain('受付番号');
    expect(text).not.toContain('担当');
    expect(text).toContain('148,140円');
  });

  it('stays on one page with the longest wording a pack may hold: an 18-character title, a 250-character notice, and 8 conditions', async () => {
    const title = '医療機関用サイバー保険 保険料試算書';
    expect([...title]).toHaveLength(18);
    const notice = '本書は概算です。詳しくはパンフレット・重要事項説明書をご確認ください。'.repeat(7).slice(0, 250);
    const conditions = Array.from({ length: 8 }, (_, i) => `条件${i + 1}：保険期間１年・団体割引15%`);
    const pdf = await render({ sheet: { ...options.sheet, title, notice }, quote: { ...confirmed, conditions } });
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = squeeze(pdfText(pdf));
    for (const expected of [...conditions, squeeze(title), notice]) expect(text).toContain(expected);
  });

  it('is pure black on white, with nothing printed within 10 mm of an edge', async () => {
    const page = rasterise(await render(), { dpiX: 100, dpiY: 100 });
    expect(greyPixels(page)).toBe(0);
    expect(inkNearEdges(page, 10)).toBe(0);
  });

  it('prints 髙, 﨑, 𠮷 and ㈱ in the clinic name as typed', async () => {
    const name = '医療法人𠮷田会 髙橋・山﨑クリニック㈱';
    const pdf = await render({ clinic: { ...options.clinic, name } });
    expect(squeeze(pdfText(pdf))).toContain(`${squeeze(name)}御中`);
    expect(pdfFonts(pdf).some((f) => f.name.endsWith('NotoSansJP-Bold'))).toBe(true);
  });

  it('keeps 御中 whole when a name is too long for its box, cutting the name with 「…」 instead', async () => {
    const text = squeeze(pdfText(await render({ clinic: { ...options.clinic, name: '医療法人社団恵愛会霧島中央記念クリニック'.repeat(8) } })));
    expect(text).toMatch(/…御中/);
  });
});

describe('whether a quote can be printed as a quote sheet', () => {
  it('a confirmed quote with approved wording can', () => {
    expect(quoteSheetProblem(pack, confirmed)).toBeNull();
  });

  it('a quote from the sample table cannot, and the builder refuses it too', () => {
    expect(quoteSheetProblem(pack, { ...confirmed, sample: true })).toBe(
      '見本の保険料表で作った試算は、試算書として印刷できません。正式な保険料表を取り込んでから、もう一度試算してください。',
    );
    expect(() => buildQuoteSheet(pack, { ...options, quote: { ...confirmed, sample: true } })).toThrow('見本の保険料表');
  });

  it('a quote made for another 種別 than the clinic has now cannot, and the builder refuses it too', () => {
    const message = 'この試算のあとで医療機関の種別が変わりました（試算：有床診療所、現在：無床診療所）。もう一度試算してください。';
    expect(quoteSheetProblem(pack, confirmed, { kind: 'clinic_no_beds' })).toBe(message);
    expect(quoteSheetProblem(pack, confirmed, { kind: 'clinic_with_beds' })).toBeNull();
    expect(() => buildQuoteSheet(pack, { ...options, clinic: { ...options.clinic, kind: 'clinic_no_beds', bedCount: 0 } })).toThrow(message);
  });

  it('a pack without the insurer-approved wording cannot', () => {
    expect(quoteSheetProblem(bundled, confirmed)).toBe(
      '現在の内容パックに試算書用の注意書き（保険会社の承認済みの文言）がないため、試算書は作れません。承認済みの内容パックを 設定 → 内容の更新 で取り込んでください。',
    );
  });
});
