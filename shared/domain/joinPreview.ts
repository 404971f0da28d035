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

const recordId = z.string().min(1).max(64);

/** One pair staff confirmed: this machine's record merges into the hub's (the hub's id is kept, as every other machine holds it). */
export const joinPairSchema = z.object({ hubId: recordId, localId: recordId });
export type JoinPair = z.infer<typeof joinPairSchema>;

/**
 * Joining with records on both sides: the pairs staff confirmed in the preview (matched pairs
 * left ticked, uncertain pairs they said yes to). Every other record of either side is kept as
 * it is and shared.
 */
export const joinCombineSchema = z
  .object({ pairs: z.array(joinPairSchema).max(500_000) })
  .superRefine(({ pairs }, ctx) => {
    for (const side of ['hubId', 'localId'] as const) {
      if (new Set(pairs.map((pair) => pair[side])).size !== pairs.length) {
        ctx.addIssue({ code: 'custom', message: '同じ医療機関が二つの組に入っています。照合をやり直してください', path: ['pairs'] });
        return;
      }
    }
  });
export type JoinCombine = z.infer<typeof joinCombineSchema>;

/** What a join with records on both sides did: how many pairs merged, and which could not (with why, in Japanese). */
export const joinCombineResultSchema = z.object({
  merged: z.number().int().nonnegative(),
  notMerged: z.array(z.object({ hub: joinPreviewClinicSchema, local: joinPreviewClinicSchema, reason: z.string() })),
  /** Records of this machine kept apart from a hub record with the same 会員番号: the number stays with the hub's record. */
  numbersLeftWithHub: z.array(z.object({ hub: joinPreviewClinicSchema, local: joinPreviewClinicSchema })),
  /** The verified backup taken before anything was written (its file name). */
  backupFile: z.string(),
});
export type JoinCombineResult = z.infer<typeof joinCombineResultSchema>;
