import type { AppInfo } from '../../../shared/contract/channels.ts';
import type { ContentImportRequest } from '../../../shared/content/contentImport.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import { createClinic, getClinic, setClinicArchived, updateClinic } from '../db/repos/clinicRecords.ts';
import { clinicMunicipalities, findClinics, matchingClinicIds } from '../db/repos/clinicSearch.ts';
import { clinicsWithoutFax, findMailingRecipients, mailingRecipientIds } from '../db/repos/mailingRecipients.ts';
import { municipalityOf } from '../postal/municipalityOf.ts';
import { findDuplicateClinics } from '../db/repos/clinicDuplicates.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { changeInquiryStatus, createInquiry, getInquiry, homeSummary, inquiryHistory, listInquiries, updateInquiry } from '../db/repos/inquiries.ts';
import { inquiriesWithSameReceiptNumber } from '../db/repos/sameReceiptNumber.ts';
import { inquiryChecklist } from '../db/repos/inquiryChecklist.ts';
import { markStep } from '../db/repos/inquirySteps.ts';
import { addFollowUp, followUpsOf } from '../db/repos/inquiryFollowUps.ts';
import { readSettings } from '../db/repos/settings.ts';
import { readAgencyTexts, updateAgencyText } from '../db/repos/agencyTexts.ts';
import { createStaff, listStaff, updateStaff } from '../db/repos/staff.ts';
import { AppError } from '../errors.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import { lookupPostalCode } from '../postal/lookupPostalCode.ts';
import type { HandlerMap } from './handlerMap.ts';
import type { ContentManager } from '../content/contentManager.ts';
import type { FileStore } from '../files/fileStore.ts';
import { listQuotes, saveQuote } from '../db/repos/quotes.ts';
import { calculateQuote } from '../../../shared/quote/calculateQuote.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { outputMessages } from '../../../shared/messages/outputMessages.ts';
import { quoteMessages } from '../../../shared/messages/quoteMessages.ts';
import type { BackupService } from '../backup/backupService.ts';
import { retentionHandlers } from './retentionHandlers.ts';
import { documentOutputHistory, recordDocumentOutput, type OutputSubject } from '../db/repos/documentOutputs.ts';
import { syncHandlers, type SyncHandlerDeps } from './syncHandlers.ts';
import { clinicMergeHandlers } from './clinicMergeHandlers.ts';
import { importantMattersHandlers } from './importantMattersHandlers.ts';
import { documentTrailHandlers } from './documentTrailHandlers.ts';
import { type DocumentTrailDeps } from '../jobs/documentTrail.ts';
import { readLabelOffset, saveLabelOffset } from '../db/repos/labelOffset.ts';
import { keepOutputFiles } from '../jobs/keepOutputFiles.ts';
import { refuseFaxWithoutNumbers } from '../jobs/mailingNarrowing.ts';
import { actorText, currentActor } from '../db/repos/actor.ts';
import { syncRepairHandlers } from './syncRepairHandlers.ts';
import { intentHandlers } from './intentHandlers.ts';
import { clinicSummaryHandlers } from './clinicSummaryHandlers.ts';

export interface HandlerDeps {
  db: Db;
  jobs: JobRunner;
  info: () => AppInfo;
  writeContext: () => WriteContext;
  /** The clock: "today" is the Japanese date of this instant. */
  now: () => Date;
  content: ContentManager;
  files: FileStore;
  backups: BackupService;
  backupsDir: string;
  /** PDFs the print centre made, by file id, waiting to be saved or printed. */
  outputs: Map<string, OutputSubject>;
  /** The trail of documents given: where one-clinic PDFs are kept, and the PDF thread that makes a mailing again. */
  trail: DocumentTrailDeps;
  /** Sharing through the office hub: the replication engine, where the hub password is kept, the log. */
  sync: Pick<SyncHandlerDeps, 'engine' | 'secrets' | 'log'>;
}

/** The handler map both transports serve. Handlers never know which transport called them. */
export function createHandlers(deps: HandlerDeps) {
  const { db, jobs } = deps;
  const storedFile = (fileId: string) => {
    const stored = deps.files.require(fileId);
    return { path: stored.path, name: stored.ref.name };
  };
  const pdfIdsOf = (request: ContentImportRequest) => (request.kind === 'pack' ? (request.pdfFileIds ?? []) : []);
  const pdfFilesOf = (request: ContentImportRequest) => pdfIdsOf(request).map(storedFile);
  /** Runs the one consumer of a file the user brought in; once it has succeeded the file goes. */
  const consume = async <T>(fileId: string, use: (stored: { path: string; name: string }) => T | Promise<T>): Promise<T> => {
    const result = await use(storedFile(fileId));
    deps.files.release(fileId);
    return result;
  };
  const inquiryDetail = (id: string) => {
    const inquiry = getInquiry(db, id);
    if (!inquiry) throw new AppError('NOT_FOUND');
    return { inquiry, history: inquiryHistory(db, id), sameReceiptNumber: inquiriesWithSameReceiptNumber(db, id), checklist: inquiryChecklist(db, id, tokyoToday(deps.now())), followUps: followUpsOf(db, id) };
  };
  return {
    'app.info': () => deps.info(),
    'clinics.create': (input) => createClinic(db, input, deps.writeContext()),
    'clinics.get': ({ id }) => {
      const clinic = getClinic(db, id);
      if (!clinic) throw new AppError('NOT_FOUND');
      return clinic;
    },
    'clinics.search': (input) => findClinics(db, input),
    'clinics.municipalities': () => ({ items: clinicMunicipalities(db, municipalityOf.codeOf) }),
    'clinics.matchingIds': ({ query }) => matchingClinicIds(db, query, limits.maxBatchClinics),
    'mailing.recipients': ({ limit, ...filter }) => findMailingRecipients(db, filter, limit),
    'mailing.recipientIds': (filter) => mailingRecipientIds(db, filter, limits.maxBatchClinics),
    'mailing.withoutFax': ({ clinicIds }) => ({ items: clinicsWithoutFax(db, clinicIds) }),
    'clinics.update': ({ id, clinic, expectedRevision }) => updateClinic(db, id, clinic, deps.writeContext(), expectedRevision),
    'clinics.archive': ({ id }) => setClinicArchived(db, id, true, deps.writeContext()),
    'clinics.restore': ({ id }) => setClinicArchived(db, id, false, deps.writeContext()),
    'clinics.duplicates': ({ exceptId, ...fields }) => ({ matches: findDuplicateClinics(db, fields, exceptId) }),
    'postal.lookup': ({ postalCode }) => ({ postalCode, addresses: lookupPostalCode(postalCode) }),
    'staff.list': ({ includeInactive }) => ({ items: listStaff(db, includeInactive) }),
    'staff.create': ({ name, solicitor }) => createStaff(db, name, deps.writeContext(), solicitor),
    'staff.update': ({ id, ...patch }) => updateStaff(db, id, patch, deps.writeContext()),
    'settings.get': () => readSettings(db),
    // 'settings.update' is with the sync handlers: a sharing machine claims a new prefix on the hub.
    'settings.agencyTexts': () => readAgencyTexts(db),
    'settings.updateAgencyText': (update) => updateAgencyText(db, update, deps.writeContext()),
    'settings.labelOffset': () => readLabelOffset(db),
    'settings.saveLabelOffset': (offset) => saveLabelOffset(db, offset),
    'inquiries.create': ({ clinicId, ...fields }) => inquiryDetail(createInquiry(db, clinicId, fields, deps.writeContext()).id),
    'inquiries.get': ({ id }) => inquiryDetail(id),
    'inquiries.update': ({ id, inquiry, expectedRevision }) => inquiryDetail(updateInquiry(db, id, inquiry, deps.writeContext(), expectedRevision).id),
    'inquiries.changeStatus': ({ id, ...change }) => inquiryDetail(changeInquiryStatus(db, id, change, deps.writeContext()).id),
    'inquiries.markStep': (input) => {
      markStep(db, input, deps.writeContext());
      return inquiryDetail(input.inquiryId);
    },
    'inquiries.addFollowUp': (input) => {
      addFollowUp(db, input, deps.writeContext());
      return inquiryDetail(input.inquiryId);
    },
    'inquiries.list': (query) => listInquiries(db, { ...query, today: tokyoToday(deps.now()) }),
    'home.summary': () => homeSummary(db, tokyoToday(deps.now())),
    'content.get': () => {
      // Where the insurer's flyer lies on disk stays in the core: the window learns only that there is one.
      const { pack, rates, problems, insurerFlyerPdf, importantMattersPdf } = deps.content.current;
      const importantMatters = importantMattersPdf && pack.importantMatters ? { code: pack.importantMatters.code, date: pack.importantMatters.date } : null;
      return { pack, rates, problems, insurerFlyer: insurerFlyerPdf !== undefined, importantMatters };
    },
    'content.rateTemplate': () => deps.content.rateTemplate(deps.files),
    'content.previewImport': (request) => deps.content.preview(storedFile(request.fileId), request, deps.writeContext(), pdfFilesOf(request)),
    'content.acceptImport': async (request) => {
      const change = await consume(request.fileId, (stored) => deps.content.install(db, stored, request, deps.writeContext(), pdfFilesOf(request)));
      for (const id of pdfIdsOf(request)) deps.files.release(id);
      return change;
    },
    'content.changes': () => ({ items: deps.content.changes(db) }),
    'content.revert': ({ changeId }) => deps.content.revert(db, changeId, deps.writeContext()),
    'quotes.save': ({ inquiryId, clinicKind, planId }) => {
      // Figures come from the table the core holds, never from the window.
      const { rates } = deps.content.current;
      if (!rates.plans.some((p) => p.id === planId)) {
        throw new AppError('INVALID_INPUT', quoteMessages.planNotInTable, { planId: quoteMessages.planNotInTableField });
      }
      const quote = calculateQuote(rates, clinicKind, planId);
      if (quote.kind !== 'figure') {
        throw new AppError('INVALID_INPUT', quoteMessages.figureDependsOnDeclaration, {
          clinicKind: quoteMessages.askAgencyField,
        });
      }
      return saveQuote(db, inquiryId, quote, deps.writeContext());
    },
    'quotes.list': ({ inquiryId }) => ({ items: listQuotes(db, inquiryId) }),
    'documents.recordOutput': async ({ fileId, action, sentBy, faxNumber }) => {
      const stored = deps.files.require(fileId);
      const subject = deps.outputs.get(fileId);
      if (!subject) throw new AppError('INVALID_INPUT', outputMessages.notFromPrintCentre);
      refuseFaxWithoutNumbers(subject, sentBy);
      // A PDF for one clinic is kept as made, so 「送付した書類を表示」 can show it and check its hash.
      const kept = await keepOutputFiles(deps.trail.documentsDir, subject, stored.path, deps.now());
      const delivery = { sentBy, faxNumber: faxNumber || null, actor: actorText(currentActor(db)), ...kept };
      const added = recordDocumentOutput(db, subject, action, deps.writeContext(), delivery);
      // Clinics it was recorded on: a blank form's row names none.
      const recorded = subject.clinicIds.length > 0 ? added : 0;
      const inquiry = subject.inquiryId ? getInquiry(db, subject.inquiryId) : undefined;
      return { recorded, onTrail: subject.documents.length > 0, inquiry: inquiry ? { id: inquiry.id, receiptNumber: inquiry.receiptNumber, status: inquiry.status, revision: inquiry.revision } : null };
    },
    'documents.history': (by) => ({ items: documentOutputHistory(db, by) }),
    'backups.list': () => ({ items: deps.backups.list() }),
    'backups.create': () => deps.backups.create(),
    'backups.export': ({ fileName, password }) => deps.backups.export(fileName, password),
    'backups.addFromFile': ({ fileId, password }) => consume(fileId, (stored) => deps.backups.addFromFile(stored, password)),
    'backups.restore': ({ fileName }) => deps.backups.restore(fileName),
    'jobs.start': (input) => jobs.start(input),
    'jobs.get': ({ jobId }) => jobs.get(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
    ...clinicMergeHandlers(db, deps.writeContext),
    ...clinicSummaryHandlers({ db, now: deps.now, writeContext: deps.writeContext, inquiryDetail }),
    ...importantMattersHandlers(db, deps.writeContext),
    ...intentHandlers(db, deps.content, deps.writeContext),
    ...documentTrailHandlers(deps.trail),
    ...retentionHandlers({ db, backupsDir: deps.backupsDir, documentsDir: deps.trail.documentsDir, now: deps.now, busy: () => jobs.busy, writeContext: deps.writeContext }),
    ...syncHandlers({
      db,
      files: deps.files,
      machineId: deps.writeContext().machineId,
      writeContext: deps.writeContext,
      now: deps.now,
      backupsDir: deps.backupsDir,
      ...deps.sync,
    }),
    ...syncRepairHandlers({ db }),
  } satisfies HandlerMap;
}
