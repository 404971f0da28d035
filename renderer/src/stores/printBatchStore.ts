import { create } from 'zustand';
import { limits } from '../../../shared/contract/limits.ts';
import type { MailingFilter } from '../../../shared/domain/mailingRecipients.ts';
import type { SentBy } from '../../../shared/documents/documentOutput.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { formatCount } from '../format/formatNumber.ts';
import { usePrintRenderStore } from './printRenderStore.ts';

/** Matches listed with a checkbox each; 「該当する全件を選ぶ」 reaches the rest. */
export const batchListLimit = 50;

/** The filters ticked besides the words typed: 種別, 市町村, 状況, まだ何も送っていない. */
export type MailingFilters = Omit<MailingFilter, 'query'>;
export const noMailingFilters: MailingFilters = { kinds: [], municipality: '', situations: [], neverSent: false };

interface PrintBatchState {
  /** The words the matches were last searched for (the list itself is a read: queries.clinicSearch). */
  searched: string;
  filters: MailingFilters;
  /** How the mailing goes out, chosen before it is made (a FAX one needs every clinic's number). */
  sentBy: SentBy | null;
  /** The clinics of the mailing, in the order they were chosen (「該当する全件」 in postal-code order). */
  selectedIds: readonly string[];
  selectingAll: boolean;
  /** Japanese line about the last 「該当する全件を選ぶ」. */
  selectMessage: string | null;
  search(query: string): void;
  setFilters(filters: Partial<MailingFilters>): void;
  chooseSentBy(sentBy: SentBy | null): void;
  toggle(clinicId: string, selected: boolean): void;
  /** Adds every clinic the query and the filters find (up to a mailing's limit) to the selection. */
  selectAllMatching(query: string): Promise<void>;
  clearSelection(): void;
  /** Keeps only the chosen clinics among these (the ones the filters now find). */
  keepOnly(clinicIds: ReadonlySet<string>): void;
}

const limitNote = `（一度に作れるのは${formatCount(limits.maxBatchClinics)}までです）`;

/** 一括作成 on the 印刷 screen: which clinics one combined PDF is made for. */
export const usePrintBatchStore = create<PrintBatchState>()((set, get) => ({
  searched: '',
  filters: noMailingFilters,
  sentBy: null,
  selectedIds: [],
  selectingAll: false,
  selectMessage: null,

  // The line about the last 「該当する全件を選ぶ」 spoke of other matches: it goes with them.
  search(query) {
    const searched = query.trim();
    if (searched !== get().searched) set({ searched, selectMessage: null });
  },

  setFilters(filters) {
    set({ filters: { ...get().filters, ...filters }, selectMessage: null });
  },

  chooseSentBy(sentBy) {
    set({ sentBy });
  },

  toggle(clinicId, selected) {
    const ids = get().selectedIds;
    if (selected === ids.includes(clinicId)) return;
    if (selected && ids.length >= limits.maxBatchClinics) {
      set({ selectMessage: `これ以上は選べません${limitNote}。` });
      return;
    }
    set({ selectedIds: selected ? [...ids, clinicId] : ids.filter((id) => id !== clinicId), selectMessage: null });
  },

  async selectAllMatching(query) {
    set({ selectingAll: true, selectMessage: null });
    try {
      const found = await call('mailing.recipientIds', { query: query.trim(), ...get().filters });
      const before = get().selectedIds;
      const known = new Set(before);
      const added = found.ids.filter((id) => !known.has(id));
      const room = limits.maxBatchClinics - before.length;
      const selectedIds = [...before, ...added.slice(0, Math.max(room, 0))];
      const full = added.length > room;
      set({
        selectedIds,
        selectMessage: found.capped
          ? `該当が${formatCount(limits.maxBatchClinics)}を超えるため、郵便番号順で最初の${formatCount(found.ids.length)}を選びました${limitNote}。`
          : `該当 ${formatCount(found.total)}を選びました。` + (full ? `選択中の件数が上限に達したため、一部は選べていません${limitNote}。` : ''),
      });
    } catch (error) {
      set({ selectMessage: errorMessageOf(error, '該当する医療機関を選べませんでした。もう一度お試しください。') });
    } finally {
      set({ selectingAll: false });
    }
  },

  clearSelection() {
    set({ selectedIds: [], selectMessage: null });
  },

  keepOnly(clinicIds) {
    const before = get().selectedIds;
    const selectedIds = before.filter((id) => clinicIds.has(id));
    set({ selectedIds, selectMessage: `条件に当てはまらない${formatCount(before.length - selectedIds.length)}を選択から外しました。` });
  },
}));

// A changed mailing makes its shown PDF stale (the render store does not know about batches).
usePrintBatchStore.subscribe((batch, previous) => {
  if (batch.selectedIds !== previous.selectedIds || batch.sentBy !== previous.sentBy) usePrintRenderStore.getState().forget();
});
