import type { ContentPack } from '../content/contentPackSchema.ts';

export interface BreachInputs {
  servers: number;
  patients: number;
  voucherYen: number;
  callCentreWeeks: number;
}

export interface BreachCostLine {
  category: string;
  description: string;
  /** The flyer's own amount for its case. */
  flyerYen: number;
  /** The amount rescaled to the user's inputs, rounded to 10,000 yen like the flyer's 約…万円. */
  estimateYen: number;
}

const roundToManYen = (yen: number) => Math.round(yen / 10_000) * 10_000;

/** The flyer's case as inputs, the starting point of the illustration. */
export function flyerInputs(pack: ContentPack): BreachInputs {
  const { servers, patients, voucherYen, callCentreWeeks } = pack.incidentCase.basis;
  return { servers, patients, voucherYen, callCentreWeeks };
}

/**
 * Rescales each cost item of the flyer's incident case from the flyer's own unit figures: the
 * investigation per server, letters per patient, gifts per patient (voucher + the flyer's
 * postage), the call centre per week. Fixed items stay as the flyer states them. An
 * illustration only: no quote and no promise of payment.
 */
export function estimateBreachCost(pack: ContentPack, inputs: BreachInputs): BreachCostLine[] {
  const basis = pack.incidentCase.basis;
  return pack.incidentCase.items.map((item) => {
    let yen: number;
    switch (item.scalesWith) {
      case 'servers':
        yen = (item.amountYen / basis.servers) * inputs.servers;
        break;
      case 'patients':
        yen = (item.amountYen / basis.patients) * inputs.patients;
        break;
      case 'giftsPerPatient': {
        const postagePerPatient = item.amountYen / basis.patients - basis.voucherYen;
        yen = inputs.patients * (inputs.voucherYen + postagePerPatient);
        break;
      }
      case 'callCentreWeeks':
        yen = (item.amountYen / basis.callCentreWeeks) * inputs.callCentreWeeks;
        break;
      case 'fixed':
        yen = item.amountYen;
        break;
    }
    return { category: item.category, description: item.description, flyerYen: item.amountYen, estimateYen: roundToManYen(yen) };
  });
}
