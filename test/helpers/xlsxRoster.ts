import ExcelJS from 'exceljs';

/**
 * A roster book as an office keeps it, written with exceljs: a hidden sheet first, then the
 * roster with a merged title row above the header, 会員番号 stored as numbers formatted 000000,
 * a formula whose cached result is the address, a 電話番号 typed as text and a date of entry.
 * With `instructionsFirst`, a visible sheet of instructions comes before the roster.
 */
export async function rosterBook(options: { instructionsFirst?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (options.instructionsFirst) book.addWorksheet('記入のしかた').addRow(['会員番号は6桁で入力してください']);
  const hidden = book.addWorksheet('集計用', { state: 'hidden' });
  hidden.addRow(['医療機関名', '電話番号']);
  hidden.addRow(['隠しシートの医院', '099-000-0000']);

  const sheet = book.addWorksheet('名簿');
  sheet.addRow(['霧島地区 会員名簿（2026年12月）']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['会員番号', '医療機関名', '電話番号', '所在地', '市町村', '入会日']);
  const rows: [number, string, string, string][] = [
    [99, '霧島ひかり眼科', '0995-45-1234', '霧島市国分中央1-1'],
    [1234, '隼人みどり医院', '0995-42-2222', '霧島市隼人町2-2'],
  ];
  rows.forEach(([member, name, phone, street], i) => {
    const r = sheet.addRow([member, name, phone, null, null, new Date(Date.UTC(2026, 11, 3 + i))]);
    r.getCell(1).numFmt = '000000';
    // The address is built by a formula; the book holds Excel's last result of it.
    r.getCell(4).value = { formula: `"鹿児島県"&E${r.number}`, result: `鹿児島県${street}` };
    r.getCell(6).numFmt = 'yyyy/m/d';
  });
  // 市町村 merged down both rows: the value sits in the first row only.
  sheet.getCell('E3').value = '霧島市';
  sheet.mergeCells('E3:E4');
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A book whose one sheet holds the given rows, every cell as given (strings stay strings). */
export async function plainBook(rows: (string | number)[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
