import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { JobResult } from '../../shared/contract/index.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { call, startTestHost, type TestHost, uploadFile, downloadFile } from '../helpers/testHost.ts';
import { clinicRows as snapshot, runSucceededJob as runJob } from '../helpers/importJobs.ts';

type ExportResult = JobResult<'clinics.exportCsv'>;

/** Clinics whose values a spreadsheet likes to change: zeros, formulas, rare kanji, a line break; and a 送付不要 mark. */
async function clinicsExcelWouldChange(t: TestHost) {
  await call(t, 'clinics.create', {
    name: '霧島ひかり眼科', memberNumber: '000099', postalCode: '899-4332', phone: '0995-45-1234', fax: '0995-45-1235', noMailing: true, noMailingReason: '先方より辞退の連絡あり',
  });
  await call(t, 'clinics.create', { name: '=HYPERLINK("http://example.invalid","開く")', memberNumber: '0012', memo: '+81 の番号\n2行目' });
  await call(t, 'clinics.create', { name: '𠮷田内科医院', contactPerson: '＝森鷗外', phone: '099-222-0001' });
}

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));

/** Opens a file in LibreOffice Calc without a window and saves it in another format, as a user would. */
/**
 * Never blocking: a synchronous run froze this process for as long as LibreOffice took, the test
 * host's idle keep-alive socket was closed meanwhile, and the next call met ECONNRESET.
 */
async function convertWithLibreOffice(file: string, to: string): Promise<string> {
  const outDir = tempDir();
  // A profile of its own: another soffice running on the machine must not take the job.
  const profile = `file://${tempDir()}`;
  await promisify(execFile)(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { timeout: 120_000 });
  const made = fs.readdirSync(outDir)[0];
  if (!made) throw new Error(`LibreOffice made no ${to} file`);
  return path.join(outDir, made);
}

describe('書き出し: an Excel book of text cells', () => {
  it('holds the same columns and values as the CSV, every cell text: zeros kept, nothing a formula, no apostrophe', async () => {
    const t = await startTestHost();
    await clinicsExcelWouldChange(t);
    const book = (await runJob(t, 'clinics.exportCsv', { format: 'xlsx' })).result as ExportResult;
    expect(book.file).toMatchObject({ name: expect.stringMatching(/^医療機関一覧_\d{4}-\d{2}-\d{2}\.xlsx$/), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(book.rows).toBe(3);

    const workbook = new ExcelJS.Workbook();
    const bytes = await downloadFile(t, book.file!.fileId);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        if (cell.value !== null) {
          expect(cell.type, `${cell.address}`).toBe(ExcelJS.ValueType.String);
          expect(cell.numFmt, `${cell.address}`).toBe('@');
        }
        cells[column - 1] = cell.value === null ? '' : String(cell.value);
      });
      values.push(cells);
    });

    const csv = (await runJob(t, 'clinics.exportCsv', { encoding: 'utf8bom' })).result as ExportResult;
    const csvRows = parse(await downloadFile(t, csv.file!.fileId), { bom: true }) as string[][];
    const width = csvRows[0]!.length;
    const padded = values.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
    // The CSV marks formula-like cells with an apostrophe for Excel; the book needs none.
    expect(padded).toEqual(csvRows.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@＝＋－＠\s])/, ''))));
    const header = padded[0]!;
    expect(padded[1]![header.indexOf('会員番号')]).toBe('000099');
    expect(padded[2]![header.indexOf('医療機関名')]).toBe('=HYPERLINK("http://example.invalid","開く")');
  });

  it('imported back as it is, with 今の内容を更新する, changes nothing', async () => {
    const t = await startTestHost();
    await clinicsExcelWouldChange(t);
    const before = snapshot(t);
    const book = (await runJob(t, 'clinics.exportCsv', { format: 'xlsx' })).result as ExportResult;
    const fileId = await uploadFile(t, 'export.xlsx', await downloadFile(t, book.file!.fileId));
    const updated = (await runJob(t, 'clinics.importCsv', { fileId, onMatch: 'update' })).result;
    expect(updated).toMatchObject({ imported: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(snapshot(t)).toEqual(before);
  });

  it.skipIf(!soffice)('opened and saved by LibreOffice Calc, keeps 000099 and the text, and imports back changing nothing', async () => {
    const t = await startTestHost();
    await clinicsExcelWouldChange(t);
    const before = snapshot(t);
    const book = (await runJob(t, 'clinics.exportCsv', { format: 'xlsx' })).result as ExportResult;
    const exported = path.join(tempDir(), 'clinics.xlsx');
    fs.writeFileSync(exported, await downloadFile(t, book.file!.fileId));

    const asCsv = parse(fs.readFileSync(await convertWithLibreOffice(exported, 'csv:Text - txt - csv (StarCalc):44,34,76')), { bom: true }) as string[][];
    const header = asCsv[0]!;
    expect(asCsv[1]![header.indexOf('会員番号')]).toBe('000099');
    expect(asCsv[1]![header.indexOf('郵便番号')]).toBe('899-4332');
    expect(asCsv.map((row) => row.slice(header.indexOf('送付不要'), header.indexOf('メモ')))).toEqual([['送付不要', '送付不要の理由'], ['送付不要', '先方より辞退の連絡あり'], ['', ''], ['', '']]);
    expect(asCsv[2]![header.indexOf('医療機関名')]).toBe('=HYPERLINK("http://example.invalid","開く")');
    expect(asCsv[3]![header.indexOf('医療機関名')]).toBe('𠮷田内科医院');

    const resaved = await convertWithLibreOffice(exported, 'xlsx:Calc MS Excel 2007 XML');
    const fileId = await uploadFile(t, 'resaved.xlsx', fs.readFileSync(resaved));
    const updated = (await runJob(t, 'clinics.importCsv', { fileId, onMatch: 'update' })).result;
    expect(updated).toMatchObject({ imported: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(snapshot(t)).toEqual(before);
  }, 300_000);
});
