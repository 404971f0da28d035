import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../electron/core/log/logger.ts';
import { patchesOn, patchesWanted } from '../../electron/core/pdf/patches/patchSwitch.ts';
import { pdfPatchesInUse, preparePdfmake, renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { pdfWords } from '../helpers/pdfTools.ts';
import { renderWithPlainPdfmake } from '../helpers/plainPdfmake.ts';

const require = createRequire(import.meta.url);
const references = path.join(import.meta.dirname, 'layoutReferenceDocuments.ts');
const { awkwardPage } = await import('./layoutReferenceDocuments.ts');

interface Line {
  inlines: { x: number }[];
}
type RenderLine = (this: unknown, line: Line, x: number, y: number) => void;
const renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: RenderLine } } }).default.prototype;

/** Installs a faulty patch the way the real ones are installed: it acts only while the patches are on. */
function installFaultyPatch(fault: (line: Line) => Line): () => void {
  const renderLine = renderer.renderLine;
  renderer.renderLine = function (this: unknown, line, x, y) {
    renderLine.call(this, patchesOn() ? fault(line) : line, x, y);
  };
  return () => (renderer.renderLine = renderLine);
}

/** Text objects (BT … ET) in the page contents of a PDF. */
async function textObjects(pdf: Buffer): Promise<number> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let count = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) count += zlib.inflateSync(object.contents).toString('latin1').match(/\bBT\b/g)?.length ?? 0;
  }
  return count;
}

const line = 'サイバー攻撃による被害は医療機関にも広がっています';
const oneLine = () => renderPdf({ pageSize: 'A4', defaultStyle: { font: 'BIZUDPGothic' }, content: [{ text: line }] });

function logFile(): { dir: string; lines: () => { level: string; message: string }[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-self-check-'));
  const file = path.join(dir, 'app.log');
  return { dir, lines: () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: string; message: string }) : []) };
}

let removeFault: (() => void) | undefined;
afterEach(() => {
  removeFault?.();
  removeFault = undefined;
});

describe('pdfmake patches and their self-check', () => {
  it('keeps the patches when they lay the reference out as plain pdfmake does, and drops them when the setting says off', async () => {
    const log = logFile();
    expect(await preparePdfmake({ patches: true, log: createFileLogger(log.dir) })).toBe(true);
    expect(await textObjects(await oneLine())).toBe(1);
    expect(log.lines()).toEqual([]);

    expect(patchesWanted({ CYBER_COUNTER_PDF_PATCHES: 'off' })).toBe(false);
    expect(await preparePdfmake({ patches: patchesWanted({ CYBER_COUNTER_PDF_PATCHES: 'off' }), log: createFileLogger(log.dir) })).toBe(false);
    expect(pdfPatchesInUse()).toBe(false);
    // Plain pdfmake draws each word of a Japanese line (a character or two) as a text object of its own.
    expect(await textObjects(await oneLine())).toBeGreaterThan([...line].length / 2);
  });

  it('falls back to plain pdfmake, and logs why, when a patch moves a glyph', async () => {
    const shiftFourthWord = (line: Line): Line =>
      Object.assign(Object.create(Object.getPrototypeOf(line) as object) as Line, line, { inlines: line.inlines.map((inline, i) => (i === 3 ? { ...inline, x: inline.x + 0.5 } : inline)) });
    removeFault = installFaultyPatch(shiftFourthWord);
    const log = logFile();
    expect(await preparePdfmake({ patches: true, log: createFileLogger(log.dir) })).toBe(false);
    expect(log.lines()).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('PDF patches off') })]);
    expect(JSON.stringify(log.lines()[0])).toContain('glyph');
    // What the thread draws now is plain pdfmake's layout, not the faulty one.
    expect(pdfWords(await renderPdf(awkwardPage))).toEqual(pdfWords(renderWithPlainPdfmake(references, 'awkwardPage')));
    expect(await textObjects(await oneLine())).toBeGreaterThan([...line].length / 2);
  });

  it('falls back to plain pdfmake, and logs why, when a patch throws', async () => {
    removeFault = installFaultyPatch(() => {
      throw new Error('a patch that no longer fits this pdfmake');
    });
    const log = logFile();
    expect(await preparePdfmake({ patches: true, log: createFileLogger(log.dir) })).toBe(false);
    expect(log.lines()).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('PDF patches off') })]);
    expect(JSON.stringify(log.lines()[0])).toContain('a patch that no longer fits this pdfmake');
    expect((await oneLine()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
