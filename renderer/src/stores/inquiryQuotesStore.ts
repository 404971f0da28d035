import { create } from 'zustand';
import type { SavedQuote } from '../../../shared/quote/savedQuote.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface InquiryQuotesState {
  inquiryId: string | null;
  items: SavedQuote[];
  error: string | null;
  load(inquiryId: string): Promise<void>;
}

/** The quotes saved on the inquiry being looked at, as they were when saved. */
export const useInquiryQuotesStore = create<InquiryQuotesState>()((set) => ({
  inquiryId: null,
  items: [],
  error: null,
  async load(inquiryId) {
    set({ inquiryId, items: [], error: null });
    try {
      const { items } = await call('quotes.list', { inquiryId });
      set((state) => (state.inquiryId === inquiryId ? { items } : state));
    } catch (error) {
      set({ error: errorMessageOf(error, '保存した試算を読み込めませんでした。') });
    }
  },
}));
