import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
// The unzipper exceljs 4.4.0 itself loads (0.10.14, nested under it): the same module instance.
// @ts-expect-error -- an internal file of that unzipper, which ships no types
import UnzipParse from 'exceljs/node_modules/unzipper/lib/parse.js';

/**
 * exceljs 4.4.0's streaming WorkbookReader with two fixes a Japanese roster needs. Both wrap the
 * XML text before exceljs parses it; the parts they override are named here so an upgrade can
 * be checked against them (package.json pins the exact version):
 *
 * - `_parseSharedStrings(entry)` and `_parseWorksheet(iterator, sheetNo)`: exceljs decodes each
 *   inflated chunk on its own, so a kanji cut at a chunk boundary became two U+FFFD
 *   (exceljs issues #2063, #2316; open pull requests #1665, #2081). A StringDecoder carried
 *   across chunks hands exceljs whole characters.
 * - The same wrap drops `<rPh>` elements, the ふりがな Japanese Excel stores beside text typed
 *   through the IME: exceljs 4.4.0 took that reading for the cell's text (鹿児島 → カゴシマ).
 *
 * - unzipper 0.10's `Parse` emits 'end' as soon as its input is written ('finish'), while parts
 *   are still waiting to be read; exceljs then stops early and silently drops the last parts of
 *   the zip (found: xl/workbook.xml of a small book, so no sheet; in Excel's order it would be
 *   the shared strings, so empty cells). That early 'end' is held back while parts wait; the
 *   stream's own end follows once they are read (the zip was checked whole by zipGuard.ts).
 *
 * If a later exceljs lacks these methods, the plain reader is used (self-check below).
 */
type ReaderInternals = {
  _parseSharedStrings?: (entry: NodeJS.ReadableStream) => AsyncGenerator<unknown>;
  _parseWorksheet?: (iterator: AsyncIterable<unknown>, sheetNo: string) => Generator<unknown>;
};

const BaseReader = ExcelJS.stream.xlsx.WorkbookReader;
const base = BaseReader.prototype as unknown as ReaderInternals;
const patchable = typeof base._parseSharedStrings === 'function' && typeof base._parseWorksheet === 'function';

/** Whole characters of an XML part, without its phonetic (ふりがな) runs. */
export async function* xmlTextWithoutPhonetics(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const ready = (final: boolean): string => {
    const text = pending.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    let cut = text.length;
    if (!final) {
      // Hold back an unfinished <rPh> element, or a tag cut in the middle, for the next chunk.
      const open = text.lastIndexOf('<rPh');
      if (open >= 0 && text.indexOf('</rPh>', open) < 0) cut = open;
      const lastTag = text.lastIndexOf('<');
      if (lastTag > text.lastIndexOf('>')) cut = Math.min(cut, lastTag);
    }
    pending = text.slice(cut);
    return text.slice(0, cut);
  };
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const text = ready(false);
    if (text !== '') yield text;
  }
  pending += decoder.end();
  const rest = ready(true);
  if (rest !== '') yield rest;
}

type ParseStream = { _readableState?: { length: number; endEmitted: boolean }; emit(event: string | symbol, ...args: unknown[]): boolean };
const parseProto = (UnzipParse as unknown as { prototype?: ParseStream }).prototype;
if (parseProto && typeof parseProto.emit === 'function') {
  const emit = parseProto.emit;
  parseProto.emit = function (this: ParseStream, event, ...args) {
    const state = this._readableState;
    if (event === 'end' && state && !state.endEmitted && state.length > 0) return false;
    return emit.call(this, event, ...args);
  };
}

class PatchedWorkbookReader extends BaseReader {}
if (patchable) {
  const patched = PatchedWorkbookReader.prototype as unknown as ReaderInternals;
  patched._parseSharedStrings = function (this: ReaderInternals, entry) {
    return base._parseSharedStrings!.call(this, Readable.from(xmlTextWithoutPhonetics(entry as AsyncIterable<Buffer>)));
  };
  patched._parseWorksheet = function (this: ReaderInternals, iterator, sheetNo) {
    return base._parseWorksheet!.call(this, xmlTextWithoutPhonetics(iterator as AsyncIterable<Buffer>), sheetNo);
  };
}

/** The streaming reader to use: exceljs's, with the fixes above when they apply. */
export const WorkbookReader: typeof BaseReader = PatchedWorkbookReader;
