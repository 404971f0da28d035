import { z } from 'zod';
import { knownClinicKinds } from '../domain/clinic.ts';
import { planIdSchema, ratedKinds } from '../content/rateTableSchema.ts';
import { isDateOnly } from '../time/tokyoDate.ts';

const optionalYen = z.number().int().positive().optional();

/**
 * A quote as it was shown: inputs, figures, conditions and the table's version and status.
 * Quotes saved before the table's own annual figure existed carry an `annualYen` the app had
 * worked out (monthly × 12); it is read past (zod drops unknown keys) and never shown again.
 */
export const quoteSnapshotSchema = z.object({
  kind: z.literal('figure'),
  clinicKind: z.enum(ratedKinds),
  planId: z.string(),
  planName: z.string(),
  monthlyYen: z.number().int().positive(),
  tableAnnualYen: optionalYen,
  liabilityLimitYen: optionalYen,
  responseCostLimitYen: optionalYen,
  validUntil: z.string().refine(isDateOnly).optional(),
  conditions: z.array(z.string()),
  tableVersion: z.string(),
  sample: z.boolean(),
});

export const savedQuoteSchema = z.object({
  id: z.string(),
  inquiryId: z.string(),
  createdAt: z.string(),
  staffName: z.string().nullable(),
  snapshot: quoteSnapshotSchema,
});
export type SavedQuote = z.infer<typeof savedQuoteSchema>;

export const quoteRequestSchema = z.object({
  // 未確認 is not a kind a premium can be quoted for: the clerk chooses one first.
  clinicKind: z.enum(knownClinicKinds, { message: '種別を選んでください' }),
  planId: z.string().min(1, { message: 'プランを選んでください' }).pipe(planIdSchema),
});
