import { describe, expect, it } from 'vitest';
import { defaultCoverSubject } from '../../shared/contract/documentJobKinds.ts';
import { documentRequestMessages } from '../../shared/documents/documentRequestMessages.ts';
import type { Clinic } from '../../shared/domain/clinic.ts';
import type { SavedQuote } from '../../shared/quote/savedQuote.ts';
import {
  chosenQuote,
  coverFieldErrors,
  printWaitMessages,
  renderBlockReason,
  renderInput,
  unavailableDocuments,
  type PrintChoices,
  type PrintRequestView,
} from '../../renderer/src/screens/Print/printRequest.ts';
import { confirmedPack } from '../helpers/documentFixtures.ts';

const clinic = { id: 'c1', name: '霧島中央クリニック', kind: 'clinic_with_beds' } as Clinic;

const savedQuote = (id: string, createdAt: string): SavedQuote => ({
  id,
  inquiryId: 'i1',
  createdAt,
  staffName: null,
  snapshot: {
    kind: 'figure',
    clinicKind: 'clinic_with_beds',
    planId: 'p1',
    planName: 'プラン1',
    monthlyYen: 2000,
    conditions: [],
    tableVersion: 't',
    sample: false,
  },
});

const choices: PrintChoices = {
  documents: ['inquiryFaxSheet'],
  recipient: 'blank',
  clinic: null,
  inquiryId: '',
  quoteId: '',
  cover: { subject: defaultCoverSubject, person: '', message: '', extraPages: '0' },
  output: 'combined',
};
const view = (patch: Partial<PrintChoices>, rest: Partial<PrintRequestView> = {}): PrintRequestView => ({
  choices: { ...choices, ...patch },
  batchIds: [],
  quotes: null,
  quotesError: null,
  pack: confirmedPack,
  ...rest,
});

describe('「PDFを作成」 on the 印刷 screen', () => {
  it('blank forms can be made at once and are sent to nobody', () => {
    expect(renderBlockReason(view({}))).toBeNull();
    expect(renderInput(view({}))).toEqual({ documents: ['inquiryFaxSheet'] });
  });

  it('says why it cannot run, in the shared rule book’s words', () => {
    expect(renderBlockReason(view({ documents: [] }))).toBe(documentRequestMessages.noDocuments);
    expect(renderBlockReason(view({ recipient: 'batch' }))).toBe(documentRequestMessages.noBatchClinics);
    expect(renderBlockReason(view({ recipient: 'one' }))).toBe(documentRequestMessages.noClinic);
  });

  it('a mailing is sent its clinics; the flyer alone is sent none', () => {
    // A mailing says so: the core then leaves out 送付不要 clinics.
    expect(renderInput(view({ recipient: 'batch' }, { batchIds: ['c1', 'c2'] }))).toEqual({
      documents: ['inquiryFaxSheet'],
      clinicIds: ['c1', 'c2'],
      mailing: { sentBy: null },
    });
    expect(renderInput(view({ recipient: 'batch', documents: ['flyer'] }, { batchIds: ['c1'] }))).toEqual({ documents: ['flyer'] });
  });

  it('a set from an inquiry is sent the inquiry, which names its clinic', () => {
    expect(renderInput(view({ recipient: 'one', clinic, inquiryId: 'i1' }))).toEqual({ documents: ['inquiryFaxSheet'], inquiryId: 'i1' });
    expect(renderInput(view({ recipient: 'one', clinic }))).toEqual({ documents: ['inquiryFaxSheet'], clinicIds: ['c1'] });
  });

  it('while the saved quotes are on their way it says so, not a rule', () => {
    const quoteSheet = { documents: ['quoteSheet'] as const, recipient: 'one' as const, clinic, inquiryId: 'i1' };
    expect(renderBlockReason(view(quoteSheet))).toBe(printWaitMessages.quotesLoading);
    expect(renderBlockReason(view(quoteSheet, { quotes: [] }))).toBe(printWaitMessages.noSavedQuotes);
    expect(renderBlockReason(view(quoteSheet, { quotes: [savedQuote('q1', '2026-11-01T00:00:00Z')], pack: null }))).toBe(
      printWaitMessages.contentLoading,
    );
  });

  it('a quote sheet uses the newest saved quote unless another is chosen', () => {
    const quotes = [savedQuote('q2', '2026-11-02T00:00:00Z'), savedQuote('q1', '2026-11-01T00:00:00Z')];
    const quoteSheet = { documents: ['quoteSheet'] as const, recipient: 'one' as const, clinic, inquiryId: 'i1' };
    expect(renderBlockReason(view(quoteSheet, { quotes }))).toBeNull();
    expect(renderInput(view(quoteSheet, { quotes }))).toMatchObject({ quoteId: 'q2', inquiryId: 'i1' });
    expect(renderInput(view({ ...quoteSheet, quoteId: 'q1' }, { quotes }))).toMatchObject({ quoteId: 'q1' });
    expect(chosenQuote('gone', quotes)).toBeUndefined();
  });

  it('a quote for another 種別 than the clinic has now is refused before anything is sent', () => {
    const quotes = [savedQuote('q1', '2026-11-01T00:00:00Z')];
    const noBeds = { ...clinic, kind: 'clinic_no_beds' } as Clinic;
    const reason = renderBlockReason(view({ documents: ['quoteSheet'], recipient: 'one', clinic: noBeds, inquiryId: 'i1' }, { quotes }));
    expect(reason).toContain('種別が変わりました');
  });

  it('the 送付状 is checked with the contract’s schema, and an empty 枚数 means none', () => {
    const withCover = { documents: ['faxCoverSheet'] as const };
    expect(coverFieldErrors(view({ ...withCover, cover: { ...choices.cover, subject: '' } }).choices)).toHaveProperty('cover.subject');
    expect(renderInput(view({ ...withCover, cover: { ...choices.cover, extraPages: ' ' } })).cover?.extraPages).toBe(0);
    expect(coverFieldErrors(view({ cover: { ...choices.cover, subject: '' } }).choices)).toEqual({});
  });
});

describe('送る書類 that cannot be made', () => {
  it('a 保険料試算書 in a mailing is unavailable with its reason, and the rest of the set is still made without it', () => {
    const asked = view({ documents: ['faxCoverSheet', 'quoteSheet', 'inquiryFaxSheet'], recipient: 'batch' }, { batchIds: ['c1', 'c2'] });
    expect(unavailableDocuments(asked).quoteSheet).toMatch(/保険料試算書は医療機関ごとに1通ずつ作ります/);
    expect(unavailableDocuments(asked).inquiryFaxSheet).toBeUndefined();
    expect(renderBlockReason(asked)).toBeNull();
    expect(renderInput(asked)).toMatchObject({ documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: ['c1', 'c2'] });
  });

  it('a 保険料試算書 whose every saved quote is from a sample table cannot be chosen, and says so', () => {
    const sampleQuote = savedQuote('q1', '2026-11-01T00:00:00Z');
    const sample = { ...sampleQuote, snapshot: { ...sampleQuote.snapshot, sample: true } };
    const asked = view({ documents: ['quoteSheet', 'inquiryFaxSheet'], recipient: 'one', clinic, inquiryId: 'i1' }, { quotes: [sample] });
    expect(unavailableDocuments(asked).quoteSheet).toMatch(/見本の保険料表/);
    expect(renderBlockReason(asked)).toBeNull();
    expect(renderInput(asked).documents).toEqual(['inquiryFaxSheet']);
  });

  it('a mailing asked as one PDF per clinic says so in the job input', () => {
    const asked = view({ documents: ['inquiryFaxSheet'], recipient: 'batch', output: 'perClinic' }, { batchIds: ['c1', 'c2'] });
    expect(renderInput(asked)).toMatchObject({ clinicIds: ['c1', 'c2'], output: 'perClinic' });
  });
});
