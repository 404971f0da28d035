import { create } from 'zustand';
import type { ClinicKind } from '../../../shared/domain/clinic.ts';

/** Rows read at once; scrolling near the end of them reads the next ones. */
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
  /** Only clinics of this 市町村 (null: all). */
  municipality: string | null;
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
  setMunicipality(municipality: string | null): void;
  open(id: string): void;
  close(): void;
  showNotice(notice: ClinicsNotice | null): void;
  clearNotice(): void;
}

type SearchFields = Pick<ClinicsState, 'searched' | 'includeArchived' | 'kind' | 'municipality'>;

// Whether the open clinic holds unsaved input: the window's UI store knows (ClinicsScreen tells
// this store how to ask, so that the store itself needs no window and runs in node tests).
let openClinicHasUnsavedInput = () => false;

/** Tells the store how to learn whether the open clinic holds unsaved input. */
export function askUnsavedInputWith(check: () => boolean): void {
  openClinicHasUnsavedInput = check;
}

/**
 * The 医療機関 screen's own state: what is typed and searched, which clinic is open, the status
 * line. The list and the record themselves are reads (queries.clinicList, queries.clinic).
 */
export const useClinicsStore = create<ClinicsState>()((set, get) => {
  /**
   * A new search is a new task: the clinic open beside the old results closes and the old
   * status line goes, unless the open clinic holds unsaved input (typing pauses must never
   * throw it away, nor ask about it mid-word).
   */
  const searchWith = (next: Partial<SearchFields> & Partial<Pick<ClinicsState, 'query'>>) => {
    const state = get();
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => key !== 'query' && next[key] !== state[key]);
    const keepOpen = !changed || openClinicHasUnsavedInput();
    set({ ...next, ...(changed ? { notice: null } : {}), ...(keepOpen ? {} : { openId: null }) });
  };
  return {
  query: '',
  searched: '',
  includeArchived: false,
  kind: null,
  municipality: null,
  openId: null,
  notice: null,
  setQuery(query) {
    set({ query });
  },
  search() {
    searchWith({ searched: get().query.trim() });
  },
  searchFor(query) {
    searchWith({ query, searched: query.trim() });
  },
  setIncludeArchived(includeArchived) {
    searchWith({ includeArchived, searched: get().query.trim() });
  },
  setKind(kind) {
    searchWith({ kind, searched: get().query.trim() });
  },
  setMunicipality(municipality) {
    searchWith({ municipality, searched: get().query.trim() });
  },
  open(id) {
    // Words typed but not searched yet (the pause has not passed) count as searched: the search
    // still pending must not close the clinic just chosen as a new search.
    set({ openId: id, searched: get().query.trim() });
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
  };
});
