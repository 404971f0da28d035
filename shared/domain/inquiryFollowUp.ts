import { z } from 'zod';
import { isDateOnly } from '../time/tokyoDate.ts';
import { inquiryChannels } from './inquiry.ts';
import { expectedRevisionSchema } from './revision.ts';

const dateOnly = (label: string) => z.string().refine(isDateOnly, { message: `${label}は 2026-11-24 の形の日付で入力してください` });

/** One 対応記録 as the inquiry's detail lists it. */
export const followUpSchema = z.object({
  id: z.string(),
  doneOn: z.string(),
  how: z.enum(inquiryChannels),
  note: z.string(),
  /** The person who recorded it, as they were then. */
  staffName: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpInputSchema = z.object({
  inquiryId: z.string().min(1).max(64),
  doneOn: dateOnly('対応日'),
  how: z.enum(inquiryChannels, { message: '対応の方法を選んでください' }),
  note: z
    .string()
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'メモに使えない制御文字が含まれています' })
    .pipe(z.string().max(2000, { message: 'メモは2,000文字以内で入力してください' }))
    .default(''),
  /** The next follow-up the record leads to; omitted leaves the inquiry's 次回対応日 as it is, null clears it. */
  nextActionOn: dateOnly('次回対応日').nullable().optional(),
  /** The inquiry as the form saw it: the 次回対応日 is written only onto that version. */
  expectedRevision: expectedRevisionSchema,
});
export type FollowUpInput = z.input<typeof followUpInputSchema>;
export type FollowUpFields = z.output<typeof followUpInputSchema>;
