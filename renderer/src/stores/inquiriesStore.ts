import { create } from 'zustand';
import type { ChannelInput, InquiryDetail } from '../../../shared/contract/channels.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import type { Inquiry, InquiryInput, InquiryStatus } from '../../../shared/domain/inquiry.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

/** Rows shown on the 問い合わせ screen at once; the count line says when there are more. */
export const inquiryListLimit = 200;

export interface InquiryFilter {
  status: InquiryStatus | '';
  staffId: string;
}

interface InquiriesState {
  filter: InquiryFilter;
  items: Inquiry[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Goes up after every save, so lists elsewhere (ホーム, a clinic's list) know to read again. */
  revision: number;
  setFilter(patch: Partial<InquiryFilter>): void;
  load(): Promise<void>;
  /** One clinic's inquiries, for the clinic view. */
  listForClinic(clinicId: string): Promise<{ items: Inquiry[]; total: number }>;
  get(id: string): Promise<InquiryDetail>;
  /** Clinics to register an inquiry for, when starting from the 問い合わせ screen. */
  findClinics(query: string): Promise<{ items: Clinic[]; total: number; capped: boolean }>;
  /** The write actions throw ApiError so forms can show field errors. */
  create(input: InquiryInput): Promise<InquiryDetail>;
  update(id: string, inquiry: ChannelInput<'inquiries.update'>['inquiry'], expectedRevision: number): Promise<InquiryDetail>;
  changeStatus(change: ChannelInput<'inquiries.changeStatus'>): Promise<InquiryDetail>;
}

// Only the newest list request may update the list: quick filter changes must not let an old answer win.
let latestLoad = 0;

export const useInquiriesStore = create<InquiriesState>()((set, get) => {
  const saved = (detail: InquiryDetail) => {
    set((s) => ({ revision: s.revision + 1 }));
    return detail;
  };
  return {
    filter: { status: '', staffId: '' },
    items: [],
    total: 0,
    loaded: false,
    loading: false,
    error: null,
    revision: 0,
    setFilter(patch) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      void get().load();
    },
    async load() {
      const ticket = ++latestLoad;
      const { status, staffId } = get().filter;
      set({ loading: true });
      try {
        const result = await call('inquiries.list', {
          limit: inquiryListLimit,
          ...(status ? { status } : {}),
          ...(staffId ? { staffId } : {}),
        });
        if (ticket === latestLoad) set({ items: result.items, total: result.total, loaded: true, loading: false, error: null });
      } catch (error) {
        if (ticket === latestLoad) set({ loading: false, error: errorMessageOf(error, '問い合わせを読み込めませんでした。') });
      }
    },
    listForClinic(clinicId) {
      return call('inquiries.list', { clinicId, limit: 100 });
    },
    get(id) {
      return call('inquiries.get', { id });
    },
    findClinics(query) {
      return call('clinics.search', { query, limit: 20, includeArchived: false });
    },
    async create(input) {
      return saved(await call('inquiries.create', input));
    },
    async update(id, inquiry, expectedRevision) {
      return saved(await call('inquiries.update', { id, inquiry, expectedRevision }));
    },
    async changeStatus(change) {
      return saved(await call('inquiries.changeStatus', change));
    },
  };
});
