import { clinicKindLabels } from '../domain/clinic.ts';
import { rateTableMessages as m } from '../messages/rateTableMessages.ts';
import { isDateOnly } from '../time/tokyoDate.ts';
import { hasSampleWording, planIdPattern, ratedKinds, type RatePlan, type RateTable, type RatedKind } from './rateTableSchema.ts';

/** Columns of the rate table CSV that the agency fills in Excel from the insurer's table. */
export const rateTableCsvHeader = ['種別', 'プランID', 'プラン名', '月額保険料（円）'] as const;
/**
 * Columns the insurer's table may state and the agency then copies; left empty (or absent, in a
 * file made from an older template) the app shows no such figure: it never works one out.
 */
export const rateTableCsvOptionalHeader = ['年間保険料（円）', '損害賠償の支払限度額（円）', '事故対応特別費用の支払限度額（円）', '試算の有効期限'] as const;

/** Excel's column letter of each field, so that a problem names the cell staff see (C3). */
const columnLetters = { kind: 'A', planId: 'B', planName: 'C', amount: 'D', annual: 'E', liability: 'F', responseCost: 'G', validUntil: 'H' } as const;

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
  const blanks = rateTableCsvOptionalHeader.map(() => '');
  return [
    [...rateTableCsvHeader, ...rateTableCsvOptionalHeader],
    ...ratedKinds.flatMap((kind) => table.plans.map((plan) => [clinicKindLabels[kind], plan.id, nameOf(plan), '', ...blanks])),
  ];
}

/**
 * A yen cell as staff copy it from the insurer's table: 12,000 / 12000円 / ¥12,000, and for limits
 * 1億円 or 1,000万円. NaN when it is not a whole amount of at least 1 yen.
 */
function yenOf(cell: string): number {
  const match = /^(?:([\d,]+)億)?(?:([\d,]+)万)?([\d,]*)$/.exec(cell.replace(/[円¥\\]/g, ''));
  if (!match || !/\d/.test(cell)) return Number.NaN;
  const part = (digits: string | undefined) => (digits ? Number(digits.replaceAll(',', '')) : 0);
  const yen = part(match[1]) * 100_000_000 + part(match[2]) * 10_000 + part(match[3]);
  return Number.isSafeInteger(yen) && yen > 0 ? yen : Number.NaN;
}

/** 2027-03-31, 2027/3/31 (as Excel shows a date) or 2027年3月31日 → 2027-03-31; undefined otherwise. */
function dateOf(cell: string): string | undefined {
  const match = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(cell);
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isDateOnly(date) ? date : undefined;
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
  // A file from the older four-column template still reads: it states no annual figure, limit or 有効期限.
  const optionalHeaderOk = rateTableCsvOptionalHeader.every((h, i) => ['', h].includes((header?.[rateTableCsvHeader.length + i] ?? '').trim()));
  if (!header || rateTableCsvHeader.some((h, i) => (header[i] ?? '').trim() !== h) || !optionalHeaderOk) {
    return { ok: false, problems: [{ row: 1, field: '見出し', message: m.csvHeader([...rateTableCsvHeader, ...rateTableCsvOptionalHeader].join(',')) }] };
  }
  if (hasSampleWording(version)) return { ok: false, problems: [{ row: 0, field: '版', message: m.csvVersionSample }] };
  const plans: RateTable['plans'] = [];
  // Maps, not objects: a plan id is data from a file and must never meet an inherited member.
  const monthly = new Map<RatedKind, Map<string, number>>(ratedKinds.map((kind) => [kind, new Map()]));
  const annual = new Map<RatedKind, Map<string, number>>(ratedKinds.map((kind) => [kind, new Map()]));
  const validDates = new Set<string>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const [kindLabel = '', rawPlanId = '', planName = '', amount = '', annualCell = '', liabilityCell = '', responseCell = '', validCell = ''] = cells.map((c) =>
      c.normalize('NFKC').trim(),
    );
    // Excel users type p1 as often as P1; full-width Ｐ１ is already P1 after NFKC.
    const planId = rawPlanId.toUpperCase();
    const kind = kindFromLabel(kindLabel);
    if (!kind) return void problems.push({ row, field: '種別', message: m.csvKind(kindLabel.slice(0, 20)) });
    if (!planIdPattern.test(planId)) return void problems.push({ row, field: 'プランID', message: m.csvPlanIdPattern(m.cell(columnLetters.planId, row)) });
    if (planName === '') return void problems.push({ row, field: 'プラン名', message: m.csvPlanNameMissing(m.cell(columnLetters.planName, row)) });
    if (hasSampleWording(planName)) {
      return void problems.push({ row, field: 'プラン名', message: m.csvPlanNameSample(m.cell(columnLetters.planName, row), planName) });
    }
    const yen = yenOf(amount);
    if (Number.isNaN(yen)) return void problems.push({ row, field: '月額保険料（円）', message: m.csvAmount });
    const annualYen = annualCell === '' ? undefined : yenOf(annualCell);
    if (Number.isNaN(annualYen)) return void problems.push({ row, field: '年間保険料（円）', message: m.csvYenCell(m.cell(columnLetters.annual, row), '年間保険料') });
    const limits: Pick<RatePlan, 'liabilityLimitYen' | 'responseCostLimitYen'> = {};
    for (const [cell, key, letter, label] of [
      [liabilityCell, 'liabilityLimitYen', columnLetters.liability, '損害賠償の支払限度額'],
      [responseCell, 'responseCostLimitYen', columnLetters.responseCost, '事故対応特別費用の支払限度額'],
    ] as const) {
      if (cell === '') continue;
      const limit = yenOf(cell);
      if (Number.isNaN(limit)) return void problems.push({ row, field: `${label}（円）`, message: m.csvYenCell(m.cell(letter, row), label) });
      limits[key] = limit;
    }
    if (validCell !== '') {
      const date = dateOf(validCell);
      if (!date) return void problems.push({ row, field: '試算の有効期限', message: m.csvValidUntil(m.cell(columnLetters.validUntil, row)) });
      validDates.add(date);
    }
    const premiums = monthly.get(kind)!;
    if (premiums.has(planId)) return void problems.push({ row, field: 'プランID', message: m.csvDuplicateRow });
    const known = plans.find((p) => p.id === planId);
    if (known && known.name !== planName) return void problems.push({ row, field: 'プラン名', message: m.csvPlanNameDiffers(known.name) });
    // A plan's limits are the plan's, whatever the 種別: two rows saying two limits is a typing slip.
    for (const key of ['liabilityLimitYen', 'responseCostLimitYen'] as const) {
      if (known && limits[key] !== undefined && known[key] !== undefined && known[key] !== limits[key]) {
        return void problems.push({ row, field: 'プランID', message: m.csvLimitDiffers(known.name) });
      }
    }
    if (known) Object.assign(known, limits);
    else plans.push({ id: planId, name: planName, ...limits });
    premiums.set(planId, yen);
    if (annualYen !== undefined) annual.get(kind)!.set(planId, annualYen);
  });
  if (validDates.size > 1) problems.push({ row: 0, field: '試算の有効期限', message: m.csvValidUntilDiffers });
  for (const kind of ratedKinds) {
    for (const plan of plans) {
      if (!monthly.get(kind)!.has(plan.id)) {
        problems.push({ row: rows.length + 1, field: '月額保険料（円）', message: m.csvRowMissing(clinicKindLabels[kind], plan.name) });
      }
    }
  }
  if (plans.length === 0 && problems.length === 0) problems.push({ row: 2, field: '種別', message: m.csvNoRows });
  if (problems.length > 0) return { ok: false, problems };
  const byKind = (figures: typeof monthly) => Object.fromEntries(ratedKinds.map((kind) => [kind, Object.fromEntries(figures.get(kind)!)])) as RateTable['monthlyPremiums'];
  const hasAnnual = ratedKinds.some((kind) => annual.get(kind)!.size > 0);
  // Nothing of the base table's own annual figures or 有効期限 carries over: only what this file states.
  const { annualPremiums: _annual, quoteValidUntil: _valid, ...rest } = base;
  const [validUntil] = validDates;
  return {
    ok: true,
    table: {
      ...rest,
      version,
      status: 'confirmed',
      title: base.title.replace(/（見本）$/, ''),
      plans,
      monthlyPremiums: byKind(monthly),
      ...(hasAnnual ? { annualPremiums: byKind(annual) } : {}),
      ...(validUntil ? { quoteValidUntil: validUntil } : {}),
    },
  };
}
