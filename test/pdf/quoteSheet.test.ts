import { describe, expect, it } from 'vitest';
import { initialAgencyTexts, type AgencyTexts } from '../../shared/domain/agencyTexts.ts';
import { buildQuoteSheet, quoteSheetProblem, type QuoteSheetOptions, type QuoteSnapshot } from '../../shared/documents/quoteSheet.ts';
import { agencyTextVersionsOf, untracedTexts } from '../../shared/documents/tracedTexts.ts';
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
  tableAnnualYen: 145000,
  liabilityLimitYen: 100_000_000,
  responseCostLimitYen: 10_000_000,
  validUntil: '2027-03-31',
  conditions: sample.conditions,
  tableVersion: '2026年度 テスト正式',
  sample: false,
};
/** A quote from a table that states only monthly figures: no annual figure, limit or 有効期限. */
const { tableAnnualYen: _a, liabilityLimitYen: _l, responseCostLimitYen: _r, validUntil: _v, ...monthlyOnly } = confirmed;

const capacity = '当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。';
const agencyTexts: AgencyTexts = { ...initialAgencyTexts(), solicitationCapacity: { key: 'solicitationCapacity', value: capacity, version: 3, updatedAt: '2026-11-01T00:00:00.000Z' } };

const options: QuoteSheetOptions = {
  sheet: pack.quoteSheet!,
  quote: confirmed,
  clinic: { name: '霧島中央クリニック', kind: 'clinic_with_beds', bedCount: 12, postalCode: '899-4332', address: '鹿児島県霧島市国分中央３－１', person: '鈴木 一郎' },
  agencyTexts,
  receiptNumber: 'A-2026-0001',
  quotedOn: '2026年11月20日',
  validUntil: '2027年3月31日',
  issuedOn: '2026年11月24日',
  staffName: '窓口 花子',
};

/** What the sheet prints for a text typed in full-width digits: one width, half. */
const halfDigits = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
/** The 宛名 as its lines: the agency's block stands beside it, so its lines are read from the left column. */
const addresseeOf = (pdf: Buffer) =>
  pdfText(pdf)
    .split('\n')
    .map((line) => line.split(/\s{3,}/)[0]!.trim())
    .filter(Boolean);

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

  it('addresses the clinic and its person as a letter does (〒, address, clinic, person 様, no 御中) and shows the inputs, figures, limits, 有効期限, conditions, table version, notice, capacity and agency', async () => {
    const text = squeeze(pdfText(await render()));
    for (const expected of [
      '保険料試算書',
      '〒899-4332',
      '鹿児島県霧島市国分中央3-1',
      '作成日：2026年11月24日',
      '受付番号：A-2026-0001',
      '有床診療所',
      '12床',
      'テストプランA',
      '月額保険料12,345円',
      '年間保険料145,000円',
      '損害賠償100,000,000円',
      '事故対応特別費用10,000,000円',
      '試算日2026年11月20日',
      '（有効期限：2027年3月31日）',
      ...sample.conditions.map(halfDigits),
      '2026年度テスト正式',
      squeeze(pack.quoteSheet!.notice),
      capacity,
      pack.contacts.agency.organization,
      'FAX099-257-1816',
      'TEL099-254-8126',
      '〒890-0053',
      '鹿児島市中央町8-1医師会館内',
      squeeze(`${pack.contacts.agency.hours}（${pack.contacts.agency.closedDays}）`),
      '窓口花子',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('御中');
  });

  it('puts 様 after the person on the line below the clinic, and the 〒 before the address', async () => {
    const lines = addresseeOf(await render());
    const at = lines.indexOf('霧島中央クリニック');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('鈴木 一郎 様');
    expect(lines.slice(0, at)).toContain('〒899-4332 鹿児島県霧島市国分中央3-1');
  });

  it('addresses a clinic with no person on record 御中', async () => {
    const text = squeeze(pdfText(await render({ clinic: { ...options.clinic, person: '' } })));
    expect(addresseeOf(await render({ clinic: { ...options.clinic, person: '' } }))).toContain('霧島中央クリニック 御中');
    expect(text).not.toContain('様');
  });

  it('writes every digit in one width, whatever width the record and the pack typed them in', async () => {
    const text = pdfText(await render());
    expect(text).not.toMatch(/[０-９]/);
  });

  it('prints the code of its own approved wording, never the flyer’s; none when the pack gives none', async () => {
    const withCode = squeeze(pdfText(await render({ sheet: { ...options.sheet, code: 'SJ26-01234 2026年4月1日作成' } })));
    expect(withCode).toContain('（SJ26-012342026年4月1日作成）');
    const without = squeeze(pdfText(await render()));
    expect(without).not.toContain(pack.document.code);
    expect(without).not.toContain(pack.document.createdLabel);
    expect(withCode).not.toContain(pack.document.code);
  });

  it('prints no yen amount but the figures and limits the quote carries', async () => {
    const amounts = squeeze(pdfText(await render())).match(/[\d,]+円/g);
    expect(amounts?.sort()).toEqual(['12,345円', '145,000円', '100,000,000円', '10,000,000円'].sort());
  });

  it('from a table that states only monthly figures, prints the monthly figure alone: no annual figure, limit or 有効期限 of its own making', async () => {
    const text = squeeze(pdfText(await render({ quote: monthlyOnly, validUntil: undefined })));
    expect(text.match(/[\d,]+円/g)).toEqual(['12,345円']);
    for (const absent of ['年間', '支払限度額', '有効期限', '×12']) expect(text).not.toContain(absent);
  });

  it('leaves out what it was not given: beds, 受付番号 and 担当', async () => {
    const text = squeeze(pdfText(await render({ clinic: { ...options.clinic, bedCount: null }, receiptNumber: '', staffName: undefined })));
    expect(text).not.toContain('病床数');
    expect(text).not.toContain('受付番号');
    expect(text).not.toContain('担当');
    expect(text).toContain('12,345円');
  });

  it('says where every text comes from, and records the version of the agency text it printed', () => {
    for (const variant of [options, { ...options, quote: monthlyOnly, validUntil: undefined }, { ...options, clinic: { ...options.clinic, person: null, postalCode: '' } }]) {
      expect(untracedTexts(buildQuoteSheet(pack, variant))).toEqual([]);
    }
    expect(agencyTextVersionsOf([buildQuoteSheet(pack, options)])).toEqual({ solicitationCapacity: 3 });
  });

  it('is caught by the provenance check when a text without an origin slips in', () => {
    const definition = buildQuoteSheet(pack, options);
    // What a builder handing pdfmake a plain string would produce.
    (definition.content as unknown[]).push({ text: '保険料はお問い合わせください' });
    expect(untracedTexts(definition).map((t) => t.text)).toEqual(['保険料はお問い合わせください']);
  });

  it('stays on one page with the longest wording a pack may hold: an 18-character title, a 250-character notice, and 8 conditions', async () => {
    const title = '医療機関用サイバー保険 保険料試算書';
    expect([...title]).toHaveLength(18);
    const notice = '本書は概算です。詳しくはパンフレット・重要事項説明書をご確認ください。'.repeat(7).slice(0, 250);
    const conditions = Array.from({ length: 8 }, (_, i) => `条件${i + 1}：保険期間１年・団体割引15%`);
    const pdf = await render({
      sheet: { ...options.sheet, title, notice, code: 'SJ26-01234 2026年12月31日作成' },
      quote: { ...confirmed, conditions, planName: 'プラン'.repeat(20) },
      agencyTexts: { ...agencyTexts, solicitationCapacity: { ...agencyTexts.solicitationCapacity, value: `${capacity}`.repeat(5).slice(0, 200) } },
      clinic: { ...options.clinic, name: '医療法人社団恵愛会霧島中央記念クリニック'.repeat(4), address: '鹿児島県霧島市国分中央三丁目一番地'.repeat(4), person: '事務長 鈴木一郎'.repeat(6) },
    });
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = squeeze(pdfText(pdf));
    for (const expected of [...conditions.map(halfDigits), squeeze(title), notice]) expect(text).toContain(expected);
  });

  it('is pure black on white, with nothing printed within 10 mm of an edge', async () => {
    const page = rasterise(await render(), { dpiX: 100, dpiY: 100 });
    expect(greyPixels(page)).toBe(0);
    expect(inkNearEdges(page, 10)).toBe(0);
  });

  it('prints 髙, 﨑, 𠮷 and ㈱ in the clinic name as typed', async () => {
    const name = '医療法人𠮷田会 髙橋・山﨑クリニック㈱';
    const pdf = await render({ clinic: { ...options.clinic, name } });
    expect(addresseeOf(pdf).map(squeeze).join('')).toContain(`${squeeze(name)}鈴木一郎様`);
    expect(pdfFonts(pdf).some((f) => f.name.endsWith('NotoSansJP-Bold'))).toBe(true);
  });

  it('keeps 御中 and 様 whole when a name is too long for its box, cutting the name with 「…」 instead', async () => {
    const long = '医療法人社団恵愛会霧島中央記念クリニック'.repeat(8);
    expect(addresseeOf(await render({ clinic: { ...options.clinic, name: long, person: undefined } })).join('\n')).toMatch(/… 御中$/m);
    expect(addresseeOf(await render({ clinic: { ...options.clinic, person: '事務長'.repeat(30) } })).join('\n')).toMatch(/… 様$/m);
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

  it('cannot while the agency has not said for whom and as what it solicits, naming 設定; the builder refuses it too', () => {
    const unset = initialAgencyTexts();
    const message = '募集の立場（保険会社名と代理・媒介の別）が未設定のため、試算書は作れません。設定 → 代理店の文言 で「募集の立場」を入力してください。';
    expect(quoteSheetProblem(pack, confirmed, undefined, unset)).toBe(message);
    expect(quoteSheetProblem(pack, confirmed, undefined, agencyTexts)).toBeNull();
    expect(() => buildQuoteSheet(pack, { ...options, agencyTexts: unset })).toThrow(message);
  });

  it('a pack without the insurer-approved wording cannot', () => {
    expect(quoteSheetProblem(bundled, confirmed)).toBe(
      '現在の内容パックに試算書用の注意書き（保険会社の承認済みの文言）がないため、試算書は作れません。承認済みの内容パックを 設定 → 内容の更新 で取り込んでください。',
    );
  });
});
