import { create } from 'zustand';
import type { HomeSummary } from '../../../shared/contract/channels.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface InquiryHomeState {
  summary: HomeSummary | null;
  error: string | null;
  load(): Promise<void>;
}

let latestLoad = 0;

/** What ホーム shows about inquiries: today's and overdue follow-ups, the latest, counts per 状況. */
export const useInquiryHomeStore = create<InquiryHomeState>()((set) => ({
  summary: null,
  error: null,
  async load() {
    const ticket = ++latestLoad;
    try {
      const summary = await call('home.summary', {});
      if (ticket === latestLoad) set({ summary, error: null });
    } catch (error) {
      if (ticket === latestLoad) set({ error: errorMessageOf(error, '問い合わせの状況を読み込めませんでした。') });
    }
  },
}));
