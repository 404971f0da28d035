import { clinicKindLabels } from '../domain/clinic.ts';
import { rateTableMessages as m } from '../messages/rateTableMessages.ts';
import { hasSampleWording, planIdPattern, ratedKinds, type RateTable, type RatedKind } from './rateTableSchema.ts';

/** Columns of the rate table CSV that the agency fills in Excel from the insurer's table. */
export const rateTableCsvHeader = ['種別', 'プランID', 'プラン名', '月額保険料（円）'] as const;

/** Excel's column letter of each field, so that a problem names the cell staff see (C3). */
const columnLetters = { kind: 'A', planId: 'B', planName: 'C', amount: 'D' } as const;

export interface RateTableProblem {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  field: string;
  message: string;
}

/**
 * The template: every kind × plan of the current table, with the figure column left empty. Plan
 * names are left empty too unless the current table is official: a sample's practice names
 * (見本プラン1) would otherwise be carried into an official table and onto customer documents.
 */
export function rateTableTemplateRows(table: RateTable): string[][] {
  const nameOf = (plan: RateTable['plans'][number]) => (table.status === 'confirmed' ? plan.name : '');
  return [
    [...rateTableCsvHeader],
    ...ratedKinds.flatMap((kind) => table.plans.map((plan) => [clinicKindLabels[kind], plan.id, nameOf(plan), ''])),
  ];
}

function kindFromLabel(label: string): RatedKind | undefined {
  return ratedKinds.find((k) => clinicKindLabels[k] === label.trim());
}

/**
 * Reads filled-in rows into a confirmed table. Conditions and the rounding rule stay those of
 * the base table (they are the flyer's); plans and figures come from the file.
 */
export function rateTableFromRows(
  rows: readonly (readonly string[])[],
  base: RateTable,
  version: string,
): { ok: true; table: RateTable } | { ok: false; problems: RateTableProblem[] } {
  const problems: RateTableProblem[] = [];
  const [header, ...body] = rows;
  if (!header || rateTableCsvHeader.some((h, i) => (header[i] ?? '').trim() !== h)) {
    return { ok: false, problems: [{ row: 1, field: '見出し', message: m.csvHeader(rateTableCsvHeader.join(',')) }] };
  }
  if (hasSampleWording(version)) return { ok: false, problems: [{ row: 0, field: '版', message: m.csvVersionSample }] };
  const plans: RateTable['plans'] = [];
  // Maps, not objects: a plan id is data from a file and must never meet an inherited member.
  const monthly = new Map<RatedKind, Map<string, number>>(ratedKinds.map((kind) => [kind, new Map()]));
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const [kindLabel = '', rawPlanId = '', planName = '', amount = ''] = cells.map((c) => c.normalize('NFKC').trim());
    // Excel users type p1 as often as P1; full-width Ｐ１ is already P1 after NFKC.
    const planId = rawPlanId.toUpperCase();
    const kind = kindFromLabel(kindLabel);
    if (!kind) return void problems.push({ row, field: '種別', message: m.csvKind(kindLabel.slice(0, 20)) });
    if (!planIdPattern.test(planId)) return void problems.push({ row, field: 'プランID', message: m.csvPlanIdPattern(m.cell(columnLetters.planId, row)) });
    if (planName === '') return void problems.push({ row, field: 'プラン名', message: m.csvPlanNameMissing(m.cell(columnLetters.planName, row)) });
    if (hasSampleWording(planName)) {
      return void problems.push({ row, field: 'プラン名', message: m.csvPlanNameSample(m.cell(columnLetters.planName, row), planName) });
    }
    const yen = Number(amount.replace(/[,円¥\\]/g, ''));
    if (amount === '' || !Number.isInteger(yen) || yen <= 0) {
      return void problems.push({ row, field: '月額保険料（円）', message: m.csvAmount });
    }
    const premiums = monthly.get(kind)!;
    if (premiums.has(planId)) return void problems.push({ row, field: 'プランID', message: m.csvDuplicateRow });
    const known = plans.find((p) => p.id === planId);
    if (known && known.name !== planName) return void problems.push({ row, field: 'プラン名', message: m.csvPlanNameDiffers(known.name) });
    if (!known) plans.push({ id: planId, name: planName });
    premiums.set(planId, yen);
  });
  for (const kind of ratedKinds) {
    for (const plan of plans) {
      if (!monthly.get(kind)!.has(plan.id)) {
        problems.push({ row: rows.length + 1, field: '月額保険料（円）', message: m.csvRowMissing(clinicKindLabels[kind], plan.name) });
      }
    }
  }
  if (plans.length === 0 && problems.length === 0) problems.push({ row: 2, field: '種別', message: m.csvNoRows });
  if (problems.length > 0) return { ok: false, problems };
  const monthlyPremiums = Object.fromEntries(ratedKinds.map((kind) => [kind, Object.fromEntries(monthly.get(kind)!)])) as RateTable['monthlyPremiums'];
  return {
    ok: true,
    table: { ...base, version, status: 'confirmed', title: base.title.replace(/（見本）$/, ''), plans, monthlyPremiums },
  };
}
