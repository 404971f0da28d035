import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract/channels.ts';
import type { DocumentOutput } from '../../../shared/documents/documentOutput.ts';
import { call } from '../api/client.ts';

interface PrintHistoryState {
  /** Goes up whenever an output is recorded, so a shown 「送付・印刷の記録」 reads again. */
  revision: number;
  recorded(): void;
  /** A clinic's or an inquiry's outputs, newest first. */
  list(by: ChannelInput<'documents.history'>): Promise<DocumentOutput[]>;
}

/** 「送付・印刷の記録」: what the print centre sent to a clinic, for the clinic view and the inquiry detail. */
export const usePrintHistoryStore = create<PrintHistoryState>()((set) => ({
  revision: 0,
  recorded() {
    set((s) => ({ revision: s.revision + 1 }));
  },
  async list(by) {
    return (await call('documents.history', by)).items;
  },
}));
