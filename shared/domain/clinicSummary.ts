import { z } from 'zod';
import { clinicInputSchema } from './clinic.ts';
import { inquiryInputSchema, inquirySchema } from './inquiry.ts';
import { documentOutputSchema } from '../documents/documentOutput.ts';

/** What the top of an opened clinic shows beside its record: the inquiries still open and the last document it was given. */
export const clinicSummarySchema = z.object({
  /** 新規 to 申込, due follow-ups first (at most a screenful; openTotal counts them all). */
  openInquiries: z.array(inquirySchema),
  openTotal: z.number().int().nonnegative(),
  /** The newest entry of the clinic's trail of documents, or null when nothing was ever sent or printed. */
  lastOutput: documentOutputSchema.nullable(),
});
export type ClinicSummary = z.infer<typeof clinicSummarySchema>;

/** 問い合わせを登録 for a caller not yet on file: the new clinic and its first inquiry, saved together or not at all. */
export const inquiryWithNewClinicInputSchema = z.object({
  clinic: clinicInputSchema,
  inquiry: inquiryInputSchema.omit({ clinicId: true }),
});
