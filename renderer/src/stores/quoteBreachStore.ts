import { create } from 'zustand';
import type { BreachInputs } from '../../../shared/estimate/breachCost.ts';

export type BreachField = keyof BreachInputs;

/** What the clerk typed into the 被害額シミュレーション, as typed (full-width digits and commas included). */
export type BreachDraft = Record<BreachField, string>;

interface BreachState {
  /** Null until the screen fills it with the case figures of the approved unit-cost document. */
  draft: BreachDraft | null;
  setField(field: BreachField, value: string): void;
  reset(inputs: BreachInputs): void;
}

export const draftFromInputs = (inputs: BreachInputs): BreachDraft => ({
  patients: String(inputs.patients),
  servers: String(inputs.servers),
  voucherYen: String(inputs.voucherYen),
  callCentreWeeks: String(inputs.callCentreWeeks),
});

/** The inputs of the breach-cost calculation (offered only with approved unit costs), kept while staff move between screens. */
export const useQuoteBreachStore = create<BreachState>()((set, get) => ({
  draft: null,
  setField(field, value) {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, [field]: value } });
  },
  reset(inputs) {
    set({ draft: draftFromInputs(inputs) });
  },
}));
