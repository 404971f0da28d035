import { z } from 'zod';
import { rateTableMessages as m } from '../messages/rateTableMessages.ts';
import { isDateOnly, type DateOnly } from '../time/tokyoDate.ts';
import { hasSampleWording } from './rateTableSchema.ts';

/** As long as the database column allows (migration 8): a document number or a short title. */
export const sourceDocumentMaxLength = 100;
/** No insurer document behind this product's tables is older; an earlier date is a typing slip (1026 for 2026). */
export const earliestSourceDate = '2000-01-01';
export const versionMaxLength = 60;

const trimmed = z.string({ message: m.textExpected }).transform((s) => s.trim());

/**
 * The insurer's document an official table was confirmed against, as staff typed it. With
 * `today` (Japan's date, from the core's clock on the core side) a date after today is refused:
 * the renderer checks with its own clock before the file picker opens, the core again on its own.
 */
export function rateTableSourceSchema(today?: DateOnly) {
  return z.object({
    document: trimmed.pipe(
      z
        .string()
        .min(1, { message: m.sourceDocumentMissing })
        .max(sourceDocumentMaxLength, { message: m.sourceDocumentTooLong(sourceDocumentMaxLength) }),
    ),
    date: trimmed.superRefine((date, ctx) => {
      if (date === '') return void ctx.addIssue({ code: 'custom', message: m.sourceDateMissing });
      if (!isDateOnly(date)) return void ctx.addIssue({ code: 'custom', message: m.sourceDateInvalid });
      if (date < earliestSourceDate) return void ctx.addIssue({ code: 'custom', message: m.sourceDateTooOld(earliestSourceDate) });
      if (today !== undefined && date > today) ctx.addIssue({ code: 'custom', message: m.sourceDateInFuture(today) });
    }),
  });
}
export type RateTableSource = z.infer<ReturnType<typeof rateTableSourceSchema>>;

/** The 版 of an official table: required, short, and never the template's practice wording. */
export const rateTableVersionSchema = trimmed.pipe(
  z
    .string()
    .min(1, { message: m.versionNeeded })
    .max(versionMaxLength, { message: m.versionTooLong(versionMaxLength) })
    .refine((v) => !hasSampleWording(v), { message: m.csvVersionSample }),
);

/** What staff type before choosing an official table's file (設定), checked whole before the picker opens. */
export function rateTableImportFieldsSchema(today?: DateOnly) {
  return z.object({ version: rateTableVersionSchema, source: rateTableSourceSchema(today) });
}
export type RateTableImportFields = z.infer<ReturnType<typeof rateTableImportFieldsSchema>>;
