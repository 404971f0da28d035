import { clinicKindLabels } from '../domain/clinic.ts';
import { rateTableMessages as m } from '../messages/rateTableMessages.ts';
import { ratedKinds } from './rateTableSchema.ts';

type Path = readonly PropertyKey[];

const kindLabel = (kind: PropertyKey) => {
  const known = ratedKinds.find((k) => k === kind);
  return known ? clinicKindLabels[known] : m.fieldLabels.unknownKind(String(kind));
};
const nth = (index: PropertyKey) => (typeof index === 'number' ? index + 1 : Number(index) + 1);

/**
 * Where in a rate table a problem is, as staff read it: 「1番目のプランの名称」, never
 * `plans.0.name`. A place the app does not know (a crafted file) is named by its key in quotes.
 */
export function rateTableFieldLabel(path: Path): string {
  const [head, second, third] = path;
  const labels = m.fieldLabels;
  if (head === undefined) return labels.wholeTable;
  if (head === 'plans') {
    if (second === undefined) return labels.plans;
    if (third === 'name') return labels.planName(nth(second));
    if (third === 'id') return labels.planId(nth(second));
    if (third === 'liabilityLimitYen') return labels.liabilityLimit(nth(second));
    if (third === 'responseCostLimitYen') return labels.responseCostLimit(nth(second));
    return labels.plan(nth(second));
  }
  if (head === 'monthlyPremiums') {
    if (second === undefined) return labels.monthlyPremiums;
    if (third === undefined) return labels.premiumsOfKind(kindLabel(second));
    return labels.premiumOfPlan(kindLabel(second), String(third).slice(0, 20));
  }
  if (head === 'annualPremiums') {
    if (second === undefined) return labels.annualPremiums;
    if (third === undefined) return labels.annualOfKind(kindLabel(second));
    return labels.annualOfPlan(kindLabel(second), String(third).slice(0, 20));
  }
  if (head === 'conditions') return second === undefined ? labels.conditions : labels.condition(nth(second));
  const simple: Readonly<Record<string, string>> = labels.simple;
  return typeof head === 'string' && Object.hasOwn(simple, head) ? simple[head]! : labels.unknownField(String(head).slice(0, 20));
}
