import { z } from 'zod';
import { inquiryStatuses } from '../domain/inquiry.ts';
import { revisionSchema } from '../domain/revision.ts';
import { outputKindNames, type OutputKind } from './documentKinds.ts';

export const documentOutputActions = ['saved', 'printed'] as const;
export type DocumentOutputAction = (typeof documentOutputActions)[number];
export const documentOutputActionLabels: Record<DocumentOutputAction, string> = { saved: 'PDFを保存', printed: '印刷' };

/** How a document went out: chosen when it is saved or printed (the trail's 送付方法). */
export const sentByCodes = ['fax', 'post', 'hand', 'email'] as const;
export type SentBy = (typeof sentByCodes)[number];
export const sentByLabels: Record<SentBy, string> = { fax: 'FAX', post: '郵送', hand: '手渡し', email: 'メール' };

/** One document set that left the counter for one clinic (or for nobody: a blank form, a チラシ alone): what, when, by whom, how. */
export const documentOutputSchema = z.object({
  id: z.string(),
  clinicId: z.string().nullable(),
  inquiryId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  documents: z.array(z.enum(outputKindNames as [OutputKind, ...OutputKind[]])),
  action: z.enum(documentOutputActions),
  /** Clinics in the same PDF: 1, or the size of the mailing it was part of. */
  batchSize: z.number().int().positive(),
  staffName: z.string().nullable(),
  createdAt: z.string(),
  sentBy: z.enum(sentByCodes).nullable(),
  faxNumber: z.string().nullable(),
  /** The content pack's code and date and the rate table's version in force when it was made. */
  contentCode: z.string().nullable(),
  contentDate: z.string().nullable(),
  rateVersion: z.string().nullable(),
  quoteId: z.string().nullable(),
  sha256: z.string().nullable(),
  /** The PDF can be shown again: kept (one clinic) or made again from its inputs (a mailing, a blank form). */
  canShow: z.boolean(),
});
export type DocumentOutput = z.infer<typeof documentOutputSchema>;

export const recordOutputInputSchema = z.object({
  fileId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  action: z.enum(documentOutputActions),
  sentBy: z.enum(sentByCodes).nullable().default(null),
  /** The number the FAX was sent to, as dialled (digits, hyphens, brackets, spaces). */
  faxNumber: z
    .string()
    .trim()
    .max(40, { message: 'FAX番号は40文字以内で入力してください' })
    .regex(/^[0-9０-９+()（）\-－‐ \u3000]*$/, { message: 'FAX番号は数字とハイフンで入力してください' })
    .nullable()
    .default(null),
});

export const recordOutputResultSchema = z.object({
  /** Clinics the output was recorded on; 0 for blank forms and the flyer alone (recorded once, with no clinic). */
  recorded: z.number().int().nonnegative(),
  /** The output is on the trail (now or from an earlier save or print); false for a specimen flyer, which is never sent. */
  onTrail: z.boolean(),
  /** The inquiry it was printed from, so the screen can offer to move it to 資料送付済. */
  inquiry: z.object({ id: z.string(), receiptNumber: z.string(), status: z.enum(inquiryStatuses), revision: revisionSchema }).nullable(),
});
