import { create } from 'zustand';
import { defaultCoverSubject, type MailingOutput } from '../../../shared/contract/documentJobKinds.ts';
import { inSetOrder, type DocumentKind } from '../../../shared/documents/documentKinds.ts';
import type { DocumentRecipient } from '../../../shared/documents/documentRequestProblem.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import type { CoverDraft, PrintChoices } from '../screens/Print/printRequest.ts';
import { usePrintRenderStore } from './printRenderStore.ts';

interface PrintChoicesState extends PrintChoices {
  toggleDocument(kind: DocumentKind, chosen: boolean): void;
  chooseRecipient(recipient: DocumentRecipient): void;
  chooseClinic(clinic: Clinic): void;
  clearClinic(): void;
  chooseInquiry(inquiryId: string): void;
  chooseQuote(quoteId: string): void;
  editCover(patch: Partial<CoverDraft>): void;
  chooseOutput(output: MailingOutput): void;
}

const initialCover: CoverDraft = { subject: defaultCoverSubject, person: '', message: '', extraPages: '0' };

/**
 * The 印刷 screen's left side: which documents, for whom, and the 送付状's wording. Any change
 * to what is asked for makes the shown PDF stale, so it goes (a running job stops).
 */
export const usePrintChoicesStore = create<PrintChoicesState>()((set, get) => {
  const changed = (patch: Partial<PrintChoices>) => {
    set(patch);
    usePrintRenderStore.getState().forget();
  };

  return {
    documents: ['inquiryFaxSheet'],
    recipient: 'blank',
    clinic: null,
    inquiryId: '',
    quoteId: '',
    cover: initialCover,
    output: 'combined',

    toggleDocument(kind, chosen) {
      const documents = get().documents;
      if (chosen === documents.includes(kind)) return;
      changed({ documents: inSetOrder(chosen ? [...documents, kind] : documents.filter((k) => k !== kind)) });
    },
    chooseRecipient(recipient) {
      if (recipient === get().recipient) return;
      changed({ recipient });
    },
    chooseClinic(clinic) {
      changed({ clinic, inquiryId: '', quoteId: '' });
    },
    clearClinic() {
      changed({ clinic: null, inquiryId: '', quoteId: '' });
    },
    chooseInquiry(inquiryId) {
      changed({ inquiryId, quoteId: '' });
    },
    chooseQuote(quoteId) {
      changed({ quoteId });
    },
    editCover(patch) {
      changed({ cover: { ...get().cover, ...patch } });
    },
    chooseOutput(output) {
      if (output === get().output) return;
      changed({ output });
    },
  };
});
