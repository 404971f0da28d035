import fs from 'node:fs';
import ExcelJS from 'exceljs';

/** Excel's number format for text: what is typed later in these columns stays text too. */
const textFormat = '@';
/** Excel refuses a cell longer than this; a longer memo is cut rather than the book refused. */
const maxCellChars = 32_767;
const rowsPerYield = 1000;

/**
 * Writes rows as a one-sheet Excel book in which every cell is text: string values (never a
 * formula, so a name starting with = or ＋ is shown as typed, without the apostrophe a CSV needs)
 * and the text number format, so 会員番号 000099, 郵便番号 and phone numbers keep their zeros
 * when the book is opened, edited and saved. Streams to the file; says how many rows it wrote.
 */
export async function writeTextBook(
  outPath: string,
  sheetName: string,
  headers: string[],
  rows: Iterable<string[]>,
  onProgress: (done: number) => void,
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, style: { numFmt: textFormat }, width: Math.min(Math.max(header.length * 2 + 4, 12), 40) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let done = 0;
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((cell) => cell.slice(0, maxCellChars)));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.numFmt = textFormat;
    });
    row.commit();
    done++;
    if (done % rowsPerYield === 0) {
      onProgress(done);
      // Lets the file stream drain, so a long list is not held in memory.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.commit();
  await book.commit();
  const fd = fs.openSync(outPath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  onProgress(done);
  return done;
}
