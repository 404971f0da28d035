import fs from 'node:fs';
import path from 'node:path';
import { contentPackSchema, type ContentPack } from '../../shared/content/contentPackSchema.ts';
import { rateTableSchema, type RateTable } from '../../shared/content/rateTableSchema.ts';
import type { FaxSheetClinic } from '../../shared/documents/inquiryFaxSheet.ts';

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
