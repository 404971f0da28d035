import { create } from 'zustand';
import type { ChannelResult } from '../../../shared/contract/channels.ts';
import { inquiryStatusLabels } from '../../../shared/domain/inquiry.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';
import { changeInquiryStatus } from '../screens/Inquiries/inquiryWrites.ts';
import { usePrintRenderStore } from './printRenderStore.ts';

const materialsSentReason = '印刷の画面から資料を送付';

/** 2026-12-11 → 12月11日: the day said back in the line under the offer. */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

type RecordedInquiry = NonNullable<ChannelResult<'documents.recordOutput'>['inquiry']>;

/** The inquiry the saved or printed PDF came from, while it may be moved to 資料送付済. */
export interface StatusOffer {
  inquiry: RecordedInquiry;
  saving: boolean;
  error: string | null;
}

interface PrintStatusOfferState {
  statusOffer: StatusOffer | null;
  /** Japanese line after the inquiry was moved to 資料送付済. */
  statusMessage: string | null;
  /** After a PDF from an inquiry left the counter: asks once per PDF while the inquiry is 新規. */
  offer(inquiry: RecordedInquiry, fileId: string): void;
  /** Moves the inquiry to 資料送付済 with the follow-up date chosen ('' for none). */
  accept(nextActionOn: string): Promise<void>;
  decline(): void;
}

// 「今はしない」 holds for the PDF it was said to; saving it again does not ask again.
let declinedFor: string | null = null;
let offeredFor: string | null = null;

/** 「問い合わせ … の状況を「資料送付済」にしますか？」 on the 印刷 screen. */
export const usePrintStatusOfferStore = create<PrintStatusOfferState>()((set, get) => {
  usePrintRenderStore.subscribe((render, previous) => {
    if (render.result !== previous.result) set({ statusOffer: null, statusMessage: null });
  });

  return {
    statusOffer: null,
    statusMessage: null,

    offer(inquiry, fileId) {
      offeredFor = fileId;
      const ask = inquiry.status === 'new' && declinedFor !== fileId;
      // An offer already shown keeps its state (saving, error) when the PDF is saved again.
      set({ statusOffer: ask ? (get().statusOffer ?? { inquiry, saving: false, error: null }) : null });
    },

    async accept(nextActionOn) {
      const offer = get().statusOffer;
      if (!offer || offer.saving) return;
      set({ statusOffer: { ...offer, saving: true, error: null } });
      try {
        // The offer was made for the inquiry as recorded with the PDF: a change made since is not overwritten.
        const changed = await changeInquiryStatus(offer.inquiry, { to: 'materials_sent', reason: materialsSentReason, nextActionOn: nextActionOn === '' ? null : nextActionOn });
        if (get().statusOffer?.inquiry.id !== offer.inquiry.id) return;
        set({
          statusOffer: null,
          statusMessage: `問い合わせ ${offer.inquiry.receiptNumber} の状況を「${inquiryStatusLabels[changed.inquiry.status]}」にしました。${
            changed.inquiry.nextActionOn ? `次回対応日は${monthDay(changed.inquiry.nextActionOn)}です。` : '次回対応日はなしにしました。'
          }`,
        });
      } catch (error) {
        if (get().statusOffer?.inquiry.id !== offer.inquiry.id) return;
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          set({ statusOffer: null, statusMessage: `問い合わせ ${offer.inquiry.receiptNumber} はほかの画面で変更されていたため、状況は変更していません。「問い合わせ」の画面で確認してください。` });
          return;
        }
        set({ statusOffer: { ...offer, saving: false, error: errorMessageOf(error, '状況を変更できませんでした。もう一度お試しください。') } });
      }
    },

    decline() {
      declinedFor = offeredFor;
      set({ statusOffer: null });
    },
  };
});
