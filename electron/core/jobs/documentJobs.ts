import fs from 'node:fs';
import path from 'node:path';
import { buildDocumentSet, type DocumentSetRequest, type SetTarget } from '../../../shared/documents/buildDocumentSet.ts';
import { isSpecimenFlyer } from '../../../shared/documents/flyer.ts';
import { agencyTextVersionsOf } from '../../../shared/documents/tracedTexts.ts';
import { formatDocumentDate } from '../../../shared/time/formatDocumentDate.ts';
import { readAgencyTexts } from '../db/repos/agencyTexts.ts';
import { documentFileName, documentTitle, inSetOrder } from '../../../shared/documents/documentKinds.ts';
import { documentRequestProblem, needsRecipient, recipientOf } from '../../../shared/documents/documentRequestProblem.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import { tokyoDateString, tokyoToday } from '../../../shared/time/tokyoDate.ts';
import type { ContentManager } from '../content/contentManager.ts';
import type { Db } from '../db/connection.ts';
import { getClinic } from '../db/repos/clinicRecords.ts';
import type { OutputSubject } from '../db/repos/documentOutputs.ts';
import { getInquiry } from '../db/repos/inquiries.ts';
import { getQuote } from '../db/repos/quotes.ts';
import { intentSheetTarget } from './intentSheetTarget.ts';
import { readSettings } from '../db/repos/settings.ts';
import { getStaff } from '../db/repos/staff.ts';
import { AppError } from '../errors.ts';
import { jobMessages } from '../../../shared/messages/jobMessages.ts';
import type { FileStore } from '../files/fileStore.ts';
import { resourcesDir } from '../paths.ts';
import type { ResidentWorker } from '../workers/runWorker.ts';
import type { PdfJob, PdfRenderData, PdfRenderResult } from '../workers/pdfRender.worker.ts';
import type { JobImplementations } from './jobRunner.ts';
import { outputInputsOf, sha256OfFile } from './documentTrail.ts';
import { renderPerClinicZip } from './perClinicPdfs.ts';
import { narrowMailing } from './mailingNarrowing.ts';

/** Where the PDF thread finds the fonts it embeds. */
export const pdfFontsDir = () => path.join(resourcesDir(), 'fonts');

export interface DocumentJobDeps {
  db: Db;
  files: FileStore;
  content: ContentManager;
  now: () => Date;
  /** What each finished PDF was made for, until it is saved or printed (then it is recorded). */
  outputs: Map<string, OutputSubject>;
  /** The PDF thread, kept up between jobs by the core. */
  pdfWorker: ResidentWorker<PdfJob, PdfRenderResult>;
}

const countFormat = new Intl.NumberFormat('ja-JP');

/** Printable documents: data gathered and checked here, layout and PDF rendering in a worker thread. */
export function documentJobs(deps: DocumentJobDeps): Pick<JobImplementations, 'documents.render'> {
  const { db } = deps;
  return {
    async 'documents.render'(input, ctx) {
      const documents = inSetOrder(input.documents);
      const { pack, rates, insurerFlyerPdf, importantMattersPdf } = deps.content.current;
      // The insurer's own flyer is the complete flyer whatever the rate table: never a specimen.
      const flyerIsSpecimen = !insurerFlyerPdf && isSpecimenFlyer(rates);
      const quote = input.quoteId ? getQuote(db, input.quoteId) : undefined;
      if (input.quoteId && !quote) throw new AppError('NOT_FOUND');
      const inquiryId = input.inquiryId ?? (documents.includes('quoteSheet') ? quote?.inquiryId : undefined);
      const inquiry = inquiryId ? getInquiry(db, inquiryId) : undefined;
      if (inquiryId && !inquiry) throw new AppError('NOT_FOUND');

      // A document that is the same for everyone (the flyer alone) is made once, for nobody.
      // The important-matters document printed from an inquiry is recorded as given to its clinic.
      const forInquiry = inquiry !== undefined && documents.includes('importantMatters');
      const chosenIds = !needsRecipient(documents) && !forInquiry ? [] : inquiry ? [inquiry.clinicId] : input.clinicIds;
      const chosen = chosenIds.map((id): Clinic => {
        const clinic = getClinic(db, id);
        if (!clinic) throw new AppError('NOT_FOUND');
        return clinic;
      });
      // A mailing leaves out 送付不要 clinics (and FAX-less ones, when so chosen); a single print does not.
      // Several clinics are a mailing whether or not the caller said so.
      const asMailing = input.mailing ?? (chosen.length > 1 ? { sentBy: null } : undefined);
      const mailing = asMailing && chosen.length > 0 ? narrowMailing(chosen, asMailing) : undefined;
      const clinics = mailing?.clinics ?? chosen;
      const clinicIds = clinics.map((clinic) => clinic.id);
      const currentAgencyTexts = readAgencyTexts(db);
      // The same rule book as the print screen (shared/documents), so both say the same thing.
      const problem = documentRequestProblem(
        {
          documents,
          recipient: recipientOf({ clinicIds: input.clinicIds, inquiryId }),
          clinicIds: input.clinicIds,
          inquiry: inquiry ? { id: inquiry.id, clinicId: inquiry.clinicId } : null,
          quote: quote ? { inquiryId: quote.inquiryId, snapshot: quote.snapshot } : null,
          clinicKind: clinics.length === 1 ? clinics[0]!.kind : null,
          flyerIsSpecimen,
          agencyTexts: currentAgencyTexts,
          importantMattersAvailable: importantMattersPdf !== undefined,
        },
        pack,
      );
      if (problem) throw new AppError('INVALID_INPUT', problem.message, { [problem.field]: problem.message });

      const settings = readSettings(db);
      const staffName = settings.currentStaffId ? getStaff(db, settings.currentStaffId)?.name : undefined;
      const today = tokyoToday(deps.now());
      const documentDate = (date: string) => formatDocumentDate(date, settings.dateStyle);
      const quoteTarget = quote && {
        snapshot: quote.snapshot,
        quotedOn: documentDate(tokyoDateString(new Date(quote.createdAt))),
        // The rate table's own 有効期限, carried by the saved quote; none when the table stated none.
        validUntil: quote.snapshot.validUntil ? documentDate(quote.snapshot.validUntil) : undefined,
      };
      const intent = documents.includes('intentConfirmation') && inquiry ? intentSheetTarget(db, inquiry.id, pack, currentAgencyTexts, documentDate) : undefined;
      const targets: SetTarget[] =
        clinics.length === 0 ? [{}] : clinics.map((clinic) => ({ clinic, receiptNumber: inquiry?.receiptNumber, quote: quoteTarget, intent }));

      const progressLabel = (done: number) => jobMessages.countOf(countFormat.format(done), countFormat.format(targets.length));
      ctx.progress(0, targets.length, targets.length > 1 ? progressLabel(0) : jobMessages.makingDocuments);
      const { fileId, path: outPath } = deps.files.reservePath();
      const request: DocumentSetRequest = {
        documents,
        pack,
        rates,
        issuedOn: formatDocumentDate(today, settings.dateStyle),
        agencyTexts: currentAgencyTexts,
        staffName,
        cover: input.cover,
      };
      // Every set of a run prints the same agency texts: the first one's trail stands for all.
      const agencyTexts = agencyTextVersionsOf(buildDocumentSet(request, targets[0]!, 1).map((part) => part.definition));
      const specimen = documents.includes('flyer') && flyerIsSpecimen;
      const data: PdfRenderData = {
        request,
        targets,
        fontsDir: pdfFontsDir(),
        outPath,
        insurerFlyerPdf,
        importantMattersPdf,
        title: documentTitle(documents, { specimen }),
        createdAt: deps.now().toISOString(),
      };
      const subject = clinics.length === 1 ? clinics[0]!.name : clinics.length > 1 ? `${clinics.length}件` : undefined;
      // A specimen flyer is for looking at: it is not recorded as sent.
      const sent = specimen ? documents.filter((kind) => kind !== 'flyer') : documents;
      const trail = {
        documents: sent,
        clinicIds,
        inquiryId: inquiry?.id ?? null,
        agencyTexts,
        content: { code: pack.document.code, date: pack.document.createdOn, rateVersion: rates.version },
        quoteId: documents.includes('quoteSheet') ? (quote?.id ?? null) : null,
        mailing: mailing !== undefined,
        faxNumbers: Object.fromEntries(clinics.filter((clinic) => clinic.fax !== '').map((clinic) => [clinic.id, clinic.fax])),
      };
      if (input.output === 'perClinic' && clinics.length > 0) {
        // Each clinic's PDF is its own record: its row carries that PDF's hash and the PDF is kept.
        const made = await renderPerClinicZip(deps, data, clinics, outPath, ctx);
        const zipName = documentFileName(documents, subject, today, { specimen }).replace(/\.pdf$/, `_${jobMessages.perClinicSuffix}.zip`);
        const file = deps.files.adopt(fileId, outPath, zipName, 'application/zip');
        deps.outputs.set(file.fileId, { outputKey: file.fileId, ...trail, sha256: sha256OfFile(outPath), clinicFiles: made.clinicFiles, postedIds: mailing?.postedIds });
        ctx.progress(targets.length, targets.length, jobMessages.documentsMade);
        return { file, pages: made.pages, clinics: clinics.length, ...(mailing ? { mailing: mailing.outcome } : {}) };
      }
      let rendered: PdfRenderResult;
      try {
        rendered = await deps.pdfWorker.run(data, {
          signal: ctx.signal,
          goOn: ctx.goOn,
          onProgress: (done) => ctx.progress(done, targets.length, progressLabel(done)),
          // A mailing leaves the thread's heap grown by its pages: the next print starts afresh.
          thenRetire: targets.length > 1,
        });
      } catch (error) {
        // A cancelled or failed run leaves no half-written file behind.
        fs.rmSync(outPath, { force: true });
        throw error;
      }
      const file = deps.files.adopt(fileId, outPath, documentFileName(documents, subject, today, { specimen }), 'application/pdf');
      deps.outputs.set(file.fileId, {
        outputKey: file.fileId,
        ...trail,
        sha256: sha256OfFile(outPath),
        // A one-clinic PDF is kept as a file when it is saved or printed; one for none or many keeps what makes it again.
        inputs: clinics.length === 1 ? undefined : outputInputsOf(data),
        postedIds: mailing?.postedIds,
      });
      ctx.progress(targets.length, targets.length, jobMessages.documentsMade);
      return { file, pages: rendered.pages, clinics: clinics.length, ...(mailing ? { mailing: mailing.outcome } : {}) };
    },
  };
}
