import { create } from 'zustand';
import type { Clinic, ClinicKind } from '../../../shared/domain/clinic.ts';
import type { Inquiry, InquiryChannel } from '../../../shared/domain/inquiry.ts';
import type { SavedQuote } from '../../../shared/quote/savedQuote.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import { call } from '../api/client.ts';
import { queries } from '../query/queries.ts';
import { queryClient } from '../query/queryClientInstance.ts';

/** A quote stored on an inquiry, with the inquiry's 受付番号 for the confirmation. */
export interface SavedQuoteConfirmation {
  inquiry: Inquiry;
  quote: SavedQuote;
  /** Whether the inquiry was registered for this save. */
  newInquiry: boolean;
}

interface QuoteDraftState {
  clinicKind: ClinicKind;
  /** Empty until the rate table is known; the screen then picks its first plan. */
  planId: string;
  /** The clinic from the records the quote is for, if one was chosen. */
  clinic: Clinic | null;
  lastSaved: SavedQuoteConfirmation | null;
  /** The inquiry registered from the screen for a 病院 etc., to confirm with its 受付番号. */
  lastRegistered: Inquiry | null;
  setClinicKind(kind: ClinicKind): void;
  setPlanId(planId: string): void;
  /** Chooses a clinic and takes its 種別 from the record. */
  chooseClinic(clinic: Clinic): void;
  clearClinic(): void;
  /** Registers an inquiry (受付日 today in Japan) for the chosen clinic, by the way it reached the counter. */
  registerInquiry(content: string, channel: InquiryChannel): Promise<Inquiry>;
  /** Registers an inquiry to save a quote on, without announcing it as a registration. */
  createInquiry(content: string, channel: InquiryChannel): Promise<Inquiry>;
  /** Saves the current draft on an inquiry; the main process recomputes the figures. Throws ApiError. */
  saveQuote(inquiry: Inquiry, newInquiry: boolean): Promise<SavedQuoteConfirmation>;
  /** Shows a saved quote's confirmation (once the save dialog has gone, so focus can move to it). */
  showSaved(confirmation: SavedQuoteConfirmation): void;
  dismissConfirmation(): void;
}

/** 保険料試算: what the counter has chosen so far, kept while staff move between screens. */
export const useQuoteStore = create<QuoteDraftState>()((set, get) => {
  const createInquiry = async (content: string, channel: InquiryChannel): Promise<Inquiry> => {
    const clinic = get().clinic;
    if (!clinic) throw new Error('no clinic chosen');
    const settings = await queryClient.fetchQuery(queries.settings());
    const staffId = settings.currentStaffId;
    const detail = await call('inquiries.create', {
      clinicId: clinic.id,
      receivedOn: tokyoToday(),
      channel,
      content,
      staffId,
    });
    return detail.inquiry;
  };

  return {
    clinicKind: 'clinic_no_beds',
    planId: '',
    clinic: null,
    lastSaved: null,
    lastRegistered: null,
    setClinicKind(clinicKind) {
      set({ clinicKind, lastSaved: null, lastRegistered: null });
    },
    setPlanId(planId) {
      set({ planId, lastSaved: null });
    },
    chooseClinic(clinic) {
      set({ clinic, clinicKind: clinic.kind, lastSaved: null, lastRegistered: null });
    },
    clearClinic() {
      set({ clinic: null, lastSaved: null, lastRegistered: null });
    },
    async registerInquiry(content, channel) {
      const inquiry = await createInquiry(content, channel);
      set({ lastRegistered: inquiry });
      return inquiry;
    },
    createInquiry,
    async saveQuote(inquiry, newInquiry) {
      const { clinicKind, planId } = get();
      // The screen offers 保存 only with a figure, which 未確認 never has.
      if (clinicKind === 'unconfirmed') throw new Error('種別を選んでください');
      const quote = await call('quotes.save', { inquiryId: inquiry.id, clinicKind, planId });
      return { inquiry, quote, newInquiry };
    },
    showSaved(confirmation) {
      set({ lastSaved: confirmation });
    },
    dismissConfirmation() {
      set({ lastSaved: null, lastRegistered: null });
    },
  };
});
