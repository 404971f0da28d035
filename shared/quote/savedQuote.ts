import { z } from 'zod';
import { knownClinicKinds } from '../domain/clinic.ts';
import { planIdSchema, ratedKinds } from '../content/rateTableSchema.ts';

/** A quote as it was shown: inputs, figures, conditions and the table's version and status. */
export const quoteSnapshotSchema = z.object({
  kind: z.literal('figure'),
  clinicKind: z.enum(ratedKinds),
  planId: z.string(),
  planName: z.string(),
  monthlyYen: z.number().int().positive(),
  annualYen: z.number().int().positive(),
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
