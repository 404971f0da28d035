import type { ClinicKind } from '../domain/clinic.ts';
import { monthlyPremiumOf, ratedKinds, type RateTable, type RatedKind } from '../content/rateTableSchema.ts';

export type Quote =
  | {
      kind: 'figure';
      clinicKind: RatedKind;
      planId: string;
      planName: string;
      monthlyYen: number;
      annualYen: number;
      conditions: string[];
      tableVersion: string;
      sample: boolean;
    }
  /** 病院, 介護老人保健施設 and その他: the premium depends on the 告知, so no figure exists. */
  | { kind: 'askAgency'; clinicKind: ClinicKind };

export function isRatedKind(kind: ClinicKind): kind is RatedKind {
  return (ratedKinds as readonly string[]).includes(kind);
}

/** The premium for a clinic and plan under the table's conditions (12 monthly instalments). */
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
    annualYen: monthly * 12,
    conditions: [...table.conditions],
    tableVersion: table.version,
    sample: table.status === 'sample',
  };
}
