import { create } from 'zustand';
import type { ClinicSearchResult } from '../../../shared/contract/channels.ts';
import type { Clinic, ClinicInput } from '../../../shared/domain/clinic.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

/** Rows shown at once; the count line tells staff when there are more and to narrow the search. */
export const clinicListLimit = 100;

interface ClinicsState {
  query: string;
  results: ClinicSearchResult | null;
  /** The query the shown results belong to (the box may already hold newer text). */
  resultsQuery: string;
  loading: boolean;
  error: string | null;
  /** 「〇〇を登録しました」 after a save. */
  notice: string | null;
  setQuery(query: string): void;
  search(): Promise<void>;
  /** Saves a new clinic and refreshes the list; throws ApiError so the form can show field errors. */
  createClinic(input: ClinicInput): Promise<Clinic>;
  clearNotice(): void;
}

// Only the newest search may update the list: typing quickly must not let an old answer win.
let latestSearch = 0;

export const useClinicsStore = create<ClinicsState>()((set, get) => ({
  query: '',
  results: null,
  resultsQuery: '',
  loading: false,
  error: null,
  notice: null,
  setQuery(query) {
    set({ query });
  },
  async search() {
    const ticket = ++latestSearch;
    const query = get().query.trim();
    set({ loading: true });
    try {
      const results = await call('clinics.search', { query, limit: clinicListLimit, includeArchived: false });
      if (ticket === latestSearch) set({ results, resultsQuery: query, loading: false, error: null });
    } catch (error) {
      if (ticket === latestSearch) {
        set({ loading: false, error: errorMessageOf(error, '医療機関を検索できませんでした。') });
      }
    }
  },
  async createClinic(input) {
    const clinic = await call('clinics.create', input);
    set({ notice: `${clinic.name}を登録しました` });
    void get().search();
    return clinic;
  },
  clearNotice() {
    set({ notice: null });
  },
}));
