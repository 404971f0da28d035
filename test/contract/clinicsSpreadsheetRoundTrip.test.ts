import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { call, downloadFile, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';
import { clinicRows, exportCsv, importCsv, previewImport } from '../helpers/importJobs.ts';
import { openAndSaveInSpreadsheet, soffice } from '../helpers/spreadsheetRoundTrip.ts';

/** 100 clinics as `npm run seed` writes them, and a few that real lists hold. */
async function hundredClinics(): Promise<TestHost> {
  const t = await startTestHost();
  const db = openDatabase(t.core.dbPath);
  createClinics(db, generateClinics(96).map((fields) => ({ fields })), { machineId: 'seed' });
  db.close();
  await call(t, 'clinics.create', { name: '𠮷田内科医院', memberNumber: '000099', postalCode: '060-0001', phone: '099-222-3333', memo: '受付は9時〜12時' });
  await call(t, 'clinics.create', { name: '=1+1医院', nameKana: 'ｲｺｰﾙｲｲﾝ', memo: '2行の\nメモ', kind: 'clinic_with_beds', bedCount: 5, memberNumber: '0012' });
  // 送付不要 with a reason Shift_JIS cannot write all of: the mark and the reason come back as stored.
  await call(t, 'clinics.create', { name: '森鷗外記念病院', kind: 'hospital', bedCount: 120, contactPerson: '事務長 𠮷野', fax: '0995-45-6789', noMailing: true, noMailingReason: '事務長𠮷野様より辞退' });
  await call(t, 'clinics.create', { name: '髙﨑ﾚﾃﾞｨｰｽｸﾘﾆｯｸ', memberNumber: '2026', memo: ' 先頭に空白' });
  return t;
}

describe.skipIf(!soffice)('an export opened and saved in a spreadsheet comes back unharmed', () => {
  const cases = [
    { exported: 'utf8bom', read: 'utf8', saved: 'shift_jis', why: 'UTF-8 export saved as Excel saves 「CSV（コンマ区切り）」' },
    { exported: 'utf8bom', read: 'utf8', saved: 'utf8', why: 'UTF-8 export saved as 「CSV UTF-8」' },
    { exported: 'shift_jis', read: 'shift_jis', saved: 'shift_jis', why: 'Shift_JIS export with 〓, saved as CSV' },
  ] as const;
  for (const { exported, read, saved, why } of cases) {
    it(`imported back with 今の内容を更新する, changes nothing (${why})`, async () => {
      const t = await hundredClinics();
      const before = clinicRows(t);
      const result = await exportCsv(t, 'clinics.exportCsv', { encoding: exported, unencodable: 'replace' });
      const spreadsheet = await openAndSaveInSpreadsheet(await downloadFile(t, result.file!.fileId), read, saved);
      const text = saved === 'shift_jis' ? iconv.decode(spreadsheet, 'cp932') : spreadsheet.toString('utf8');
      // The spreadsheet did what Excel does: the round trip is only a test if it harmed the file.
      expect(text).toContain(',99,');
      expect(text).not.toContain('000099');
      expect(text).toMatch(/,送付不要,事務長(?:[?〓]+|𠮷)野様より辞退,/);
      if (saved === 'shift_jis') expect(text).toMatch(/[?〓]田内科医院/);

      const fileId = await uploadFile(t, 'saved.csv', spreadsheet);
      const seen = await previewImport(t, fileId, { onMatch: 'update' });
      expect(seen).toMatchObject({ rowCount: 100, willImport: 0, willUpdate: 0, unchanged: 100, rejected: 0, matches: { byId: 100 } });
      // What the spreadsheet did is listed on its row, and the stored value stays.
      expect(seen.changes).toEqual(
        expect.arrayContaining([
          { row: expect.any(Number), clinic: expect.stringMatching(/^[?〓]田内科医院$|^𠮷田内科医院$/), field: '会員番号', message: expect.stringContaining('「000099」のままにします') },
          { row: expect.any(Number), clinic: '=1+1医院', field: '会員番号', message: expect.stringContaining('「0012」のままにします') },
        ]),
      );
      if (saved === 'shift_jis') {
        expect(seen.changes).toContainEqual({ row: expect.any(Number), clinic: expect.any(String), field: '医療機関名', message: expect.stringContaining('「𠮷田内科医院」のままにします') });
      }
      expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ imported: 0, updated: 0, unchanged: 100, rejected: 0 });
      expect(clinicRows(t)).toEqual(before);
    });
  }
});
