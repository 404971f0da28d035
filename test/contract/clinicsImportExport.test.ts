import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import type { JobResult } from '../../shared/contract/index.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { call, startTestHost, type TestHost, uploadFile, downloadFile } from '../helpers/testHost.ts';
import { clinicRows as snapshot, exportCsv, runSucceededJob as runJob } from '../helpers/importJobs.ts';

const rows = (text: string) => parse(text, { bom: true }) as string[][];

const filesInTransit = (t: TestHost) => fs.readdirSync(path.join(t.dataDir, 'tmp', 'files'));

describe('CSVの書き出し for Excel on Japanese Windows', () => {
  async function withAwkwardClinics() {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '霧島中央クリニック', memo: '受付は9時〜12時' });
    await call(t, 'clinics.create', { name: '𠮷田内科医院', contactPerson: '森鷗外' });
    await call(t, 'clinics.create', { name: '髙﨑眼科' });
    await call(t, 'clinics.create', { name: '=HYPERLINK("http://example.invalid","開く")' });
    return t;
  }

  it('with Shift_JIS, lists characters it cannot write with their rows and saves nothing', async () => {
    const t = await withAwkwardClinics();
    const result = await exportCsv(t, 'clinics.exportCsv', { encoding: 'shift_jis' });
    expect(result.file).toBeNull();
    expect(result.unencodable).toEqual([
      { char: '𠮷', codePoint: 'U+20BB7', rowCount: 1, rows: [{ row: 3, label: '𠮷田内科医院', field: '医療機関名' }] },
      { char: '鷗', codePoint: 'U+9DD7', rowCount: 1, rows: [{ row: 3, label: '𠮷田内科医院', field: 'ご担当者名' }] },
    ]);
    expect(filesInTransit(t)).toEqual([]);
  });

  it('with Shift_JIS and replacement, writes 〓 and says in a last column what each row had', async () => {
    const t = await withAwkwardClinics();
    const result = await exportCsv(t, 'clinics.exportCsv', { encoding: 'shift_jis', unencodable: 'replace' });
    expect(result).toMatchObject({ rows: 4, replaced: 2, file: { name: expect.stringMatching(/^医療機関一覧_\d{4}-\d{2}-\d{2}_ShiftJIS\.csv$/) } });
    const table = rows(iconv.decode(await downloadFile(t, result.file!.fileId), 'cp932'));
    expect(table[0]!.at(-1)).toBe('置き換えた文字（〓＝Shift_JISにない文字のコード）');
    expect(table[2]).toEqual(expect.arrayContaining(['〓田内科医院', '森〓外', '医療機関名：〓＝U+20BB7、ご担当者名：〓＝U+9DD7']));
    // 髙 and 﨑 are in Windows' Shift_JIS; the wave dash is written as Windows spells it.
    expect(table[3]![0]).toBe('髙﨑眼科');
    expect(table[1]).toContain('受付は9時～12時');
  });

  it('with UTF-8 and a BOM, writes every character and escapes cells Excel would run as formulas', async () => {
    const t = await withAwkwardClinics();
    const result = await exportCsv(t, 'clinics.exportCsv', { encoding: 'utf8bom' });
    expect(result).toMatchObject({ rows: 4, unencodable: [], replaced: 0 });
    const bytes = await downloadFile(t, result.file!.fileId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = rows(bytes.toString('utf8'));
    expect(table.map((r) => r[0])).toEqual(['医療機関名', '霧島中央クリニック', '𠮷田内科医院', '髙﨑眼科', `'=HYPERLINK("http://example.invalid","開く")`]);
  });

  it('exports inquiries with 状況, its date and the other dates, escaped like the clinics', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: '𠮷野クリニック' })).body.result;
    const created = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone', content: '=1+1 と書かれたFAX', nextActionOn: '2026-12-01' })).body.result;
    await call(t, 'inquiries.changeStatus', { id: created.inquiry.id, to: 'materials_sent', expectedRevision: created.inquiry.revision });

    const utf8 = await exportCsv(t, 'inquiries.exportCsv', {});
    expect(utf8.file!.name).toMatch(/^問い合わせ一覧_\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = rows((await downloadFile(t, utf8.file!.fileId)).toString('utf8'));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({
      受付番号: created.inquiry.receiptNumber,
      医療機関名: '𠮷野クリニック',
      受付日: '2026-11-24',
      経路: '電話',
      状況: '資料送付済',
      次回対応日: '2026-12-01',
      内容: "'=1+1 と書かれたFAX",
    });
    expect(record['状況の変更日時']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(record['登録日時']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const sjis = await exportCsv(t, 'inquiries.exportCsv', { encoding: 'shift_jis' });
    expect(sjis.file).toBeNull();
    expect(sjis.unencodable).toEqual([
      { char: '𠮷', codePoint: 'U+20BB7', rowCount: 1, rows: [{ row: 2, label: `${created.inquiry.receiptNumber} 𠮷野クリニック`, field: '医療機関名' }] },
    ]);
  });
});

describe('書き出した一覧をそのまま取り込む', () => {
  for (const encoding of ['utf8bom', 'shift_jis'] as const) {
    it(`adds nothing and changes nothing (${encoding})`, async () => {
      const t = await startTestHost();
      const db = openDatabase(t.core.dbPath);
      // Through the form's schema, as staff would have entered them; Shift_JIS has no 𠮷.
      const clinics = generateClinics(300).map((c) => clinicInputSchema.parse(encoding === 'shift_jis' ? JSON.parse(JSON.stringify(c).replaceAll('𠮷', '吉')) : c));
      createClinics(db, clinics.map((fields) => ({ fields })), { machineId: 'seed' });
      db.close();
      await call(t, 'clinics.create', { name: 'ｶﾀｶﾅ医院', phone: '０９９－２２２－３３３３', memo: '2行の\nメモ', kind: 'clinic_with_beds', bedCount: 5 });
      const before = snapshot(t);

      const exported = await exportCsv(t, 'clinics.exportCsv', { encoding });
      const bytes = await downloadFile(t, exported.file!.fileId);
      // Excel starts a new row at any unquoted line break, CRLF or not.
      expect(iconv.decode(bytes, encoding === 'shift_jis' ? 'cp932' : 'utf8')).toContain('"2行の\nメモ"');
      const fileId = await uploadFile(t, 'export.csv', bytes);
      const preview = (await runJob(t, 'clinics.previewImport', { fileId })).result as JobResult<'clinics.previewImport'>;
      expect(preview).toMatchObject({ rowCount: 301, willImport: 0, willSkip: 301, rejected: 0, matches: { byId: 301 } });
      const skipped = (await runJob(t, 'clinics.importCsv', { fileId, onMatch: 'skip' })).result;
      expect(skipped).toMatchObject({ imported: 0, updated: 0, skipped: 301, rejected: 0 });
      // Even when asked to update, every field reads back exactly as it was written. An imported
      // file is gone from the app's hands, so the clerk chooses it again, as the window asks.
      const again = await uploadFile(t, 'export.csv', bytes);
      const updated = (await runJob(t, 'clinics.importCsv', { fileId: again, onMatch: 'update' })).result;
      expect(updated).toMatchObject({ imported: 0, updated: 0, unchanged: 301, rejected: 0 });
      expect(snapshot(t)).toEqual(before);
    });
  }
});
