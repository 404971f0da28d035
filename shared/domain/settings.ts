import { z } from 'zod';
import { receiptPrefixSchema } from './inquiry.ts';

export const dateStyles = ['western', 'japanese'] as const;

/** Settings kept on this machine: who is at the counter, how dates and 受付番号 look. */
export const settingsSchema = z.object({
  receiptPrefix: z.string(),
  currentStaffId: z.string().nullable(),
  dateStyle: z.enum(dateStyles),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.object({
  receiptPrefix: receiptPrefixSchema.optional(),
  currentStaffId: z.string().min(1).max(64).nullable().optional(),
  dateStyle: z.enum(dateStyles).optional(),
});
