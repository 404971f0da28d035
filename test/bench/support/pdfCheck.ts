import { execFileSync } from 'node:child_process';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/** The text of one page as pdftotext reads it, white space removed (it spaces Japanese freely). */
export function pageText(pdf: string | Buffer, page: number): string {
  const [file, input] = typeof pdf === 'string' ? [pdf, undefined] : ['-', pdf];
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { input, maxBuffer: 64 << 20 })
    .toString('utf8')
    .replace(/\s+/g, '');
}

/** Names of the fonts a PDF uses, from pdffonts; throws if any of them is not embedded. */
export function embeddedFonts(pdf: string | Buffer): string[] {
  const [file, input] = typeof pdf === 'string' ? [pdf, undefined] : ['-', pdf];
  const lines = execFileSync('pdffonts', [file], { input }).toString('utf8').split('\n').slice(2);
  const fonts = lines.filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
  // Columns: name, type (one or two words), encoding, emb, sub, uni, object, id.
  const notEmbedded = fonts.filter((f) => f.at(-5) !== 'yes').map((f) => f[0]);
  if (notEmbedded.length > 0) throw new Error(`fonts not embedded: ${notEmbedded.join(', ')}`);
  return fonts.map((f) => f[0]!);
}

/** Throws unless the page shows the expected text: a measured document must be the right one. */
export function expectOnPage(pdf: string | Buffer, page: number, expected: string): void {
  const text = pageText(pdf, page);
  if (!text.includes(expected.replace(/\s+/g, ''))) throw new Error(`page ${page} does not show 「${expected}」`);
}

/** Pages of a PDF, from pdfinfo. */
export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Bytes of the embedded font programs (FontFile2/3 streams, as stored), for where a file's size goes. */
export async function embeddedFontBytes(pdf: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let bytes = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    for (const key of ['FontFile2', 'FontFile3', 'FontFile']) {
      const ref = object.get(PDFName.of(key));
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
      if (stream instanceof PDFRawStream) bytes += stream.contents.length;
    }
  }
  return bytes;
}
