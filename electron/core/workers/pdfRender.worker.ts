import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';
import { buildDocumentSet, type DocumentSetRequest, type SetTarget } from '../../../shared/documents/buildDocumentSet.ts';
import { combineDocuments } from '../../../shared/documents/documentSet.ts';
import { buildFlyer } from '../../../shared/documents/flyer.ts';
import { renderPdf } from '../pdf/renderPdf.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface PdfRenderData {
  request: DocumentSetRequest;
  /** One set per target, in order; a single empty target prints blank forms. */
  targets: SetTarget[];
  fontsDir: string;
  outPath: string;
}

export interface PdfRenderResult {
  bytes: number;
  pages: number;
}

/**
 * Sets rendered per pdfmake document in a mailing. pdfmake lays a whole document out in memory
 * (500 sets took about 1 GB), so a mailing is rendered in chunks and the pages joined; each chunk
 * is also a step of the progress bar.
 */
const setsPerChunk = 20;

function post(message: WorkerMessage<PdfRenderResult>): void {
  parentPort?.postMessage(message);
}

/** Pages of the flyer, needed only to number it inside a set (alone it numbers itself). */
async function flyerPageCount(request: DocumentSetRequest, targets: number, fontsDir: string): Promise<number> {
  if (!request.documents.includes('flyer') || (request.documents.length === 1 && targets === 1)) return 0;
  const pdf = await renderPdf(buildFlyer(request.pack, request.rates), fontsDir);
  return (await PDFDocument.load(pdf)).getPageCount();
}

function renderChunk(request: DocumentSetRequest, targets: readonly SetTarget[], flyerPages: number, fontsDir: string): Promise<Buffer> {
  return renderPdf(combineDocuments(targets.flatMap((target) => buildDocumentSet(request, target, flyerPages))), fontsDir);
}

/** Builds and renders every set off the main thread and writes one PDF to outPath. */
async function render({ request, targets, fontsDir, outPath }: PdfRenderData): Promise<PdfRenderResult> {
  const flyerPages = await flyerPageCount(request, targets.length, fontsDir);
  if (targets.length <= setsPerChunk) {
    const pdf = await renderChunk(request, targets, flyerPages, fontsDir);
    fs.writeFileSync(outPath, pdf);
    post({ type: 'progress', done: targets.length, total: targets.length });
    return { bytes: pdf.length, pages: (await PDFDocument.load(pdf)).getPageCount() };
  }
  const combined = await PDFDocument.create();
  combined.setTitle(request.documents.length === 1 && request.documents[0] === 'flyer' ? request.pack.productName : '書類一式');
  combined.setCreator(request.pack.contacts.agency.organization);
  for (let start = 0; start < targets.length; start += setsPerChunk) {
    const chunk = targets.slice(start, start + setsPerChunk);
    const part = await PDFDocument.load(await renderChunk(request, chunk, flyerPages, fontsDir));
    for (const page of await combined.copyPages(part, part.getPageIndices())) combined.addPage(page);
    post({ type: 'progress', done: start + chunk.length, total: targets.length });
  }
  const pdf = await combined.save();
  fs.writeFileSync(outPath, pdf);
  return { bytes: pdf.length, pages: combined.getPageCount() };
}

render(workerData as PdfRenderData).then(
  (result) => post({ type: 'result', result }),
  (error: unknown) => post({ type: 'error', message: String(error) }),
);
