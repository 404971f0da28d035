import { describe, expect, it } from 'vitest';
import { openReadOnlyDatabase } from '../../electron/core/db/connection.ts';
import { bookParts, craftedZip } from '../helpers/craftedZip.ts';
import { call, startTestHost, type TestHost, uploadFile } from '../helpers/testHost.ts';
import { plainBook, rosterBook } from '../helpers/xlsxRoster.ts';
import { importCsv as importFile, previewImport as preview, runJob } from '../helpers/importJobs.ts';

function clinics(t: TestHost) {
  const db = openReadOnlyDatabase(t.core.dbPath);
  try {
    return db.prepare('SELECT name, address, phone, member_number, memo, updated_at FROM clinics ORDER BY seq').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('名簿の取り込み: an Excel book', () => {
  it('reads the first visible sheet under its title row: 会員番号 keeps the zeros Excel shows, a formula gives its result', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '霧島地区名簿.xlsx', await rosterBook());
    const seen = await preview(t, fileId);
    expect(seen.book).toEqual({ sheets: [{ name: '集計用', hidden: true }, { name: '名簿', hidden: false }], sheet: '名簿' });
    expect(seen).toMatchObject({ headerRow: 2, headers: ['会員番号', '医療機関名', '電話番号', '所在地', '市町村', '入会日'], rowCount: 2, willImport: 2, rejected: 0 });
    expect(seen.mapping.slice(0, 4)).toEqual(['memberNumber', 'name', 'phone', 'address']);
    // Rows are numbered as Excel shows them: the title is row 1, the header row 2.
    expect(seen.sample[0]).toEqual({ row: 3, cells: ['000099', '霧島ひかり眼科', '0995-45-1234', '鹿児島県霧島市国分中央1-1', '霧島市', '2026/12/3'] });
    // The merged 市町村 cell holds its value in its first row only, as in Excel's own CSV.
    expect(seen.sample[1]?.cells[4]).toBe('');

    expect(await importFile(t, fileId)).toMatchObject({ imported: 2, rejected: 0, errorsFile: null });
    expect(clinics(t)).toMatchObject([
      { name: '霧島ひかり眼科', member_number: '000099', address: '鹿児島県霧島市国分中央1-1', phone: '0995-45-1234' },
      { name: '隼人みどり医院', member_number: '001234', address: '鹿児島県霧島市隼人町2-2' },
    ]);
  });

  it('reads a hidden sheet only when it is chosen by name, and names a sheet that is not there', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '名簿.xlsx', await rosterBook());
    const hidden = await preview(t, fileId, { sheet: '集計用' });
    expect(hidden).toMatchObject({ book: { sheet: '集計用' }, headerRow: 1, rowCount: 1 });
    const missing = await runJob(t, 'clinics.previewImport', { fileId, sheet: '会員' });
    expect(missing).toMatchObject({ state: 'failed', error: { code: 'INVALID_FILE', message: expect.stringContaining('シート「会員」がありません') } });

    expect(await importFile(t, fileId, { sheet: '集計用' })).toMatchObject({ imported: 1 });
    expect(clinics(t).map((c) => c.name)).toEqual(['隠しシートの医院']);
  });

  it('takes the header row staff choose when a two-cell title fooled the detection', async () => {
    const t = await startTestHost();
    const book = await plainBook([
      ['会員名簿', '2026年12月現在'],
      ['医療機関名', '電話番号', '所在地'],
      ['国分さくら診療所', '0995-46-5678', '鹿児島県霧島市国分3-3'],
    ]);
    const fileId = await uploadFile(t, '名簿.xlsx', book);
    const guessed = await preview(t, fileId);
    expect(guessed).toMatchObject({ headerRow: 1, missing: ['name'] });
    expect(guessed.headRows.map((r) => r.cells[0])).toEqual(['会員名簿', '医療機関名', '国分さくら診療所']);

    const chosen = await preview(t, fileId, { headerRow: 2 });
    expect(chosen).toMatchObject({ headerRow: 2, mapping: ['name', 'phone', 'address'], missing: [], willImport: 1 });
    await importFile(t, fileId, { headerRow: 2, mapping: chosen.mapping });
    expect(clinics(t)).toMatchObject([{ name: '国分さくら診療所', phone: '0995-46-5678' }]);
  });
});

describe('名簿の取り込み: a zip bomb is refused before it is unpacked, and nothing is written', () => {
  async function expectRefusedBook(bytes: Buffer, message: RegExp) {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '既存の医院', phone: '099-111-1111' });
    const before = clinics(t);
    const fileId = await uploadFile(t, 'bomb.xlsx', bytes);
    const job = await runJob(t, 'clinics.importCsv', { fileId });
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INVALID_FILE', message: expect.stringMatching(message) } });
    expect(clinics(t)).toEqual(before);
  }

  it('a book declaring a sheet of 4 GB', async () => {
    const bomb = craftedZip([
      { name: 'xl/workbook.xml', content: Buffer.from(bookParts.workbook) },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<worksheet/>'), declaredSize: 0xfffffff0 },
    ]);
    await expectRefusedBook(bomb, /展開すると大きすぎるため、このブックは読み込みません/);
  });

  it('a book whose small declared sheet really inflates to 64 MB', async () => {
    const bomb = craftedZip([
      { name: 'xl/workbook.xml', content: Buffer.from(bookParts.workbook) },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 4096 },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expectRefusedBook(bomb, /展開すると大きすぎるため/);
  });

  it('a book whose sheet compresses more than a real sheet can', async () => {
    const bomb = craftedZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(128 * 1024 * 1024) }]);
    await expectRefusedBook(bomb, /展開すると大きすぎるため/);
  });

  it('a book with bytes hidden between its parts', async () => {
    const hidden = craftedZip(
      [
        { name: 'xl/workbook.xml', content: Buffer.from(bookParts.workbook) },
        { name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<worksheet/>') },
      ],
      { gapBefore: 1 },
    );
    await expectRefusedBook(hidden, /Excelのブック（\.xlsx）として読めません/);
  });
});
