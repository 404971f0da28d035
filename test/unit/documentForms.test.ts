import { describe, expect, it } from 'vitest';
import { addresseeParts, buildFaxCoverSheet } from '../../shared/documents/faxCoverSheet.ts';
import { buildInquiryFaxSheet } from '../../shared/documents/inquiryFaxSheet.ts';
import { tracedTexts } from '../../shared/documents/tracedTexts.ts';
import { agencyTexts, bundledPack, kirishimaClinic } from '../helpers/documentFixtures.ts';
import { fitTraced } from '../../shared/documents/fitTraced.ts';
import { labelText, recordText } from '../../shared/documents/textOrigin.ts';
import { halfWidthDigits } from '../../shared/text/halfWidthDigits.ts';
import { formatDocumentDate } from '../../shared/time/formatDocumentDate.ts';

const joined = (parts: ReturnType<typeof addresseeParts>) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('Japanese business form on the documents', () => {
  it('writes dates as 2026年12月3日, or in 和暦 when the counter prefers it', () => {
    expect(formatDocumentDate('2026-12-03')).toBe('2026年12月3日');
    expect(formatDocumentDate('2026-12-03', 'japanese')).toBe('令和8年12月3日');
    expect(formatDocumentDate('2019-05-01', 'japanese')).toBe('令和元年5月1日');
  });

  it('addresses a named person 様 after the organisation, which then takes no 御中; an organisation alone takes 御中', () => {
    expect(joined(addresseeParts('霧島中央クリニック', { name: '鈴木 一郎', typed: true }))).toBe('霧島中央クリニック\n鈴木 一郎 様');
    expect(joined(addresseeParts('霧島中央クリニック', undefined))).toBe('霧島中央クリニック 御中');
    expect(joined(addresseeParts('', { name: '鈴木 一郎', typed: false }))).toBe('鈴木 一郎 様');
  });

  it('prints figures staff typed in full width in half width, as every other figure of the document', () => {
    expect(halfWidthDigits('鹿児島市中央町８－１')).toBe('鹿児島市中央町8-1');
    expect(halfWidthDigits('０９９－２５４－８１２６')).toBe('099-254-8126');
    expect(halfWidthDigits('医師会館－別館')).toBe('医師会館－別館');
  });

  it('writes every figure of the FAX forms in one width, whatever width the record holds', () => {
    const clinic = { ...kirishimaClinic, address: '鹿児島県霧島市国分中央３－１', phone: '０９９５－１２－３４５６', postalCode: '８９９－４３３２' };
    const sheets = [
      buildInquiryFaxSheet(bundledPack, agencyTexts, { clinic, sentOn: '2026年12月3日' }),
      buildFaxCoverSheet(bundledPack, agencyTexts, { sentOn: '2026年12月3日', recipient: { organization: clinic.name, fax: '０９９５－１２－３４５７' }, subject: 'ご案内', pages: 2 }),
    ];
    for (const sheet of sheets) {
      const printed = tracedTexts(sheet).map((t) => t.text).join('');
      expect(printed).toMatch(/\d/);
      expect(printed).not.toMatch(/[０-９]/);
    }
  });

  it('keeps the origin of every piece when texts of several origins are fitted and wrapped together', () => {
    const fit = fitTraced([recordText('clinic.name', '医療法人'.repeat(6)), ' ', labelText('toOrganization')], { widthPt: 120, maxLines: 3, sizesPt: [12] });
    const pieces = fit.text.filter((p) => typeof p !== 'string');
    expect(pieces.map((p) => p.text).join('')).toBe(`${'医療法人'.repeat(6)}御中`);
    expect(pieces.at(-1)).toMatchObject({ text: '御中', origin: { from: 'label', key: 'toOrganization' } });
    expect(pieces.filter((p) => p.origin.from === 'record').length).toBeGreaterThan(1);
  });
});
