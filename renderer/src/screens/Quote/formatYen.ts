import { formatNumber } from '../../format/formatNumber.ts';

/** 13332 -> 「13,332円」. */
export function formatYen(yen: number): string {
  return `${formatNumber(yen)}円`;
}

