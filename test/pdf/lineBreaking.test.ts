import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { pdfInfo, pdfWords, rasterise } from '../helpers/pdfTools.ts';
import { renderWithPlainPdfmake } from '../helpers/plainPdfmake.ts';
import { addressedFlyer, awkwardPage } from './layoutReferenceDocuments.ts';

const references = path.join(import.meta.dirname, 'layoutReferenceDocuments.ts');

/** Page 1 at 200 dpi, anti-aliasing off: every glyph's place, to a tenth of a millimetre. */
const firstPage = (pdf: Buffer) => Buffer.from(rasterise(pdf, { dpiX: 200, dpiY: 200 }).pixels);

describe('breaking Japanese text into lines', () => {
  it('breaks every line at the same character, and places every word where pdfmake itself places it word by word', async () => {
    const [ours, plain] = [await renderPdf(awkwardPage), renderWithPlainPdfmake(references, 'awkwardPage')];
    expect(pdfInfo(ours).pages).toBe(1);
    expect(pdfWords(ours).length).toBeGreaterThan(40);
    expect(pdfWords(ours)).toEqual(pdfWords(plain));
    // Words are compared by where they start and end; inside a justified line, only pixels tell.
    expect(firstPage(ours).equals(firstPage(plain))).toBe(true);
  });

  it('lays out the flyer exactly as pdfmake does on its own', async () => {
    const [ours, plain] = [await renderPdf(addressedFlyer), renderWithPlainPdfmake(references, 'addressedFlyer')];
    expect(pdfWords(ours).length).toBeGreaterThan(100);
    expect(pdfWords(ours)).toEqual(pdfWords(plain));
    expect(firstPage(ours).equals(firstPage(plain))).toBe(true);
  });
});
