import { clinicKindLabels } from '../domain/clinic.ts';
import { ratedKinds, type RateTable, type RatedKind } from './rateTableSchema.ts';

/** Columns of the rate table CSV that the agency fills in Excel from the insurer's table. */
export const rateTableCsvHeader = ['種別', 'プランID', 'プラン名', '月額保険料（円）'] as const;

export interface RateTableProblem {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  field: string;
  message: string;
}

/** The template: every kind × plan of the current table, with the figure column left empty. */
export function rateTableTemplateRows(table: RateTable): string[][] {
  return [
    [...rateTableCsvHeader],
    ...ratedKinds.flatMap((kind) => table.plans.map((plan) => [clinicKindLabels[kind], plan.id, plan.name, ''])),
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
    return { ok: false, problems: [{ row: 1, field: '見出し', message: `1行目は「${rateTableCsvHeader.join(',')}」にしてください` }] };
  }
  const plans: RateTable['plans'] = [];
  const monthly: Record<RatedKind, Record<string, number>> = { clinic_no_beds: {}, clinic_with_beds: {} };
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const [kindLabel = '', planId = '', planName = '', amount = ''] = cells.map((c) => c.normalize('NFKC').trim());
    const kind = kindFromLabel(kindLabel);
    if (!kind) return void problems.push({ row, field: '種別', message: `「${kindLabel.slice(0, 20)}」は使えません（無床診療所 か 有床診療所）` });
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(planId)) return void problems.push({ row, field: 'プランID', message: 'プランIDは英数字で入力してください' });
    if (planName === '') return void problems.push({ row, field: 'プラン名', message: 'プラン名を入力してください' });
    const yen = Number(amount.replace(/[,円¥\\]/g, ''));
    if (amount === '' || !Number.isInteger(yen) || yen <= 0) {
      return void problems.push({ row, field: '月額保険料（円）', message: '月額保険料を円単位の整数で入力してください' });
    }
    if (monthly[kind][planId] !== undefined) return void problems.push({ row, field: 'プランID', message: '同じ種別とプランIDの行が重複しています' });
    const known = plans.find((p) => p.id === planId);
    if (known && known.name !== planName) return void problems.push({ row, field: 'プラン名', message: `プラン名が他の行（${known.name}）と違います` });
    if (!known) plans.push({ id: planId, name: planName });
    monthly[kind][planId] = yen;
  });
  for (const kind of ratedKinds) {
    for (const plan of plans) {
      if (monthly[kind][plan.id] === undefined) {
        problems.push({ row: rows.length + 1, field: '月額保険料（円）', message: `${clinicKindLabels[kind]}の「${plan.name}」の行がありません` });
      }
    }
  }
  if (plans.length === 0 && problems.length === 0) problems.push({ row: 2, field: '種別', message: '保険料の行がありません' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    table: { ...base, version, status: 'confirmed', title: base.title.replace(/（見本）$/, ''), plans, monthlyPremiums: monthly },
  };
}
