import type { ClinicKind } from '../domain/clinic.ts';
import { annualPremiumOf, monthlyPremiumOf, ratedKinds, type RateTable, type RatedKind } from '../content/rateTableSchema.ts';

export type Quote =
  | {
      kind: 'figure';
      clinicKind: RatedKind;
      planId: string;
      planName: string;
      monthlyYen: number;
      /** Only where the table states it; never monthly × 12 worked out by the app. */
      tableAnnualYen?: number | undefined;
      /** The plan's 支払限度額 as the table states them. */
      liabilityLimitYen?: number | undefined;
      responseCostLimitYen?: number | undefined;
      /** The table's own 有効期限 of a quote (YYYY-MM-DD). */
      validUntil?: string | undefined;
      conditions: string[];
      tableVersion: string;
      sample: boolean;
    }
  /** 病院, 介護老人保健施設 and その他: the premium depends on the 告知, so no figure exists. */
  | { kind: 'askAgency'; clinicKind: ClinicKind };

export function isRatedKind(kind: ClinicKind): kind is RatedKind {
  return (ratedKinds as readonly string[]).includes(kind);
}

/**
 * The premium for a clinic and plan under the table's conditions, with every other figure the
 * table states for it (annual premium, limits, 有効期限) and nothing the table does not state.
 */
export function calculateQuote(table: RateTable, clinicKind: ClinicKind, planId: string): Quote {
  if (!isRatedKind(clinicKind)) return { kind: 'askAgency', clinicKind };
  const plan = table.plans.find((p) => p.id === planId);
  const monthly = monthlyPremiumOf(table, clinicKind, planId);
  if (!plan || monthly === undefined) throw new Error(`plan ${planId} is not in rate table ${table.version}`);
  return {
    kind: 'figure',
    clinicKind,
    planId,
    planName: plan.name,
    monthlyYen: monthly,
    ...definedOnly({
      tableAnnualYen: annualPremiumOf(table, clinicKind, planId),
      liabilityLimitYen: plan.liabilityLimitYen,
      responseCostLimitYen: plan.responseCostLimitYen,
      validUntil: table.quoteValidUntil,
    }),
    conditions: [...table.conditions],
    tableVersion: table.version,
    sample: table.status === 'sample',
  };
}

/** A stored snapshot keeps no key for what the table did not state. */
function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
