import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { decodeCsvBytes, parseCsvRecords } from '../../electron/core/text/csvText.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { chooseCurrentStaff, officialRatesRequest } from '../helpers/officialRateTable.ts';
import { pdfText } from '../helpers/pdfTools.ts';
import { call, downloadFile, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';

const clinic = { name: 'かごしま中央クリニック', nameKana: 'かごしまちゅうおうくりにっく', kind: 'clinic_no_beds', phone: '099-254-8127', fax: '099-254-8128' };
const officialRatesCsv = '種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,Aプラン,2100\r\n有床診療所,P1,Aプラン,3900\r\n';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Makes a PDF in the print centre and returns its file, as the print screen gets it. */
async function made(t: TestHost, input: unknown): Promise<{ fileId: string; name: string }> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result as JobState;
  const finished = await waitForJob(t, started.jobId);
  expect(finished.state).toBe('succeeded');
  return (finished.result as { file: { fileId: string; name: string } }).file;
}

/** The trail rows as stored, read on a second connection as an auditor's query would. */
function storedRows(t: TestHost) {
  const db = openDatabase(t.core.dbPath);
  try {
    return db.prepare('SELECT * FROM document_outputs ORDER BY created_at, id').all() as Record<string, string | number | null>[];
  } finally {
    db.close();
  }
}

async function newClinic(t: TestHost, fields: Partial<typeof clinic> & { contactPerson?: string; address?: string } = {}): Promise<string> {
  return (await call(t, 'clinics.create', { ...clinic, ...fields })).body.result.id as string;
}

describe('the trail of every document given', () => {
  it('records a blank form and a チラシ printed alone, with no clinic, each with the hash of its PDF and the content in force', async () => {
    const t = await startTestHost();
    // With an official rate table the flyer is the real one, not a specimen (a specimen is never recorded as sent).
    await chooseCurrentStaff(t);
    await call(t, 'content.acceptImport', officialRatesRequest(await uploadFile(t, 'rates.csv', officialRatesCsv)));
    const blank = await made(t, { documents: ['inquiryFaxSheet'], clinicIds: [] });
    const flyer = await made(t, { documents: ['flyer'], clinicIds: [] });
    // No clinic is named (recorded counts clinics), yet each is on the trail; printing the same blank PDF again adds nothing.
    for (const [file, action, sentBy] of [[blank, 'printed', 'hand'], [flyer, 'saved', 'post'], [blank, 'printed', null]] as const) {
      expect((await call(t, 'documents.recordOutput', { fileId: file.fileId, action, sentBy })).body.result).toEqual({ recorded: 0, onTrail: true, inquiry: null });
    }
    const rows = storedRows(t);
    expect(rows.map((r) => [r.documents, r.clinic_id, r.sent_by, r.content_code, r.content_date, r.rate_version])).toEqual([
      ['["inquiryFaxSheet"]', null, 'hand', 'SJ24-13707', '2025-01-16', '2026年度 正式'],
      ['["flyer"]', null, 'post', 'SJ24-13707', '2025-01-16', '2026年度 正式'],
    ]);
    expect(rows[0]!.sha256).toBe(sha256(await downloadFile(t, blank.fileId)));
    expect(rows[1]!.sha256).toBe(sha256(await downloadFile(t, flyer.fileId)));
    expect(JSON.parse(String(rows[0]!.actor))).toMatchObject({ name: '窓口 花子' });
  });

  it('keeps a PDF made for one clinic and shows it again with 「記録と一致しました」, the FAX number it went to on the record', async () => {
    const t = await startTestHost();
    const clinicId = await newClinic(t);
    const file = await made(t, { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: [clinicId] });
    const original = await downloadFile(t, file.fileId);
    await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'printed', sentBy: 'fax', faxNumber: '099-254-8128' });
    const [output] = (await call(t, 'documents.history', { clinicId })).body.result.items;
    expect(output).toMatchObject({ sentBy: 'fax', faxNumber: '099-254-8128', sha256: sha256(original), canShow: true, contentCode: 'SJ24-13707' });
    // The PDF the print centre made is gone from its temporary folder after an hour; the kept one is not.
    const shown = (await call(t, 'documents.show', { outputId: output.id })).body.result;
    expect(shown).toMatchObject({ source: 'kept', matches: true, message: '記録と一致しました' });
    expect(await downloadFile(t, shown.file.fileId)).toEqual(original);
  });

  it('says 「記録と一致しません」 when the kept PDF was changed after it was made', async () => {
    const t = await startTestHost();
    const clinicId = await newClinic(t);
    const file = await made(t, { documents: ['inquiryFaxSheet'], clinicIds: [clinicId] });
    await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'saved', sentBy: 'email' });
    const kept = String(storedRows(t)[0]!.kept_file);
    const keptPath = path.join(t.dataDir, 'documents', kept);
    fs.appendFileSync(keptPath, '%% edited\n');
    const [output] = (await call(t, 'documents.history', { clinicId })).body.result.items;
    const shown = (await call(t, 'documents.show', { outputId: output.id })).body.result;
    expect(shown).toMatchObject({ source: 'kept', matches: false, message: '記録と一致しません：作成後に変更された可能性があります' });
  });

  it('removes the kept PDF of a clinic that 完全削除 removed, keeps the others, and no kept file holds its name or 先方ご担当者', async () => {
    const t = await startTestHost();
    const gone = await newClinic(t, { contactPerson: '削除 花子', address: '鹿児島県霧島市国分中央三丁目45番1号 国分メディカルビル2階' });
    const stays = await newClinic(t, { name: '湧水内科', phone: '0995-74-0002' });
    for (const clinicId of [gone, stays]) {
      const file = await made(t, { documents: ['inquiryFaxSheet'], clinicIds: [clinicId] });
      await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'saved' });
    }
    const kept = Object.fromEntries(storedRows(t).map((r) => [String(r.clinic_id), path.join(t.dataDir, 'documents', String(r.kept_file))]));
    expect(fs.existsSync(kept[gone]!) && fs.existsSync(kept[stays]!)).toBe(true);
    // Both on one sheet of 宛名ラベル, printed after the documents.
    const labels = await waitForJob(t, ((await call(t, 'jobs.start', { kind: 'documents.labels', input: { clinicIds: [gone, stays], sheet: 'a4x12' } })).body.result as JobState).jobId);
    await call(t, 'documents.recordOutput', { fileId: (labels.result as { file: { fileId: string } }).file.fileId, action: 'printed' });
    await call(t, 'clinics.archive', { id: gone });
    expect((await call(t, 'records.purgeArchived', { confirm: true })).body.result).toMatchObject({ clinics: 1 });
    expect([fs.existsSync(kept[gone]!), fs.existsSync(kept[stays]!)]).toEqual([false, true]);
    const left = fs.readdirSync(path.join(t.dataDir, 'documents'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(left).toHaveLength(1);
    for (const entry of left) {
      const text = pdfText(fs.readFileSync(path.join(entry.parentPath, entry.name))).replace(/\s+/g, '');
      for (const word of [clinic.name, '削除花子', '国分メディカルビル']) expect(text).not.toContain(word);
    }
  });

  it('makes a mailing again from its kept inputs with the same SHA-256, for any clinic of it', async () => {
    const t = await startTestHost();
    const ids = [await newClinic(t), await newClinic(t, { name: '霧島みなみ医院', phone: '0995-45-0001' }), await newClinic(t, { name: '湧水内科', phone: '0995-74-0002' })];
    const file = await made(t, { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: ids, cover: { subject: '資料のご案内' } });
    const original = await downloadFile(t, file.fileId);
    expect((await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'saved', sentBy: 'post' })).body.result.recorded).toBe(3);
    expect(storedRows(t).every((r) => r.kept_file === null && r.sha256 === sha256(original))).toBe(true);
    // The clinic's name changes later: the mailing is still made as it was sent.
    const second = (await call(t, 'clinics.get', { id: ids[1] })).body.result;
    await call(t, 'clinics.update', { id: ids[1], fields: { ...clinic, name: '霧島南医院（改称）', phone: '0995-45-0001' }, expectedRevision: second.revision });
    const [output] = (await call(t, 'documents.history', { clinicId: ids[1] })).body.result.items;
    const shown = (await call(t, 'documents.show', { outputId: output.id })).body.result;
    expect(shown).toMatchObject({ source: 'remade', matches: true, message: '記録と一致しました' });
    expect(sha256(await downloadFile(t, shown.file.fileId))).toBe(sha256(original));
  });

  it('exports a clinic’s trail as CSV and .xlsx that read back with the Japanese columns and every output', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const clinicId = await newClinic(t);
    const fax = await made(t, { documents: ['inquiryFaxSheet'], clinicIds: [clinicId] });
    await call(t, 'documents.recordOutput', { fileId: fax.fileId, action: 'printed', sentBy: 'fax', faxNumber: '099-254-8128' });
    const hash = String(storedRows(t)[0]!.sha256);
    const header = ['日時', '書類', '操作', '医療機関', '受付番号', '送付方法', 'FAX番号', '内容パック', '料率表', '試算', '担当者', '募集人ID', 'SHA-256'];

    const csv = (await call(t, 'documents.exportTrail', { clinicId, format: 'csv' })).body.result;
    const bytes = await downloadFile(t, csv.file.fileId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe('utf8bom');
    const records = parseCsvRecords(text, 'comma');
    expect(records[0]).toEqual(header);
    expect(records.slice(1).map((r) => r.slice(1))).toEqual([
      ['FAX問い合わせ票', '印刷', clinic.name, '', 'FAX', '099-254-8128', 'SJ24-13707 2025-01-16', '見本 2026-11', '', '窓口 花子', '', hash],
    ]);
    expect(records[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const xlsx = (await call(t, 'documents.exportTrail', { clinicId, format: 'xlsx' })).body.result;
    const book = new ExcelJS.Workbook();
    const xlsxBytes = await downloadFile(t, xlsx.file.fileId);
    await book.xlsx.load(xlsxBytes.buffer.slice(xlsxBytes.byteOffset, xlsxBytes.byteOffset + xlsxBytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rowValues = (n: number) => Array.from({ length: header.length }, (_, i) => String(sheet.getRow(n).getCell(i + 1).value ?? ''));
    expect(sheet.name).toBe('送付の記録');
    expect(rowValues(1)).toEqual(header);
    expect(rowValues(2).slice(1)).toEqual(records[1]!.slice(1));
    expect(sheet.rowCount).toBe(2);
  });
});
