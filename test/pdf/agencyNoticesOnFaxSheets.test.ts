import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { agencyTextDefinitions, type AgencyTexts } from '../../shared/domain/agencyTexts.ts';
import { buildFaxCoverSheet } from '../../shared/documents/faxCoverSheet.ts';
import { buildInquiryFaxSheet } from '../../shared/documents/inquiryFaxSheet.ts';
import { tracedTexts } from '../../shared/documents/tracedTexts.ts';
import { agencyTexts, bundledPack as pack } from '../helpers/documentFixtures.ts';
import { pdfInfo, pdfText } from '../helpers/pdfTools.ts';

const flat = (text: string) => text.replace(/\s+/g, '');

/** The texts at their longest: what staff may save in 設定 at most. */
function longest(): AgencyTexts {
  const fill = (key: 'purposeOfUse' | 'misdirectedFaxNotice', head: string) => (head + 'あいうえおかきくけこ'.repeat(20)).slice(0, agencyTextDefinitions[key].maxChars);
  return {
    ...agencyTexts,
    purposeOfUse: { key: 'purposeOfUse', value: fill('purposeOfUse', '【利用目的】'), version: 3, updatedAt: '2026-12-01T00:00:00Z' },
    misdirectedFaxNotice: { key: 'misdirectedFaxNotice', value: fill('misdirectedFaxNotice', '【誤送信】'), version: 2, updatedAt: '2026-12-01T00:00:00Z' },
    faxSheetNotice: { key: 'faxSheetNotice', value: 'お'.repeat(agencyTextDefinitions.faxSheetNotice.maxChars), version: 1, updatedAt: '2026-12-01T00:00:00Z' },
  };
}

const clinic = {
  name: '医療法人社団 霧島中央クリニック', nameKana: 'キリシマチュウオウクリニック', kind: 'clinic_with_beds' as const, bedCount: 19,
  postalCode: '899-4301', address: '鹿児島県霧島市国分中央1-2-3', phone: '0995-12-3456', fax: '0995-12-3457', contactPerson: '事務長 田中',
};

describe('the agency’s purpose of use and misdirected-FAX notice on the FAX sheets', () => {
  it('the FAX問い合わせ票 states the agency’s purpose of use, as an agency text, and stays one page', async () => {
    const definition = buildInquiryFaxSheet(pack, agencyTexts, { clinic, receiptNumber: 'A-2026-0001', sentOn: '2026年12月4日' });
    const pdf = await renderPdf(definition);
    expect(pdfInfo(pdf).pages).toBe(1);
    expect(flat(pdfText(pdf))).toContain(flat(agencyTexts.purposeOfUse.value!));
    const traced = tracedTexts(definition).filter((t) => t.origin?.from === 'agency' && t.origin.key === 'purposeOfUse');
    expect(traced.map((t) => t.text).join('')).toBe(agencyTexts.purposeOfUse.value);
  });

  it('the FAX送付状 carries the misdirected-FAX notice, as an agency text, and stays one page', async () => {
    const definition = buildFaxCoverSheet(pack, agencyTexts, { sentOn: '2026年12月4日', recipient: { organization: '霧島中央クリニック', fax: '0995-12-3457' }, subject: 'ご案内', pages: 2, message: 'ご依頼の資料です。\n'.repeat(12) });
    const pdf = await renderPdf(definition);
    expect(pdfInfo(pdf).pages).toBe(1);
    expect(flat(pdfText(pdf))).toContain(flat(agencyTexts.misdirectedFaxNotice.value!));
    const traced = tracedTexts(definition).filter((t) => t.origin?.from === 'agency' && t.origin.key === 'misdirectedFaxNotice');
    expect(traced.map((t) => t.text).join('')).toBe(agencyTexts.misdirectedFaxNotice.value);
  });

  it('texts of the longest length allowed print whole, at FAX size or larger, on one page each', async () => {
    const texts = longest();
    const sheet = buildInquiryFaxSheet(pack, texts, { clinic });
    const cover = buildFaxCoverSheet(pack, texts, { sentOn: '2026年12月4日', recipient: { organization: '霧島中央クリニック', fax: '' }, subject: 'ご案内', pages: 1, message: 'あ'.repeat(600) });
    for (const [definition, key] of [[sheet, 'purposeOfUse'], [cover, 'misdirectedFaxNotice']] as const) {
      const pdf = await renderPdf(definition);
      expect(pdfInfo(pdf).pages).toBe(1);
      expect(flat(pdfText(pdf))).toContain(texts[key].value);
      const runs = tracedTexts(definition).filter((t) => t.origin?.from === 'agency' && t.origin.key === key);
      expect(runs.length).toBeGreaterThan(0);
    }
  });

  it('an emptied misdirected-FAX notice is not printed', async () => {
    const texts: AgencyTexts = { ...agencyTexts, misdirectedFaxNotice: { key: 'misdirectedFaxNotice', value: '', version: 1, updatedAt: '2026-12-01T00:00:00Z' } };
    const pdf = await renderPdf(buildFaxCoverSheet(pack, texts, { sentOn: '2026年12月4日', recipient: { organization: '霧島中央クリニック', fax: '' }, subject: 'ご案内', pages: 1 }));
    expect(flat(pdfText(pdf))).not.toContain('誤送信');
  });
});
