import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { pdfWords } from '../helpers/pdfTools.ts';
import { renderWithPlainPdfmake } from '../helpers/plainPdfmake.ts';
import { addressedFlyer, awkwardPage } from './layoutReferenceDocuments.ts';

const references = path.join(import.meta.dirname, 'layoutReferenceDocuments.ts');

describe('breaking Japanese text into lines', () => {
  it('breaks every line at the same character, and places every word where pdfmake itself places it word by word', async () => {
    const ours = pdfWords(await renderPdf(awkwardPage));
    expect(ours.length).toBeGreaterThan(40);
    expect(ours).toEqual(pdfWords(renderWithPlainPdfmake(references, 'awkwardPage')));
  });

  it('lays out the flyer exactly as pdfmake does on its own', async () => {
    const ours = pdfWords(await renderPdf(addressedFlyer));
    expect(ours.length).toBeGreaterThan(100);
    expect(ours).toEqual(pdfWords(renderWithPlainPdfmake(references, 'addressedFlyer')));
  });
});
