import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvDelimiterChars, type CsvDelimiter, type CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { encodeCp932Text } from './cp932.ts';

/** A file that cannot be read as a list; the message says why in words a clerk can act on. */
export class UnreadableCsv extends Error {}

const signatures: { bytes: number[]; message: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], message: csvMessages.xlsxWorkbook },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], message: csvMessages.xlsWorkbook },
  { bytes: [0x89, 0x50, 0x4e, 0x47], message: csvMessages.pngImage },
  { bytes: [0xff, 0xd8, 0xff], message: csvMessages.jpegImage },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: csvMessages.pdfFile },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The text of a CSV file as Excel writes it: UTF-16 with a BOM (「Unicode テキスト」), UTF-8
 * with or without a BOM, else Shift_JIS (CP932), which is what Excel on Japanese Windows saves
 * as 「CSV（コンマ区切り）」. Strict UTF-8 decoding decides: Shift_JIS kanji are almost never
 * valid UTF-8. Anything else (images, workbooks, random bytes) is refused with a reason.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length === 0) throw new UnreadableCsv(csvMessages.emptyFile);
  for (const { bytes: magic, message } of signatures) if (startsWith(bytes, magic)) throw new UnreadableCsv(message);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: { text: string; encoding: CsvEncoding };
  if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf16le' };
  } else {
    if (bytes.includes(0)) throw new UnreadableCsv(csvMessages.binaryData);
    const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? buffer.subarray(3) : buffer);
      decoded = { text, encoding: hasBom ? 'utf8bom' : 'utf8' };
    } catch {
      decoded = { text: iconv.decode(buffer, 'cp932'), encoding: 'shift_jis' };
    }
  }
  const broken = decoded.text.indexOf('\uFFFD');
  if (broken >= 0) {
    const line = decoded.text.slice(0, broken).split('\n').length;
    throw new UnreadableCsv(csvMessages.unknownEncoding(line));
  }
  if (decoded.text.trim() === '') throw new UnreadableCsv(csvMessages.noText);
  return decoded;
}

const headSample = 64 * 1024;

/**
 * Every line ending a record may have: csv-parse otherwise takes the first line's ending for the
 * whole file, and a hand-edited file (an LF header over CRLF rows) would leave a CR in each
 * row's last cell. Line breaks inside quoted cells are kept as they are.
 */
const recordDelimiters = ['\r\n', '\n', '\r'];

/**
 * Comma or tab, from the first lines: the one that splits the header into more columns, with
 * the same count on the lines after it. Excel's 「テキスト（タブ区切り）」 is the tab case.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const head = text.slice(0, headSample);
  const score = (delimiter: CsvDelimiter): number => {
    let records: string[][];
    try {
      records = parse(head, { delimiter: csvDelimiterChars[delimiter], record_delimiter: recordDelimiters, relax_column_count: true, relax_quotes: true, to_line: 20, skip_empty_lines: true });
    } catch {
      // The sample may end inside a quoted field; the lines before it still count.
      return 0;
    }
    const width = records[0]?.length ?? 0;
    if (width < 2) return 0;
    return width * 10 + records.filter((r) => r.length === width).length;
  };
  return score('tab') > score('comma') ? 'tab' : 'comma';
}

/** Records between two progress reports while a file is parsed. */
const recordsPerReport = 5_000;

/**
 * Every record of the file (csv-parse: quoted fields with line breaks and doubled quotes), blank
 * lines included as empty records so that numbers stay those Excel shows (header = row 1).
 * `onProgress` hears how far the parser has got, in bytes of the text as UTF-8.
 */
export function parseCsvRecords(text: string, delimiter: CsvDelimiter, onProgress?: (done: number, total: number) => void): string[][] {
  const total = onProgress ? Buffer.byteLength(text) : 0;
  try {
    return parse(text, {
      delimiter: csvDelimiterChars[delimiter],
      record_delimiter: recordDelimiters,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      ...(onProgress
        ? {
            on_record: (record: string[], { records, bytes }: { records: number; bytes: number }) => {
              if (records % recordsPerReport === 0) onProgress(Math.min(bytes, total), total);
              return record;
            },
          }
        : {}),
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableCsv(csvMessages.malformed(line));
  }
}

/**
 * Records as CSV text the way Excel writes it: CRLF between records, and every cell holding a
 * line break quoted. csv-stringify quotes only the record delimiter itself, and Excel would start
 * a new row at a memo's lone LF.
 */
export function toExcelCsv(records: string[][], delimiter: CsvDelimiter = 'comma'): string {
  return stringify(records, { delimiter: csvDelimiterChars[delimiter], record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** The byte-order mark a file in this encoding starts with; Excel needs it to read UTF-8. */
export function csvBom(encoding: CsvEncoding): Buffer {
  if (encoding === 'utf16le') return Buffer.from([0xff, 0xfe]);
  // Excel reads BOM-less UTF-8 as Shift_JIS: a UTF-8 file we write always has the BOM.
  if (encoding === 'utf8' || encoding === 'utf8bom') return Buffer.from([0xef, 0xbb, 0xbf]);
  return Buffer.alloc(0);
}

/** Bytes of a piece of CSV text (no BOM) in the given encoding. */
export function encodeCsvChunk(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'shift_jis') return encodeCp932Text(text);
  if (encoding === 'utf16le') return iconv.encode(text, 'utf-16le');
  return Buffer.from(text, 'utf8');
}

/** A whole CSV file's bytes: BOM and text. */
export function encodeCsvText(text: string, encoding: CsvEncoding): Buffer {
  return Buffer.concat([csvBom(encoding), encodeCsvChunk(text, encoding)]);
}
