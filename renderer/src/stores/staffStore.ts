import { create } from 'zustand';
import type { Staff } from '../../../shared/domain/staff.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface StaffState {
  /** Everyone, active or not (the inactive stay so old records keep their names). */
  items: Staff[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  /** Throws ApiError so the form can show the message next to the field. */
  create(name: string): Promise<Staff>;
  rename(id: string, name: string): Promise<Staff>;
  setActive(id: string, active: boolean): Promise<Staff>;
}

const replace = (items: Staff[], staff: Staff) => items.map((s) => (s.id === staff.id ? staff : s));

/** 担当者: listed, added, renamed and made inactive — never deleted. */
export const useStaffStore = create<StaffState>()((set, get) => ({
  items: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const { items } = await call('staff.list', { includeInactive: true });
      set({ items, loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessageOf(error, '担当者を読み込めませんでした。') });
    }
  },
  async create(name) {
    const staff = await call('staff.create', { name });
    set({ items: [...get().items, staff] });
    return staff;
  },
  async rename(id, name) {
    const staff = await call('staff.update', { id, name, expectedRevision: revisionOf(get().items, id) });
    set({ items: replace(get().items, staff) });
    return staff;
  },
  async setActive(id, active) {
    const staff = await call('staff.update', { id, active, expectedRevision: revisionOf(get().items, id) });
    set({ items: replace(get().items, staff) });
    return staff;
  },
}));

/** The revision of the staff member as this window last read it (0 when unknown: refused). */
const revisionOf = (items: Staff[], id: string) => items.find((s) => s.id === id)?.revision ?? 0;

/** Selector: the staff who can be chosen for new work. */
export const activeStaff = (items: Staff[]) => items.filter((s) => s.active);
