import fs from 'node:fs';
import { buildAddressLabels } from '../../../shared/documents/addressLabels.ts';
import { documentFileName } from '../../../shared/documents/documentKinds.ts';
import { labelSheets } from '../../../shared/documents/labelSheets.ts';
import { jobMessages } from '../../../shared/messages/jobMessages.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import { getClinic } from '../db/repos/clinicRecords.ts';
import { readLabelOffset } from '../db/repos/labelOffset.ts';
import { narrowMailing } from './mailingNarrowing.ts';
import { AppError } from '../errors.ts';
import type { PdfRenderResult } from '../workers/pdfRender.worker.ts';
import { pdfFontsDir, type DocumentJobDeps } from './documentJobs.ts';
import { sha256OfFile } from './documentTrail.ts';
import type { JobImplementations } from './jobRunner.ts';

const labelTitle = '宛名ラベル';

/** 宛名ラベル: the clinics' addresses on a label sheet, at this machine's printer offset, rendered off the main thread. */
export function labelJobs(deps: DocumentJobDeps): Pick<JobImplementations, 'documents.labels'> {
  const { db } = deps;
  return {
    async 'documents.labels'(input, ctx) {
      // The contract refuses a 使用済みの面数 beyond the sheet before the job starts.
      const sheet = labelSheets[input.sheet];
      const chosen = input.clinicIds.map((id) => {
        const clinic = getClinic(db, id);
        if (!clinic) throw new AppError('NOT_FOUND');
        return clinic;
      });
      // Labels for many are a mailing by post: 送付不要 clinics are left out, as every mailing leaves them.
      const mailing = chosen.length > 1 ? narrowMailing(chosen, { sentBy: 'post' }) : undefined;
      const clinics = mailing?.clinics ?? chosen;
      ctx.progress(0, 1, jobMessages.makingDocuments);
      const { definition, shortened } = buildAddressLabels(
        clinics.map((clinic) => ({ name: clinic.name, person: clinic.contactPerson, postalCode: clinic.postalCode, address: clinic.address })),
        { sheet, skip: input.skip, offset: readLabelOffset(db), outline: input.outline, title: labelTitle },
      );
      const { fileId, path: outPath } = deps.files.reservePath();
      let rendered: PdfRenderResult;
      try {
        rendered = await deps.pdfWorker.run(
          {
            kind: 'labels',
            definition,
            fontsDir: pdfFontsDir(),
            outPath,
            title: labelTitle,
            author: deps.content.current.pack.contacts.agency.organization,
            createdAt: deps.now().toISOString(),
          },
          { signal: ctx.signal, goOn: ctx.goOn },
        );
      } catch (error) {
        fs.rmSync(outPath, { force: true });
        throw error;
      }
      const today = tokyoToday(deps.now());
      const subject = clinics.length === 1 ? clinics[0]!.name : `${clinics.length}件`;
      const file = deps.files.adopt(fileId, outPath, documentFileName(['addressLabels'], subject, today), 'application/pdf');
      deps.outputs.set(file.fileId, {
        outputKey: file.fileId,
        // A test print with outlines on plain paper goes to no one: it is not recorded.
        documents: input.outline ? [] : ['addressLabels'],
        clinicIds: clinics.map((clinic) => clinic.id),
        inquiryId: null,
        sha256: sha256OfFile(outPath),
        // No file is kept: a sheet holds up to 24 clinics' addresses and 先方ご担当者, and a kept copy
        // would outlive 完全削除 of any one of them while another stays (個人情報保護法22条).
        sentBy: 'post',
      });
      ctx.progress(1, 1, jobMessages.labelsMade);
      return {
        file,
        pages: rendered.pages,
        clinics: clinics.length,
        ...(mailing ? { mailing: mailing.outcome } : {}),
        shortened: shortened.map((index) => ({ clinicId: clinics[index]!.id, name: clinics[index]!.name })),
      };
    },
  };
}
