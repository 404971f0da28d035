import { formatNumber } from '../../format/formatNumber.ts';

/** 13332 -> 「13,332円」. */
export function formatYen(yen: number): string {
  return `${formatNumber(yen)}円`;
}

/**
 * An illustrative amount the way the flyer writes its case: 3,000,000 -> 「約300万円」,
 * 123,000,000 -> 「約1億2,300万円」. The amount is expected rounded to 10,000 yen already.
 */
export function formatApproxManYen(yen: number): string {
  if (yen <= 0) return '0円';
  const man = Math.round(yen / 10_000);
  const oku = Math.floor(man / 10_000);
  const rest = man % 10_000;
  if (oku === 0) return `約${formatNumber(man)}万円`;
  return `約${formatNumber(oku)}億${rest > 0 ? `${formatNumber(rest)}万` : ''}円`;
}
