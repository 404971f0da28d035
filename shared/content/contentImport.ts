import { z } from 'zod';

const problemSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

/** One field of a content pack that a new pack changes; null where the field is absent on that side. */
export const contentPackChangeSchema = z.object({
  /** The field's path in the pack, e.g. `contacts.insurer.phone`. */
  path: z.string(),
  /** The same place in Japanese, e.g. 「保険会社の連絡先 › 電話番号」. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ContentPackChange = z.infer<typeof contentPackChangeSchema>;

/** What staff see before accepting a new rate table or pack: the current one beside the new one. */
export const contentImportPreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rates'),
    currentVersion: z.string(),
    currentStatus: z.enum(['sample', 'confirmed']),
    version: z.string(),
    rows: z.array(z.object({ kindLabel: z.string(), planName: z.string(), currentYen: z.number().nullable(), newYen: z.number() })),
    problems: z.array(problemSchema),
  }),
  z.object({
    kind: z.literal('pack'),
    current: z.object({ code: z.string(), createdLabel: z.string() }),
    candidate: z.object({ code: z.string(), createdLabel: z.string() }),
    /** Every field that differs, in the pack's order; empty when the packs are the same. */
    changes: z.array(contentPackChangeSchema),
    problems: z.array(problemSchema),
  }),
]);
export type ContentImportPreview = z.infer<typeof contentImportPreviewSchema>;

export const contentChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(['pack', 'rates']),
  label: z.string(),
  installedAt: z.string(),
  staffName: z.string().nullable(),
  revertedAt: z.string().nullable(),
});
export type ContentChange = z.infer<typeof contentChangeSchema>;

export const contentImportInputSchema = z.object({
  fileId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The version label of an official rate table, e.g. 「2026年度 正式」. */
  version: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(60, { message: '版は60文字以内で入力してください' }))
    .default(''),
});
