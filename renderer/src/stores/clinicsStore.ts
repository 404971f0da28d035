import { create } from 'zustand';
import type { ClinicSearchResult } from '../../../shared/contract/channels.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

/** Rows shown at once; the count line tells staff when there are more and to narrow the search. */
export const clinicListLimit = 100;

/** A status line under the toolbar, with an optional way back (「元に戻す」 after archiving). */
export interface ClinicsNotice {
  text: string;
  kind: 'success' | 'error';
  /** The clinic that 「元に戻す」 restores. */
  undoArchive?: { id: string; name: string };
}

interface ClinicsState {
  query: string;
  includeArchived: boolean;
  results: ClinicSearchResult | null;
  /** The query the shown results belong to (the box may already hold newer text). */
  resultsQuery: string;
  loading: boolean;
  error: string | null;
  notice: ClinicsNotice | null;
  setQuery(query: string): void;
  /** Ticking 「アーカイブを表示」 searches again at once. */
  setIncludeArchived(includeArchived: boolean): void;
  search(): Promise<void>;
  showNotice(notice: ClinicsNotice | null): void;
  clearNotice(): void;
}

// Only the newest search may update the list: typing quickly must not let an old answer win.
let latestSearch = 0;

/** The 医療機関 list: what was searched, what came back, and the status line above it. */
export const useClinicsStore = create<ClinicsState>()((set, get) => ({
  query: '',
  includeArchived: false,
  results: null,
  resultsQuery: '',
  loading: false,
  error: null,
  notice: null,
  setQuery(query) {
    set({ query });
  },
  setIncludeArchived(includeArchived) {
    set({ includeArchived });
    void get().search();
  },
  async search() {
    const ticket = ++latestSearch;
    const query = get().query.trim();
    const includeArchived = get().includeArchived;
    set({ loading: true });
    try {
      const results = await call('clinics.search', { query, limit: clinicListLimit, includeArchived });
      if (ticket === latestSearch) set({ results, resultsQuery: query, loading: false, error: null });
    } catch (error) {
      if (ticket === latestSearch) {
        set({ loading: false, error: errorMessageOf(error, '医療機関を検索できませんでした。') });
      }
    }
  },
  showNotice(notice) {
    set({ notice });
  },
  clearNotice() {
    set({ notice: null });
  },
}));
