import { create } from 'zustand';
import type { InquiryStatus } from '../../../shared/domain/inquiry.ts';

/** Rows shown on the 問い合わせ screen at once; the count line says when there are more. */
export const inquiryListLimit = 200;

export interface InquiryFilter {
  status: InquiryStatus | '';
  staffId: string;
  /** A 受付番号 typed to look up (as on a sheet sent back); '' for none. */
  receiptNumber: string;
  /** Words to find by: clinic name, part of a 受付番号, or the 内容; '' for none. */
  text: string;
}

interface InquiriesState {
  filter: InquiryFilter;
  setFilter(patch: Partial<InquiryFilter>): void;
}

/** The 問い合わせ screen's filter, kept while staff move between screens (ホーム's counts set it). */
export const useInquiriesStore = create<InquiriesState>()((set) => ({
  filter: { status: '', staffId: '', receiptNumber: '', text: '' },
  setFilter(patch) {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
  },
}));
