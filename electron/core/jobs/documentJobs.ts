import fs from 'node:fs';
import path from 'node:path';
import { documentFileName, documentKinds } from '../../../shared/documents/documentKinds.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import type { ContentManager } from '../content/contentManager.ts';
import type { Db } from '../db/connection.ts';
import { getClinic } from '../db/repos/clinics.ts';
import { getInquiry } from '../db/repos/inquiries.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import { resourcesDir } from '../paths.ts';
import { runWorker } from '../workers/runWorker.ts';
import type { PdfRenderData } from '../workers/pdfRender.worker.ts';
import type { JobImplementations } from './jobRunner.ts';

export interface DocumentJobDeps {
  db: Db;
  files: FileStore;
  content: ContentManager;
  now: () => Date;
}

/** Printable documents: data gathered here, layout and PDF rendering in a worker thread. */
export function documentJobs(deps: DocumentJobDeps): Pick<JobImplementations, 'documents.render'> {
  return {
    async 'documents.render'(input, ctx) {
      const inquiry = input.inquiryId ? getInquiry(deps.db, input.inquiryId) : undefined;
      if (input.inquiryId && !inquiry) throw new AppError('NOT_FOUND');
      const perClinic = documentKinds[input.document].perClinic;
      const clinicId = perClinic ? (inquiry?.clinicId ?? input.clinicId) : undefined;
      const clinic = clinicId ? getClinic(deps.db, clinicId) : undefined;
      if (clinicId && !clinic) throw new AppError('NOT_FOUND');
      ctx.progress(0, 1, '書類を作成しています…');
      const { fileId, path: outPath } = deps.files.reservePath();
      const data: PdfRenderData = {
        document: {
          kind: input.document,
          pack: deps.content.current.pack,
          rates: deps.content.current.rates,
          clinic,
          receiptNumber: perClinic ? inquiry?.receiptNumber : undefined,
        },
        fontsDir: path.join(resourcesDir(), 'fonts'),
        outPath,
      };
      try {
        await runWorker<number>('pdfRender', data, { signal: ctx.signal });
      } catch (error) {
        fs.rmSync(outPath, { force: true });
        throw error;
      }
      ctx.progress(1, 1, '作成しました');
      const name = documentFileName(input.document, clinic?.name, tokyoToday(deps.now()));
      return { file: deps.files.adopt(fileId, outPath, name, 'application/pdf') };
    },
  };
}
