import type { ContentPack } from '../content/contentPackSchema.ts';
import type { RateTable } from '../content/rateTableSchema.ts';
import type { CoverInput } from '../contract/documentJobKinds.ts';
import type { AgencyTexts } from '../domain/agencyTexts.ts';
import type { Clinic } from '../domain/clinic.ts';
import type { SavedQuote } from '../quote/savedQuote.ts';
import { placeholderPages, type DocumentPart } from './documentSet.ts';
import { inSetOrder, type DocumentKind } from './documentKinds.ts';
import { buildFaxCoverSheet } from './faxCoverSheet.ts';
import { buildFlyer } from './flyer.ts';
import { buildInquiryFaxSheet } from './inquiryFaxSheet.ts';
import { buildIntentConfirmation, type IntentSheetInput } from './intentConfirmation.ts';
import { buildQuoteSheet } from './quoteSheet.ts';

/** What is the same for every clinic of one print run. */
export interface DocumentSetRequest {
  documents: DocumentKind[];
  pack: ContentPack;
  rates: RateTable;
  /** Today, formatted for documents (2026年12月3日, or 和暦) in the counter's date style. */
  issuedOn: string;
  /** The agency's own texts as they stand now; each document records the versions it printed. */
  agencyTexts: AgencyTexts;
  staffName?: string | undefined;
  cover: CoverInput;
  /** The pack ships the insurer's own flyer: its pages stand in the set instead of the app's rendition. */
  insurerFlyerPages?: number | undefined;
  /** Pages of the insurer's important-matters PDF, when the set holds it (only ever the insurer's own). */
  importantMattersPages?: number | undefined;
}

/** One recipient of a print run; an empty target prints the forms blank for handwriting. */
export interface SetTarget {
  clinic?: Clinic | undefined;
  receiptNumber?: string | undefined;
  /** Dates formatted for documents, as `issuedOn`; `validUntil` only where the rate table stated one. */
  quote?: { snapshot: SavedQuote['snapshot']; quotedOn: string; validUntil?: string | undefined } | undefined;
  /** The inquiry's intent records for a 意向確認書 (the clinic, number and print date are the set's). */
  intent?: Pick<IntentSheetInput, 'questions' | 'initial' | 'final'> | undefined;
}

/** Pages each document takes. Every sheet is designed (and tested) to fit one page; the flyer is measured. */
export function pagesOf(kind: DocumentKind, flyerPages: number, importantMattersPages = 0): number {
  if (kind === 'importantMatters') return importantMattersPages;
  return kind === 'flyer' ? flyerPages : 1;
}

/** The cover's addressee: the name staff typed for this print, else the clinic's contact person. */
function personOf(typed: string, onRecord: string | null | undefined): { name: string; typed: boolean } | undefined {
  if (typed.trim()) return { name: typed.trim(), typed: true };
  if (onRecord?.trim()) return { name: onRecord.trim(), typed: false };
  return undefined;
}

/** The documents of one recipient's set, in envelope order, each with its page count. */
export function buildDocumentSet(request: DocumentSetRequest, target: SetTarget, flyerPages: number): DocumentPart[] {
  const kinds = inSetOrder(request.documents);
  const setPages = kinds.reduce((sum, kind) => sum + pagesOf(kind, request.insurerFlyerPages ?? flyerPages, request.importantMattersPages), 0);
  const { pack, cover } = request;
  const clinic = target.clinic;
  return kinds.map((kind): DocumentPart => {
    switch (kind) {
      case 'faxCoverSheet':
        return {
          pages: 1,
          definition: buildFaxCoverSheet(pack, request.agencyTexts, {
            sentOn: request.issuedOn,
            recipient: { organization: clinic?.name ?? '', person: personOf(cover.person, clinic?.contactPerson), fax: clinic?.fax ?? '' },
            staffName: request.staffName,
            subject: cover.subject,
            pages: setPages + cover.extraPages,
            message: cover.message,
          }),
        };
      case 'quoteSheet': {
        const sheet = pack.quoteSheet;
        if (!target.quote || !clinic || !sheet) throw new Error('a quote sheet needs a saved quote, its clinic and the pack wording');
        return {
          pages: 1,
          definition: buildQuoteSheet(pack, {
            sheet,
            quote: target.quote.snapshot,
            clinic: { ...clinic, person: clinic.contactPerson },
            agencyTexts: request.agencyTexts,
            receiptNumber: target.receiptNumber ?? '',
            quotedOn: target.quote.quotedOn,
            validUntil: target.quote.validUntil,
            issuedOn: request.issuedOn,
            staffName: request.staffName,
          }),
        };
      }
      case 'flyer':
        if (request.insurerFlyerPages) return { pages: request.insurerFlyerPages, definition: placeholderPages(request.insurerFlyerPages), insurerPdf: 'flyer' };
        return { pages: flyerPages, definition: buildFlyer(pack, request.rates) };
      case 'importantMatters': {
        // Never a rendition: these blank pages are replaced by the insurer's PDF once rendered,
        // and rendering fails when there is none (insertInsurerFlyer).
        const pages = request.importantMattersPages ?? 1;
        return { pages, definition: placeholderPages(pages), insurerPdf: 'importantMatters' };
      }
      case 'intentConfirmation':
        if (!target.intent || !clinic) throw new Error('a 意向確認書 needs an inquiry, its clinic and its intent records');
        return {
          pages: 1,
          definition: buildIntentConfirmation(pack, request.agencyTexts, {
            ...target.intent,
            clinicName: clinic.name,
            receiptNumber: target.receiptNumber ?? '',
            issuedOn: request.issuedOn,
          }),
        };
      case 'inquiryFaxSheet':
        return { pages: 1, definition: buildInquiryFaxSheet(pack, request.agencyTexts, { clinic, receiptNumber: target.receiptNumber }) };
    }
  });
}
