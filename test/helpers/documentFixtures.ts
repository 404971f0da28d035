import fs from 'node:fs';
import path from 'node:path';
import { contentPackSchema, type ContentPack } from '../../shared/content/contentPackSchema.ts';
import { rateTableSchema, type RateTable } from '../../shared/content/rateTableSchema.ts';
import type { FaxSheetClinic } from '../../shared/documents/inquiryFaxSheet.ts';
import { initialAgencyTexts, type AgencyTexts } from '../../shared/domain/agencyTexts.ts';
import type { Clinic } from '../../shared/domain/clinic.ts';

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));

/** The approved flyer's pack as the app ships it. */
export const bundledPack: ContentPack = contentPackSchema.parse(readJson('resources/content/SJ24-13707.json'));
/** The bundled pack plus test wording for the quote sheet (real wording comes from the insurer). */
export const confirmedPack: ContentPack = contentPackSchema.parse(readJson('test/fixtures/confirmed-pack.json'));
/** The sample rate table the app ships with. */
export const sampleRates: RateTable = rateTableSchema.parse(readJson('resources/content/rates/SJ24-13707-sample.json'));

/** A clinic record with every field the sheets print. */
export const kirishimaClinic: FaxSheetClinic = {
  name: '霧島中央クリニック',
  nameKana: 'きりしまちゅうおうくりにっく',
  kind: 'clinic_with_beds',
  bedCount: 12,
  postalCode: '899-4332',
  address: '鹿児島県霧島市国分中央3-1',
  phone: '0995-12-3456',
  fax: '0995-12-3457',
  contactPerson: '事務長 田中',
};

/** Text with all white space removed: pdftotext breaks and spaces Japanese lines freely. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The agency's texts as staff would set them: a form number and the solicitation statement. */
export const agencyTexts: AgencyTexts = (() => {
  const texts = initialAgencyTexts();
  texts.formNumber = { key: 'formNumber', value: 'KMC-FAX-2026-01', version: 2, updatedAt: '2026-11-01T00:00:00.000Z' };
  texts.solicitationCapacity = {
    key: 'solicitationCapacity',
    value: '当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。',
    version: 1,
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  return texts;
})();

/** The sample table as if the insurer had confirmed it: the figures a complete flyer prints. */
export const officialRates: RateTable = {
  ...sampleRates,
  status: 'confirmed',
  version: '2026年度 テスト正式',
  title: '月額保険料',
  plans: sampleRates.plans.map((plan, i) => ({ ...plan, name: `テストプラン${'ABC'[i] ?? i}` })),
};

/** A clinic record as the print centre passes it, for documents built from a whole record. */
export const kirishimaRecord: Clinic = {
  ...kirishimaClinic,
  id: '0190a000-0000-7000-8000-0000000000f1',
  noMailing: false,
  noMailingReason: '',
  memberNumber: '',
  memo: '',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedByMachine: 'test-pc',
  mergedInto: null,
  municipality: '霧島市',
  archivedAt: null,
  revision: 1,
};
