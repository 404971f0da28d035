import { z } from 'zod';

/**
 * What staff see before a machine holding records joins a hub holding records (issue 21 §2): the
 * pairs the roster import's rules call one clinic, the pairs to decide, and what each side alone
 * holds. Nothing is written to show it.
 */
export const joinPreviewClinicSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  memberNumber: z.string(),
  address: z.string(),
});
export type JoinPreviewClinic = z.infer<typeof joinPreviewClinicSchema>;

export const joinMatchRules = ['memberNumber', 'phone', 'nameAddress'] as const;
export const uncertainReasons = ['phoneOnlyNamesDiffer', 'nameWithoutAddress'] as const;

/** One side's clinics that have no partner: how many, and the first few by name for the screen. */
const aloneSchema = z.object({ count: z.number().int().nonnegative(), first: z.array(joinPreviewClinicSchema) });

export const joinPreviewSchema = z.object({
  matched: z.array(z.object({ hub: joinPreviewClinicSchema, local: joinPreviewClinicSchema, rule: z.enum(joinMatchRules) })),
  uncertain: z.array(z.object({ hub: joinPreviewClinicSchema, local: joinPreviewClinicSchema, reason: z.enum(uncertainReasons) })),
  hubOnly: aloneSchema,
  localOnly: aloneSchema,
});
export type JoinPreview = z.infer<typeof joinPreviewSchema>;
