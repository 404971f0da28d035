import { z } from 'zod';
import type { DateOnly } from '../time/tokyoDate.ts';
import { retentionMessages as m } from '../messages/retentionMessages.ts';

/**
 * How long the records of an inquiry that reached 申込 or 成約 are kept before 完全削除 is
 * allowed: the insurer's agency rules decide (5 years is common), so the agency sets it in 設定.
 */
export const defaultRetentionYears = 5;
export const minRetentionYears = 1;
export const maxRetentionYears = 30;

export const retentionYearsSchema = z
  .number({ message: m.yearsNotNumber })
  .int({ message: m.yearsRange(minRetentionYears, maxRetentionYears) })
  .min(minRetentionYears, { message: m.yearsRange(minRetentionYears, maxRetentionYears) })
  .max(maxRetentionYears, { message: m.yearsRange(minRetentionYears, maxRetentionYears) });

/** The retention period as 設定 shows it: the years, and when and where it was last set (null: never set, the default). */
export const retentionSettingSchema = z.object({
  years: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RetentionSetting = z.infer<typeof retentionSettingSchema>;

export const retentionUpdateSchema = z.object({ years: retentionYearsSchema });

/**
 * The last day the records must be kept: the same month and day `years` later. A start on 29
 * February ends on 28 February of a common year (民法143条2項: a period counted in years ends on
 * the day before the corresponding day; with the first day not counted (140条) that is the
 * corresponding day itself, and when the month has none, its last day).
 */
export function retentionEndsOn(startedOn: DateOnly, years: number): DateOnly {
  const [y, mo, d] = startedOn.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, mo, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** True while the records may not be purged yet: up to and including the period's last day. */
export function withinRetention(startedOn: DateOnly, years: number, today: DateOnly): boolean {
  return today <= retentionEndsOn(startedOn, years);
}

/** Records held by the retention period, as purge reports them: how many, and the earliest end. */
export const retainedSchema = z.object({
  count: z.number().int().nonnegative(),
  /** The earliest last day of the records held; null when none is held. */
  earliestEndsOn: z.string().nullable(),
  years: z.number().int(),
});
export type Retained = z.infer<typeof retainedSchema>;

/** One inquiry whose retention period is over: offered for 完全削除. */
export const expiredRecordSchema = z.object({
  inquiryId: z.string(),
  receiptNumber: z.string(),
  clinicName: z.string(),
  /** 成約 (or, never 成約, 申込) date: where the period was counted from. */
  startedOn: z.string(),
  contracted: z.boolean(),
  endedOn: z.string(),
});
export type ExpiredRecord = z.infer<typeof expiredRecordSchema>;
