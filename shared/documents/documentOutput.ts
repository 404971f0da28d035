import { z } from 'zod';
import { inquiryStatuses } from '../domain/inquiry.ts';
import { revisionSchema } from '../domain/revision.ts';
import { documentKindNames, type DocumentKind } from './documentKinds.ts';

export const documentOutputActions = ['saved', 'printed'] as const;
export type DocumentOutputAction = (typeof documentOutputActions)[number];
export const documentOutputActionLabels: Record<DocumentOutputAction, string> = { saved: 'PDFを保存', printed: '印刷' };

/** One document set that left the counter for one clinic: what, when, by whom, how. */
export const documentOutputSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  inquiryId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  documents: z.array(z.enum(documentKindNames as [DocumentKind, ...DocumentKind[]])),
  action: z.enum(documentOutputActions),
  /** Clinics in the same PDF: 1, or the size of the mailing it was part of. */
  batchSize: z.number().int().positive(),
  staffName: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentOutput = z.infer<typeof documentOutputSchema>;

export const recordOutputInputSchema = z.object({
  fileId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  action: z.enum(documentOutputActions),
});

export const recordOutputResultSchema = z.object({
  /** Clinics the output was recorded on; 0 for blank forms and the flyer alone. */
  recorded: z.number().int().nonnegative(),
  /** The inquiry it was printed from, so the screen can offer to move it to 資料送付済. */
  inquiry: z.object({ id: z.string(), receiptNumber: z.string(), status: z.enum(inquiryStatuses), revision: revisionSchema }).nullable(),
});
