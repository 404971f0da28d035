import { z } from 'zod';
import { contentMessages } from '../messages/contentMessages.ts';
import { rateTableSourceSchema, rateTableVersionSchema } from './rateTableSource.ts';

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

/** A PDF a pack names (the insurer's flyer, its important-matters document), or a chosen PDF it does not name. */
export const packPdfSchema = z.object({
  role: z.enum(['insurerFlyer', 'importantMatters', 'unnamed']),
  label: z.string(),
  /** The file name the pack states. */
  file: z.string(),
  /** The chosen file it was found in; null when none was chosen (or it is kept from an earlier install). */
  chosen: z.string().nullable(),
  /** Why it cannot be installed, in Japanese naming the file; null when it is ready. */
  problem: z.string().nullable(),
});
export type PackPdf = z.infer<typeof packPdfSchema>;

/** What staff see before accepting a new rate table or pack: the current one beside the new one. */
export const contentImportPreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rates'),
    currentVersion: z.string(),
    currentStatus: z.enum(['sample', 'confirmed']),
    version: z.string(),
    rows: z.array(
      z.object({
        kindLabel: z.string(),
        planName: z.string(),
        currentYen: z.number().nullable(),
        newYen: z.number(),
        /** What the new table states beside the monthly figure; null where it states nothing. */
        newAnnualYen: z.number().nullable(),
        liabilityLimitYen: z.number().nullable(),
        responseCostLimitYen: z.number().nullable(),
      }),
    ),
    /** The new table's 有効期限 of a quote (YYYY-MM-DD); null when it states none. */
    quoteValidUntil: z.string().nullable(),
    problems: z.array(problemSchema),
  }),
  z.object({
    kind: z.literal('pack'),
    current: z.object({ code: z.string(), createdLabel: z.string() }),
    /** Null when the file is refused: its problems say why. */
    candidate: z.object({ code: z.string(), createdLabel: z.string() }).nullable(),
    /** Every field that differs, in the pack's order; empty when the packs are the same. */
    changes: z.array(contentPackChangeSchema),
    problems: z.array(problemSchema),
    /** The PDFs the pack names and the chosen ones: it installs only when none has a problem. */
    pdfs: z.array(packPdfSchema).default([]),
  }),
]);
export type ContentImportPreview = z.infer<typeof contentImportPreviewSchema>;

export const contentChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(['pack', 'rates']),
  label: z.string(),
  installedAt: z.string(),
  /** Who installed it; for an official rate table, who confirmed it against the insurer's document. */
  staffName: z.string().nullable(),
  revertedAt: z.string().nullable(),
  /** The insurer's document an official rate table was confirmed against; null for packs and older rows. */
  source: z.object({ document: z.string(), date: z.string() }).nullable(),
  /** Installed on another machine and refused by this app: the previous content is in force here. */
  notUsedHere: z.literal(true).optional(),
});
export type ContentChange = z.infer<typeof contentChangeSchema>;

const fileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * A file chosen through one of the two buttons of 設定: an official rate table comes with its
 * 版 and the insurer's document it was confirmed against; a content pack carries its own.
 */
export const contentImportInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('rates'), fileId: fileIdSchema, version: rateTableVersionSchema, source: rateTableSourceSchema() }),
    // The PDFs the pack names (the insurer's flyer, its important-matters document) come with it.
    z.object({ kind: z.literal('pack'), fileId: fileIdSchema, pdfFileIds: z.array(fileIdSchema).max(4).optional() }),
  ],
  { message: contentMessages.importKindMissing },
);
export type ContentImportRequest = z.infer<typeof contentImportInputSchema>;
