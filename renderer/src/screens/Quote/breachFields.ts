import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import type { BreachInputs } from '../../../../shared/estimate/breachCost.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import type { BreachDraft, BreachField } from '../../stores/quoteBreachStore.ts';

type ScalesWith = ContentPack['incidentCase']['items'][number]['scalesWith'];

/** The inputs of the illustration, in reading order, with the bounds a counter would ever need. */
export const breachFields: { field: BreachField; label: string; unit: string; min: number; max: number }[] = [
  { field: 'patients', label: '患者数', unit: '人', min: 1, max: 10_000_000 },
  { field: 'servers', label: 'サーバ台数', unit: '台', min: 0, max: 1_000 },
  { field: 'voucherYen', label: 'お詫びの品の金額（1人あたり）', unit: '円', min: 0, max: 100_000 },
  { field: 'callCentreWeeks', label: 'コールセンター設置週数', unit: '週', min: 0, max: 52 },
];

/** How each line of the flyer's case is rescaled, said in the clerk's words (table and chart). */
export const scalingLabels: Record<ScalesWith, { long: string; short: string }> = {
  servers: { long: 'サーバ台数に比例', short: 'サーバ台数' },
  patients: { long: '患者数に比例', short: '患者数' },
  giftsPerPatient: { long: '（お詫びの品の金額＋郵送代）×患者数', short: 'お詫びの品×患者数' },
  callCentreWeeks: { long: 'コールセンター設置週数に比例', short: '設置週数' },
  fixed: { long: 'チラシの金額のまま', short: '固定' },
};

export type ParsedDraft = { inputs: BreachInputs; errors: Partial<Record<BreachField, string>> };

/** Reads what was typed (全角 digits, commas and spaces allowed); a bad field keeps the fallback's value. */
export function parseBreachDraft(draft: BreachDraft, fallback: BreachInputs): ParsedDraft {
  const inputs = { ...fallback };
  const errors: ParsedDraft['errors'] = {};
  for (const { field, label, min, max } of breachFields) {
    const text = draft[field].normalize('NFKC').replace(/[,\s]/g, '');
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (text === '') errors[field] = `${label}を入力してください`;
    else if (!Number.isSafeInteger(value) || value < min || value > max) {
      errors[field] = `${label}は${formatNumber(min)}〜${formatNumber(max)}の整数で入力してください`;
    } else inputs[field] = value;
  }
  return { inputs, errors };
}
