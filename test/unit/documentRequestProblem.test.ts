import { describe, expect, it } from 'vitest';
import { documentRequestMessages as m } from '../../shared/documents/documentRequestMessages.ts';
import { documentRequestProblem, recipientOf, type DocumentRequest } from '../../shared/documents/documentRequestProblem.ts';
import type { QuoteSnapshot } from '../../shared/documents/quoteSheet.ts';
import { initialAgencyTexts } from '../../shared/domain/agencyTexts.ts';
import { quoteSheetMessages } from '../../shared/messages/quoteSheetMessages.ts';
import { agencyTexts, bundledPack, confirmedPack } from '../helpers/documentFixtures.ts';

const officialQuote: QuoteSnapshot = {
  kind: 'figure',
  clinicKind: 'clinic_with_beds',
  planId: 'plan-1',
  planName: 'プラン1',
  monthlyYen: 2000,
  conditions: [],
  tableVersion: '2026-04',
  sample: false,
};

/** One clinic with an inquiry and a quote saved on it: a request that can be made. */
const quoteSheetForOne: DocumentRequest = {
  documents: ['quoteSheet', 'inquiryFaxSheet'],
  recipient: 'one',
  clinicIds: ['c1'],
  inquiry: { id: 'i1', clinicId: 'c1' },
  quote: { inquiryId: 'i1', snapshot: officialQuote },
  clinicKind: 'clinic_with_beds',
};

const blank: DocumentRequest = { documents: ['inquiryFaxSheet'], recipient: 'blank', clinicIds: [], inquiry: null, quote: null, clinicKind: null };

describe('which documents can be made for whom', () => {
  it('a quote sheet for one clinic, its inquiry and the quote saved on it can be made', () => {
    expect(documentRequestProblem(quoteSheetForOne, confirmedPack)).toBeNull();
  });

  it('blank forms for handwriting and the flyer alone need nobody chosen', () => {
    expect(documentRequestProblem(blank, bundledPack)).toBeNull();
    expect(documentRequestProblem({ ...blank, documents: ['flyer'], recipient: 'batch' }, bundledPack)).toBeNull();
  });

  it('nothing chosen is refused on the documents', () => {
    expect(documentRequestProblem({ ...blank, documents: [] }, bundledPack)).toEqual({ field: 'documents', message: m.noDocuments });
  });

  it('a quote sheet is never blank or part of a mailing', () => {
    for (const recipient of ['blank', 'batch'] as const) {
      expect(documentRequestProblem({ ...quoteSheetForOne, recipient }, confirmedPack)).toEqual({
        field: 'documents',
        message: m.quoteSheetNeedsOneClinic,
      });
    }
  });

  it('a quote sheet asks for the clinic, then the inquiry, then the quote', () => {
    const none = { ...quoteSheetForOne, clinicIds: [], inquiry: null, quote: null };
    expect(documentRequestProblem(none, confirmedPack)?.message).toBe(m.quoteSheetNeedsClinic);
    expect(documentRequestProblem({ ...none, clinicIds: ['c1'] }, confirmedPack)?.message).toBe(m.quoteSheetNeedsInquiry);
    expect(documentRequestProblem({ ...quoteSheetForOne, quote: null }, confirmedPack)).toEqual({
      field: 'quoteId',
      message: m.quoteSheetNeedsQuote,
    });
  });

  it('a quote saved on another inquiry is refused', () => {
    const other = { ...quoteSheetForOne, quote: { inquiryId: 'i2', snapshot: officialQuote } };
    expect(documentRequestProblem(other, confirmedPack)).toEqual({ field: 'quoteId', message: m.quoteOfAnotherInquiry });
    // Even without a quote sheet: the job would otherwise fill forms from a stranger's quote.
    expect(documentRequestProblem({ ...other, documents: ['inquiryFaxSheet'] }, confirmedPack)?.message).toBe(m.quoteOfAnotherInquiry);
  });

  it('a quote from a sample rate table, or without approved wording, never becomes a quote sheet', () => {
    const sample = { ...quoteSheetForOne, quote: { inquiryId: 'i1', snapshot: { ...officialQuote, sample: true } } };
    expect(documentRequestProblem(sample, confirmedPack)?.message).toBe(quoteSheetMessages.sample);
    expect(documentRequestProblem(quoteSheetForOne, bundledPack)?.message).toBe(quoteSheetMessages.noWording);
  });

  it('a quote sheet waits for the agency’s 募集の立場, naming 設定, when the agency texts are known', () => {
    expect(documentRequestProblem({ ...quoteSheetForOne, agencyTexts: initialAgencyTexts() }, confirmedPack)).toEqual({ field: 'quoteId', message: quoteSheetMessages.capacityUnset });
    expect(quoteSheetMessages.capacityUnset).toContain('設定 → 代理店の文言');
    expect(documentRequestProblem({ ...quoteSheetForOne, agencyTexts }, confirmedPack)).toBeNull();
  });

  it('a quote made before the clinic changed its 種別 is refused with both kinds named', () => {
    const problem = documentRequestProblem({ ...quoteSheetForOne, clinicKind: 'clinic_no_beds' }, confirmedPack);
    expect(problem?.field).toBe('quoteId');
    expect(problem?.message).toBe(quoteSheetMessages.kindChanged('clinic_with_beds', 'clinic_no_beds'));
  });

  it('documents from an inquiry go to that inquiry’s clinic only', () => {
    const elsewhere = { ...quoteSheetForOne, documents: ['inquiryFaxSheet'] as const, clinicIds: ['c1', 'c2'] };
    expect(documentRequestProblem(elsewhere, bundledPack)).toEqual({ field: 'clinicIds', message: m.inquiryOfAnotherClinic });
  });

  it('one clinic or a mailing without any clinic chosen is refused on the clinics', () => {
    expect(documentRequestProblem({ ...blank, recipient: 'one' }, bundledPack)).toEqual({ field: 'clinicIds', message: m.noClinic });
    expect(documentRequestProblem({ ...blank, recipient: 'batch' }, bundledPack)).toEqual({ field: 'clinicIds', message: m.noBatchClinics });
  });

  it('the core reads a job’s clinics and inquiry as the recipient the screen chose', () => {
    expect(recipientOf({ clinicIds: [] })).toBe('blank');
    expect(recipientOf({ clinicIds: [], inquiryId: 'i1' })).toBe('one');
    expect(recipientOf({ clinicIds: ['c1'] })).toBe('one');
    expect(recipientOf({ clinicIds: ['c1', 'c2'] })).toBe('batch');
  });
});
