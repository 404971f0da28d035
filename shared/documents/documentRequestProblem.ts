import type { ContentPack } from '../content/contentPackSchema.ts';
import type { AgencyTexts } from '../domain/agencyTexts.ts';
import type { ClinicKind } from '../domain/clinic.ts';
import { documentKinds, type DocumentKind } from './documentKinds.ts';
import { documentRequestMessages as m } from './documentRequestMessages.ts';
import { quoteSheetProblem, type QuoteSnapshot } from './quoteSheet.ts';

/** Who a set is for: blank forms to fill in by hand, one clinic, or a mailing to many. */
export type DocumentRecipient = 'blank' | 'one' | 'batch';

/** What is asked for, as both the print screen and the core know it. */
export interface DocumentRequest {
  documents: readonly DocumentKind[];
  recipient: DocumentRecipient;
  /** The clinics chosen: the one clinic, or the mailing's; none for blank forms. */
  clinicIds: readonly string[];
  /** The inquiry the set is made from (its 受付番号 goes on the forms), if any. */
  inquiry: { id: string; clinicId: string } | null;
  /** The saved quote chosen for a 保険料試算書, if any. */
  quote: { inquiryId: string; snapshot: QuoteSnapshot } | null;
  /** The one clinic's 種別 as it is now, when known: a quote for another 種別 is a wrong figure. */
  clinicKind: ClinicKind | null;
  /** The flyer can only be a specimen (the rate table is a sample): never for a mailing. */
  flyerIsSpecimen?: boolean | undefined;
  /** The agency's texts, when known: a 保険料試算書 waits for its 募集の立場 to be set. */
  agencyTexts?: Pick<AgencyTexts, 'solicitationCapacity'> | undefined;
  /** The pack in force carries the insurer's important-matters PDF, checked; when known. */
  importantMattersAvailable?: boolean | undefined;
}

/** The field a problem belongs to, as the job's input names it, and what to tell staff. */
export interface DocumentProblem {
  field: 'documents' | 'clinicIds' | 'quoteId';
  message: string;
}

/** Whether any chosen document is addressed to a clinic (all but the flyer). */
export function needsRecipient(documents: readonly DocumentKind[]): boolean {
  return documents.some((kind) => documentKinds[kind].perClinic);
}

function quoteSheetRequestProblem(request: DocumentRequest, pack: ContentPack | null): DocumentProblem | null {
  const { recipient, clinicIds, inquiry, quote, clinicKind } = request;
  if (recipient !== 'one') return { field: 'documents', message: m.quoteSheetNeedsOneClinic };
  if (clinicIds.length === 0 && !inquiry) return { field: 'clinicIds', message: m.quoteSheetNeedsClinic };
  if (!inquiry) return { field: 'quoteId', message: m.quoteSheetNeedsInquiry };
  if (!quote) return { field: 'quoteId', message: m.quoteSheetNeedsQuote };
  if (quote.inquiryId !== inquiry.id) return { field: 'quoteId', message: m.quoteOfAnotherInquiry };
  const problem = pack && quoteSheetProblem(pack, quote.snapshot, clinicKind ? { kind: clinicKind } : undefined, request.agencyTexts);
  return problem ? { field: 'quoteId', message: problem } : null;
}

/**
 * The one rule book for which documents can be made for whom: the first problem with a request,
 * or null when it can be made. Pure, so the print screen explains before sending and the core
 * refuses with the same words whatever sent the request. `pack` is null only in a window that
 * has not read the content yet; the core always passes the pack in force.
 */
export function documentRequestProblem(request: DocumentRequest, pack: ContentPack | null): DocumentProblem | null {
  const { documents, recipient, clinicIds, inquiry, quote } = request;
  if (documents.length === 0) return { field: 'documents', message: m.noDocuments };
  // The insurer's document exists only as the insurer's PDF: without it there is nothing to print.
  if (documents.includes('importantMatters') && request.importantMattersAvailable === false) return { field: 'documents', message: m.importantMattersMissing };
  // A specimen is for staff to look at, not for sending: a mailing never carries one.
  if (request.flyerIsSpecimen && documents.includes('flyer') && recipient === 'batch') return { field: 'documents', message: m.specimenNotForMailing };
  // The flyer alone is the same for everyone: whoever is chosen, it is made once, for nobody.
  if (!needsRecipient(documents)) return null;
  // 意向確認書 prints one inquiry's records: never blank, never for a mailing.
  if (documents.includes('intentConfirmation') && (recipient !== 'one' || !inquiry)) return { field: 'documents', message: m.intentSheetNeedsInquiry };
  if (documents.includes('quoteSheet')) {
    const problem = quoteSheetRequestProblem(request, pack);
    if (problem) return problem;
  } else if (quote && inquiry && quote.inquiryId !== inquiry.id) {
    return { field: 'quoteId', message: m.quoteOfAnotherInquiry };
  }
  if (inquiry && clinicIds.some((id) => id !== inquiry.clinicId)) return { field: 'clinicIds', message: m.inquiryOfAnotherClinic };
  if (recipient === 'one' && clinicIds.length === 0 && !inquiry) return { field: 'clinicIds', message: m.noClinic };
  if (recipient === 'batch' && clinicIds.length === 0) return { field: 'clinicIds', message: m.noBatchClinics };
  return null;
}

/** The recipient a job's input stands for: the core sees only the clinics and the inquiry. */
export function recipientOf(input: { clinicIds: readonly string[]; inquiryId?: string | undefined }): DocumentRecipient {
  if (input.clinicIds.length > 1) return 'batch';
  return input.clinicIds.length === 1 || input.inquiryId ? 'one' : 'blank';
}
