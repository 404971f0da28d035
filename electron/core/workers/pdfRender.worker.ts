import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { buildDocument, type DocumentData } from '../../../shared/documents/buildDocument.ts';
import { renderPdf } from '../pdf/renderPdf.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface PdfRenderData {
  document: DocumentData;
  fontsDir: string;
  outPath: string;
}

/** Builds and renders one document off the main thread, writing the PDF to outPath. */
async function render({ document, fontsDir, outPath }: PdfRenderData): Promise<number> {
  const pdf = await renderPdf(buildDocument(document), fontsDir);
  fs.writeFileSync(outPath, pdf);
  return pdf.length;
}

function post(message: WorkerMessage<number>): void {
  parentPort?.postMessage(message);
}

render(workerData as PdfRenderData).then(
  (bytes) => post({ type: 'result', result: bytes }),
  (error: unknown) => post({ type: 'error', message: String(error) }),
);
