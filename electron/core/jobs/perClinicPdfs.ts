import fs from 'node:fs';
import { clinicFileNames } from '../../../shared/documents/clinicFileNames.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import { jobMessages } from '../../../shared/messages/jobMessages.ts';
import type { FileStore } from '../files/fileStore.ts';
import { writeZip } from '../files/pdfZip.ts';
import type { ResidentWorker } from '../workers/runWorker.ts';
import type { PdfJob, PdfRenderData, PdfRenderResult } from '../workers/pdfRender.worker.ts';
import type { JobContext } from './jobRunner.ts';
import { sha256OfFile } from './documentTrail.ts';

export interface PerClinicResult {
  pages: number;
  /** Each clinic's PDF: its name in the zip and its SHA-256. */
  clinicFiles: { clinicId: string; entry: string; sha256: string }[];
}

const countFormat = new Intl.NumberFormat('ja-JP');

/**
 * 医療機関ごとのPDF: each clinic's set made as its own PDF (the same set the combined PDF would
 * hold for it), named by the clinic, then all of them in one zip at `zipPath`. The PDFs in
 * between are removed, whatever happens.
 */
export async function renderPerClinicZip(
  deps: { files: FileStore; pdfWorker: ResidentWorker<PdfJob, PdfRenderResult> },
  data: PdfRenderData,
  clinics: readonly Clinic[],
  zipPath: string,
  ctx: JobContext,
): Promise<PerClinicResult> {
  const names = clinicFileNames(clinics.map((clinic) => clinic.name));
  const made: { clinicId: string; entry: string; path: string; sha256: string }[] = [];
  let pages = 0;
  try {
    for (const [index, target] of data.targets.entries()) {
      ctx.signal.throwIfAborted();
      const { path: outPath } = deps.files.reservePath();
      made.push({ clinicId: clinics[index]!.id, entry: names[index]!, path: outPath, sha256: '' });
      const rendered = await deps.pdfWorker.run({ ...data, targets: [target], outPath }, { signal: ctx.signal });
      made[index]!.sha256 = sha256OfFile(outPath);
      pages += rendered.pages;
      ctx.progress(index + 1, clinics.length, jobMessages.countOf(countFormat.format(index + 1), countFormat.format(clinics.length)));
      await ctx.goOn?.();
    }
    ctx.signal.throwIfAborted();
    await writeZip(
      made.map((file) => ({ name: file.entry, path: file.path })),
      zipPath,
      new Date(data.createdAt),
    );
  } catch (error) {
    fs.rmSync(zipPath, { force: true });
    throw error;
  } finally {
    for (const file of made) fs.rmSync(file.path, { force: true });
  }
  return { pages, clinicFiles: made.map(({ clinicId, entry, sha256 }) => ({ clinicId, entry, sha256 })) };
}
