import type { BreachUnitCosts, ContentPack } from '../content/contentPackSchema.ts';

export interface BreachInputs {
  servers: number;
  patients: number;
  voucherYen: number;
  callCentreWeeks: number;
}

export type BreachUnit = BreachUnitCosts['items'][number]['per'];

export interface BreachCostLine {
  category: string;
  /** What the amount is computed from (the approved unit). */
  per: BreachUnit;
  /** The flyer's own amount for its case, as the flyer prints it (「約300万円」). */
  flyerLabel: string;
  flyerYen: number;
  /** Approved unit cost × the clerk's input, to the yen: the app's arithmetic, never the flyer's 約…万円. */
  computedYen: number;
}

/** Where the clerk's inputs start: the case's figures as the approved unit-cost document states them. */
export function caseInputs(costs: BreachUnitCosts): BreachInputs {
  const { servers, patients, voucherYen, callCentreWeeks } = costs.caseFigures;
  return { servers, patients, voucherYen, callCentreWeeks };
}

/**
 * Each item of the flyer's incident case computed from the insurer-approved unit costs the pack
 * carries; `null` when the pack carries none, as the bundled flyer does: then the case is shown
 * only as the flyer states it, and nothing is rescaled.
 */
export function computeBreachCost(pack: ContentPack, inputs: BreachInputs): BreachCostLine[] | null {
  const costs = pack.breachUnitCosts;
  if (!costs) return null;
  return pack.incidentCase.items.map((item, index) => {
    const cost = costs.items[index] ?? { per: 'case' as const };
    let yen: number;
    switch (cost.per) {
      case 'server':
        yen = cost.unitYen * inputs.servers;
        break;
      case 'patient':
        yen = cost.unitYen * inputs.patients;
        break;
      case 'patientGift':
        yen = (inputs.voucherYen + cost.postageYen) * inputs.patients;
        break;
      case 'callCentreWeek':
        yen = cost.unitYen * inputs.callCentreWeeks;
        break;
      case 'case':
        yen = item.amountYen;
        break;
    }
    return { category: item.category, per: cost.per, flyerLabel: item.amountLabel, flyerYen: item.amountYen, computedYen: yen };
  });
}
