import { create } from 'zustand';
import type { ClinicKind } from '../../../shared/domain/clinic.ts';

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
  /** The search box's text, as typed. */
  query: string;
  /** The words the list was last searched for (typing waits for a pause; see ClinicSearchBox). */
  searched: string;
  includeArchived: boolean;
  /** Only clinics of this 種別 (null: all), e.g. the 未確認 ones to complete. */
  kind: ClinicKind | null;
  /** The clinic open beside the list, if any. */
  openId: string | null;
  notice: ClinicsNotice | null;
  setQuery(query: string): void;
  /** Searches for the box's text now. */
  search(): void;
  /** Puts words in the box and searches for them (ホーム's 医療機関を検索). */
  searchFor(query: string): void;
  setIncludeArchived(includeArchived: boolean): void;
  setKind(kind: ClinicKind | null): void;
  open(id: string): void;
  close(): void;
  showNotice(notice: ClinicsNotice | null): void;
  clearNotice(): void;
}

/**
 * The 医療機関 screen's own state: what is typed and searched, which clinic is open, the status
 * line. The list and the record themselves are reads (queries.clinicSearch, queries.clinic).
 */
export const useClinicsStore = create<ClinicsState>()((set, get) => ({
  query: '',
  searched: '',
  includeArchived: false,
  kind: null,
  openId: null,
  notice: null,
  setQuery(query) {
    set({ query });
  },
  search() {
    set({ searched: get().query.trim() });
  },
  searchFor(query) {
    set({ query, searched: query.trim() });
  },
  setIncludeArchived(includeArchived) {
    set({ includeArchived, searched: get().query.trim() });
  },
  setKind(kind) {
    set({ kind, searched: get().query.trim() });
  },
  open(id) {
    set({ openId: id });
  },
  close() {
    set({ openId: null });
  },
  showNotice(notice) {
    set({ notice });
  },
  clearNotice() {
    set({ notice: null });
  },
}));
