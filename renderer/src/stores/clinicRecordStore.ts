import { create } from 'zustand';
import { commonAddress } from '../../../shared/text/commonAddress.ts';
import type { z } from 'zod';
import type { ChannelResult } from '../../../shared/contract/channels.ts';
import type { Clinic, clinicInputSchema } from '../../../shared/domain/clinic.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { useClinicsStore } from './clinicsStore.ts';

/** A clinic form's input after the shared schema has checked and canonicalised it. */
export type CheckedClinicInput = z.output<typeof clinicInputSchema>;
export type DuplicateMatch = ChannelResult<'clinics.duplicates'>['matches'][number];

interface ClinicRecordState {
  /** The clinic open beside the list, if any. */
  openId: string | null;
  clinic: Clinic | null;
  loading: boolean;
  error: string | null;
  /** Opens a clinic beside the list (also usable from other screens before navigating here). */
  open(id: string): Promise<void>;
  close(): void;
  /** Saves a new clinic, refreshes the list and opens it; throws ApiError for the form's field errors. */
  create(input: CheckedClinicInput): Promise<Clinic>;
  /** Saves an edit; throws ApiError for the form's field errors. */
  update(id: string, input: CheckedClinicInput): Promise<Clinic>;
  archive(clinic: Clinic): Promise<boolean>;
  restore(clinic: Pick<Clinic, 'id' | 'name'>): Promise<boolean>;
  /** Clinics that may be the one being saved (same 会員番号, phone or name). */
  findDuplicates(input: CheckedClinicInput, exceptId: string | undefined): Promise<DuplicateMatch[]>;
  /** The address a postal code stands for ('' when unknown), for filling 所在地. */
  addressForPostalCode(postalCode: string): Promise<string>;
}

// Only the newest open() may fill the panel: clicking quickly through the list must not let an
// older answer win.
let latestOpen = 0;

const refreshList = () => void useClinicsStore.getState().search();
const notify = (text: string, kind: 'success' | 'error' = 'success', undoArchive?: Pick<Clinic, 'id' | 'name'>) =>
  useClinicsStore.getState().showNotice({ text, kind, ...(undoArchive ? { undoArchive: { id: undoArchive.id, name: undoArchive.name } } : {}) });

/** The one clinic being looked at or edited, and every write to clinic records. */
export const useClinicRecordStore = create<ClinicRecordState>()((set, get) => ({
  openId: null,
  clinic: null,
  loading: false,
  error: null,

  async open(id) {
    const ticket = ++latestOpen;
    set({ openId: id, clinic: get().clinic?.id === id ? get().clinic : null, loading: true, error: null });
    try {
      const clinic = await call('clinics.get', { id });
      if (ticket === latestOpen) set({ clinic, loading: false });
    } catch (error) {
      if (ticket === latestOpen) set({ loading: false, error: errorMessageOf(error, '医療機関の記録を読み込めませんでした。') });
    }
  },

  close() {
    ++latestOpen;
    set({ openId: null, clinic: null, loading: false, error: null });
  },

  async create(input) {
    const clinic = await call('clinics.create', input);
    ++latestOpen;
    set({ openId: clinic.id, clinic, loading: false, error: null });
    notify(`${clinic.name}を登録しました`);
    refreshList();
    return clinic;
  },

  async update(id, input) {
    const opened = get().openId === id ? get().clinic : null;
    const clinic = await call('clinics.update', { id, clinic: input, expectedRevision: opened?.revision ?? 0 });
    if (get().openId === id) set({ clinic });
    notify(`${clinic.name}を保存しました`);
    refreshList();
    return clinic;
  },

  async archive(clinic) {
    try {
      await call('clinics.archive', { id: clinic.id });
    } catch (error) {
      notify(errorMessageOf(error, `${clinic.name}をアーカイブできませんでした。もう一度お試しください。`), 'error');
      return false;
    }
    // Archived clinics leave the list, so the panel goes too; 「元に戻す」 brings both back.
    if (get().openId === clinic.id) get().close();
    notify(`${clinic.name}をアーカイブしました。検索には表示されなくなります。`, 'success', clinic);
    refreshList();
    return true;
  },

  async restore(clinic) {
    let restored: Clinic;
    try {
      restored = await call('clinics.restore', { id: clinic.id });
    } catch (error) {
      notify(errorMessageOf(error, `${clinic.name}を復元できませんでした。もう一度お試しください。`), 'error');
      return false;
    }
    if (get().openId === clinic.id) set({ clinic: restored });
    notify(`${restored.name}を復元しました`);
    refreshList();
    return true;
  },

  async findDuplicates(input, exceptId) {
    const { matches } = await call('clinics.duplicates', {
      name: input.name,
      phone: input.phone,
      memberNumber: input.memberNumber,
      ...(exceptId ? { exceptId } : {}),
    });
    return matches;
  },

  async addressForPostalCode(postalCode) {
    const { addresses } = await call('postal.lookup', { postalCode });
    return commonAddress(addresses);
  },
}));
