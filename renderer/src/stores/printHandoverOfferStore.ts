import { create } from 'zustand';
import type { ChannelResult } from '../../../shared/contract/channels.ts';
import type { HandoverMethod } from '../../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../../shared/messages/importantMattersMessages.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { call } from '../api/client.ts';
import { usePrintRenderStore } from './printRenderStore.ts';

type RecordedInquiry = NonNullable<ChannelResult<'documents.recordOutput'>['inquiry']>;

interface HandoverOffer {
  inquiry: RecordedInquiry;
  saving: boolean;
  error: string | null;
}

interface PrintHandoverOfferState {
  handoverOffer: HandoverOffer | null;
  handoverMessage: string | null;
  /** After a PDF with the important-matters document left for an inquiry: asks once per PDF. */
  offer(inquiry: RecordedInquiry, fileId: string): void;
  /** Records the handover today, of the version in force, in the way chosen. */
  accept(method: HandoverMethod, version: { code: string; date: string }): Promise<void>;
  decline(): void;
}

let declinedFor: string | null = null;
let offeredFor: string | null = null;

/** 「重要事項説明書の交付を記録しますか？」 on the 印刷 screen, after the document was saved or printed for an inquiry. */
export const usePrintHandoverOfferStore = create<PrintHandoverOfferState>()((set, get) => {
  usePrintRenderStore.subscribe((render, previous) => {
    if (render.result !== previous.result) set({ handoverOffer: null, handoverMessage: null });
  });
  return {
    handoverOffer: null,
    handoverMessage: null,
    offer(inquiry, fileId) {
      offeredFor = fileId;
      if (declinedFor === fileId) return;
      set({ handoverOffer: get().handoverOffer ?? { inquiry, saving: false, error: null } });
    },
    async accept(method, version) {
      const offer = get().handoverOffer;
      if (!offer || offer.saving) return;
      set({ handoverOffer: { ...offer, saving: true, error: null } });
      try {
        await call('importantMatters.record', { inquiryId: offer.inquiry.id, handedOn: tokyoToday(), docCode: version.code, docDate: version.date, method });
        set({ handoverOffer: null, handoverMessage: `問い合わせ ${offer.inquiry.receiptNumber} に${m.methodLabels[method]}での交付を記録しました。` });
      } catch (error) {
        set({ handoverOffer: { ...offer, saving: false, error: errorMessageOf(error, '交付を記録できませんでした。') } });
      }
    },
    decline() {
      declinedFor = offeredFor;
      set({ handoverOffer: null });
    },
  };
});
