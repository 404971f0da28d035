import { z } from 'zod';
import { fileRefSchema } from '../contract/files.ts';

const recordId = z.string().min(1).max(64);

/** 「送付した書類を表示」: the PDF as kept (or made again from its inputs) and whether it is the one recorded. */
export const showOutputInputSchema = z.object({ outputId: recordId });
export const showOutputResultSchema = z.object({
  file: fileRefSchema,
  /** kept: the PDF saved when it was made; remade: rendered again from the inputs the mailing kept. */
  source: z.enum(['kept', 'remade']),
  /** Its SHA-256 equals the one recorded when it was made. */
  matches: z.boolean(),
  message: z.string(),
});
export type ShowOutputResult = z.infer<typeof showOutputResultSchema>;

export const trailExportFormats = ['csv', 'xlsx'] as const;

/** A clinic's or an inquiry's trail, for an audit. */
export const exportTrailInputSchema = z.union(
  [z.object({ clinicId: recordId, format: z.enum(trailExportFormats) }), z.object({ inquiryId: recordId, format: z.enum(trailExportFormats) })],
  { message: '医療機関か問い合わせを指定してください' },
);
export const exportTrailResultSchema = z.object({ file: fileRefSchema, rows: z.number().int().nonnegative() });
