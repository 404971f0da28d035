import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildDocumentSet, type DocumentSetRequest, type SetTarget } from '../../../shared/documents/buildDocumentSet.ts';
import { combineDocuments } from '../../../shared/documents/documentSet.ts';
import { buildFlyer } from '../../../shared/documents/flyer.ts';
import { insertInsurerFlyer, insurerFlyerPageCount, type InsurerPdfFiles } from '../pdf/insertInsurerFlyer.ts';
import { tagSubsetsUniquely } from '../pdf/uniqueSubsetTags.ts';
import { createFileLogger, silentLogger } from '../log/logger.ts';
import { patchesWanted } from '../pdf/patches/patchSwitch.ts';
import { preparePdfmake, renderPdf } from '../pdf/renderPdf.ts';
import { gatedPost, type ProgressGated } from './progressGate.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface PdfRenderData {
  request: DocumentSetRequest;
  /** One set per target, in order; a single empty target prints blank forms. */
  targets: SetTarget[];
  fontsDir: string;
  outPath: string;
  /** The insurer's own flyer PDF, checked when the content was loaded: printed instead of the app's rendition. */
  insurerFlyerPdf?: string | undefined;
  /** The insurer's important-matters PDF, checked when the content was loaded: the only form that document takes. */
  importantMattersPdf?: string | undefined;
  /** The PDF's title, as its file name starts: 書類一式 for a set. */
  title: string;
  /**
   * When it was made (ISO), written as its creation date. Fixed by the caller, since pdfkit
   * derives the file's ID from it: the same inputs then make the same bytes, which is how a
   * mailing kept as its inputs is shown again and checked against its recorded SHA-256.
   */
  createdAt: string;
}

/** A sheet of address labels: one laid-out document, written as it is. */
export interface LabelsRenderData {
  kind: 'labels';
  definition: TDocumentDefinitions;
  fontsDir: string;
  outPath: string;
  title: string;
  author: string;
  createdAt: string;
}

/** Anything the PDF thread makes. */
export type PdfJob = PdfRenderData | LabelsRenderData;

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

/** What the thread is told at start: where the fonts are, to parse them before the first job. */
export interface PdfWorkerStart {
  fontsDir: string;
  /** The app's log folder: the thread notes there when it runs pdfmake without its patches. */
  logDir?: string | undefined;
}

type Report = (done: number, total: number) => void;

/** Pages of the flyer, needed only to number it inside a set (alone it numbers itself). */
async function flyerPageCount(request: DocumentSetRequest, targets: number, fontsDir: string): Promise<number> {
  if (!request.documents.includes('flyer') || (request.documents.length === 1 && targets === 1)) return 0;
  const pdf = await renderPdf(buildFlyer(request.pack, request.rates), fontsDir);
  return (await PDFDocument.load(pdf)).getPageCount();
}

/** What every PDF of a job says about itself: title, author (the agency) and when it was made. */
interface PdfInfo {
  title: string;
  author: string;
  created: Date;
}

async function renderChunk(request: DocumentSetRequest, targets: readonly SetTarget[], flyerPages: number, fontsDir: string, info: PdfInfo, insurerPdfs: InsurerPdfFiles): Promise<Uint8Array> {
  const parts = targets.flatMap((target) => buildDocumentSet(request, target, flyerPages));
  const definition = combineDocuments(parts);
  const { title, author, created } = info;
  const pdf = await renderPdf({ ...definition, info: { ...definition.info, title, author, creator: author, creationDate: created, modDate: created } }, fontsDir);
  return parts.some((part) => part.insurerPdf) ? insertInsurerFlyer(pdf, parts, insurerPdfs) : pdf;
}

/** Sets in each chunk of a mailing: the first ones small, so the progress bar moves within a second of the start. */
function chunkSizes(sets: number): number[] {
  const sizes: number[] = [];
  for (let left = sets, size = 1; left > 0; left -= size, size = Math.min(size * 2, setsPerChunk)) sizes.push(Math.min(size, left));
  return sizes;
}

/** Builds and renders every set off the main thread and writes one PDF to outPath. */
async function render({ request: asked, targets, fontsDir, outPath, insurerFlyerPdf, importantMattersPdf, title, createdAt }: PdfRenderData, report: Report): Promise<PdfRenderResult> {
  const withFlyer = insurerFlyerPdf !== undefined && asked.documents.includes('flyer');
  const insurerPdfs: InsurerPdfFiles = { flyer: insurerFlyerPdf, importantMatters: importantMattersPdf };
  const alone = asked.documents.length === 1 && targets.length === 1 ? (withFlyer ? insurerFlyerPdf : asked.documents[0] === 'importantMatters' ? importantMattersPdf : undefined) : undefined;
  if (alone) {
    // One of the insurer's PDFs alone is handed out byte for byte as the insurer supplied it.
    fs.copyFileSync(alone, outPath);
    report(1, 1);
    return { bytes: fs.statSync(outPath).size, pages: await insurerFlyerPageCount(alone) };
  }
  const info: PdfInfo = { title, author: asked.pack.contacts.agency.organization, created: new Date(createdAt) };
  const request: DocumentSetRequest = {
    ...asked,
    ...(withFlyer ? { insurerFlyerPages: await insurerFlyerPageCount(insurerFlyerPdf) } : {}),
    ...(importantMattersPdf && asked.documents.includes('importantMatters') ? { importantMattersPages: await insurerFlyerPageCount(importantMattersPdf) } : {}),
  };
  const flyerPages = withFlyer ? 0 : await flyerPageCount(request, targets.length, fontsDir);
  if (targets.length <= setsPerChunk) {
    const pdf = await renderChunk(request, targets, flyerPages, fontsDir, info, insurerPdfs);
    fs.writeFileSync(outPath, pdf);
    report(targets.length, targets.length);
    return { bytes: pdf.length, pages: (await PDFDocument.load(pdf)).getPageCount() };
  }
  const combined = await PDFDocument.create();
  combined.setTitle(info.title);
  combined.setAuthor(info.author);
  combined.setCreator(info.author);
  combined.setCreationDate(info.created);
  combined.setModificationDate(info.created);
  let start = 0;
  for (const size of chunkSizes(targets.length)) {
    const chunk = targets.slice(start, start + size);
    const part = await PDFDocument.load(await renderChunk(request, chunk, flyerPages, fontsDir, info, insurerPdfs));
    for (const page of await combined.copyPages(part, part.getPageIndices())) combined.addPage(page);
    start += size;
    report(start, targets.length);
  }
  // Every chunk's subsets came with the same tags (DZZZZZ+…): each gets its own.
  tagSubsetsUniquely(combined);
  const pdf = await combined.save();
  fs.writeFileSync(outPath, pdf);
  return { bytes: pdf.length, pages: combined.getPageCount() };
}

/** Address labels: a page per sheet, placed absolutely, so one pdfmake document of any length stays small. */
async function renderLabels({ definition, fontsDir, outPath, title, author, createdAt }: LabelsRenderData, report: Report): Promise<PdfRenderResult> {
  const created = new Date(createdAt);
  const pdf = await renderPdf({ ...definition, info: { ...definition.info, title, author, creator: author, creationDate: created, modDate: created } }, fontsDir);
  fs.writeFileSync(outPath, pdf);
  report(1, 1);
  return { bytes: pdf.length, pages: (await PDFDocument.load(pdf)).getPageCount() };
}

/**
 * pdfmake's patches are checked against plain pdfmake (patches/selfCheck.ts) unless the setting
 * turns them off. Its reference document sets text in each font, 𠮷 included: parsing the fonts
 * and compiling the layout code is most of a first document's time, done here before anyone
 * waits for a print.
 */
async function warmUp({ fontsDir, logDir }: PdfWorkerStart): Promise<unknown> {
  return preparePdfmake({ fontsDir, patches: patchesWanted(), log: logDir ? createFileLogger(logDir) : silentLogger });
}

/**
 * The thread stays up between jobs, with its fonts parsed and its code compiled: each job is a
 * message, answered in order, one at a time.
 */
let queue: Promise<unknown> = warmUp(workerData as PdfWorkerStart).catch(() => undefined);
parentPort!.on('message', ({ id, data, progressGate }: { id: number; data: PdfJob } & ProgressGated) => {
  const post = gatedPost((message: WorkerMessage<PdfRenderResult>) => parentPort!.postMessage({ ...message, id }), progressGate);
  queue = queue.then(() =>
    ('kind' in data ? renderLabels(data, (done, total) => post({ type: 'progress', done, total })) : render(data, (done, total) => post({ type: 'progress', done, total }))).then(
      (result) => post({ type: 'result', result }),
      (error: unknown) => post({ type: 'error', message: String(error) }),
    ),
  );
});
