import { z } from 'zod';
import { receiptPrefixSchema } from './inquiry.ts';
import { solicitorMessages } from '../messages/solicitorMessages.ts';

export const dateStyles = ['western', 'japanese'] as const;

/** Settings kept on this machine: who is at the counter, how dates and 受付番号 look. */
export const settingsSchema = z.object({
  receiptPrefix: z.string(),
  currentStaffId: z.string().nullable(),
  dateStyle: z.enum(dateStyles),
  /** ホーム tells this machine has not synced after this many days (a laptop out of the office). */
  syncStaleDays: z.number().int(),
  /** Minutes without input after which the person at the counter is asked again (0: never). Machine-local. */
  counterIdleMinutes: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.object({
  receiptPrefix: receiptPrefixSchema.optional(),
  currentStaffId: z.string().min(1).max(64).nullable().optional(),
  dateStyle: z.enum(dateStyles).optional(),
  syncStaleDays: z
    .number({ message: '日数は数字で入力してください' })
    .int({ message: '日数は整数で入力してください' })
    .min(1, { message: '日数は1日から30日の間で入力してください' })
    .max(30, { message: '日数は1日から30日の間で入力してください' })
    .optional(),
  counterIdleMinutes: z
    .number({ message: solicitorMessages.idleMinutesInvalid })
    .int({ message: solicitorMessages.idleMinutesInvalid })
    .min(0, { message: solicitorMessages.idleMinutesInvalid })
    .max(240, { message: solicitorMessages.idleMinutesInvalid })
    .optional(),
});

/**
 * Minutes without input before the counter asks who is there, until changed in 設定: long enough
 * for a phone call, short enough that the next person does not act under the last one's name.
 */
export const defaultCounterIdleMinutes = 15;

/** Days without a sync after which ホーム says so, until changed in 設定. */
export const defaultSyncStaleDays = 3;
