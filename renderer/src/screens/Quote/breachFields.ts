import type { BreachInputs } from '../../../../shared/estimate/breachCost.ts';
import { screenLabel } from '../../../../shared/messages/screenLabels.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import type { BreachDraft, BreachField } from '../../stores/quoteBreachStore.ts';

/** The inputs of the calculation, in reading order, with the bounds a counter would ever need. */
export const breachFields: { field: BreachField; min: number; max: number }[] = [
  { field: 'patients', min: 1, max: 10_000_000 },
  { field: 'servers', min: 0, max: 1_000 },
  { field: 'voucherYen', min: 0, max: 100_000 },
  { field: 'callCentreWeeks', min: 0, max: 52 },
];

export type ParsedDraft = { inputs: BreachInputs; errors: Partial<Record<BreachField, string>> };

/** Reads what was typed (全角 digits, commas and spaces allowed); a bad field keeps the fallback's value. */
export function parseBreachDraft(draft: BreachDraft, fallback: BreachInputs): ParsedDraft {
  const inputs = { ...fallback };
  const errors: ParsedDraft['errors'] = {};
  for (const { field, min, max } of breachFields) {
    const label = screenLabel(`input.${field}`);
    const text = draft[field].normalize('NFKC').replace(/[,\s]/g, '');
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (text === '') errors[field] = `${label}を入力してください`;
    else if (!Number.isSafeInteger(value) || value < min || value > max) {
      errors[field] = `${label}は${formatNumber(min)}〜${formatNumber(max)}の整数で入力してください`;
    } else inputs[field] = value;
  }
  return { inputs, errors };
}
