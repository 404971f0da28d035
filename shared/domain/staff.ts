import { z } from 'zod';
import { revisionSchema } from './revision.ts';
import { isDateOnly } from '../time/tokyoDate.ts';
import { solicitorMessages } from '../messages/solicitorMessages.ts';

export const staffNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { message: '担当者名を入力してください' }).max(100, { message: '担当者名は100文字以内で入力してください' }));

/** How two staff names are compared for 「同じ名前」: width, case and spaces (全角・半角) do not count. */
export const staffNameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const blankToNull = (s: string | null | undefined) => {
  const trimmed = (s ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

const optionalDate = (label: string) =>
  z
    .string()
    .nullable()
    .optional()
    .transform((s) => blankToNull(s?.normalize('NFKC')))
    .refine((s) => s === null || isDateOnly(s), { message: solicitorMessages.dateInvalid(label) });

/**
 * A staff member's registration as a solicitor (募集人), as typed in 設定. The 募集人ID is kept as
 * the 損保協会 issues it; the source notes give no fixed shape, so any letters and digits up to 20
 * are taken, after full-width ones (０１２３) are made half-width. Blank fields are stored as none.
 */
export const staffSolicitorInputSchema = z
  .object({
    solicitorId: z
      .string()
      .nullable()
      .optional()
      .transform((s) => blankToNull(s?.normalize('NFKC').replace(/\s+/g, '').toUpperCase()))
      .refine((s) => s === null || /^[A-Z0-9]{1,20}$/.test(s), { message: solicitorMessages.solicitorIdInvalid }),
    notifiedOn: optionalDate('届出日'),
    qualification: z
      .string()
      .nullable()
      .optional()
      .transform((s) => blankToNull(s))
      .refine((s) => s === null || s.length <= 100, { message: solicitorMessages.qualificationTooLong }),
    qualificationExpiresOn: optionalDate('資格の有効期限'),
  })
  .superRefine((v, ctx) => {
    if (v.notifiedOn && v.qualificationExpiresOn && v.qualificationExpiresOn < v.notifiedOn) {
      ctx.addIssue({ code: 'custom', path: ['qualificationExpiresOn'], message: solicitorMessages.expiresBeforeNotified });
    }
  });
export type StaffSolicitorInput = z.input<typeof staffSolicitorInputSchema>;
export type StaffSolicitor = z.output<typeof staffSolicitorInputSchema>;

export const staffSchema = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** 損保協会の募集人ID. */
  solicitorId: z.string().nullable(),
  /** 届出日 (YYYY-MM-DD). */
  notifiedOn: z.string().nullable(),
  /** 資格, e.g. 損害保険募集人一般試験（基礎単位・損保商品単位）. */
  qualification: z.string().nullable(),
  /** 資格の有効期限 (YYYY-MM-DD); the day itself is still valid. */
  qualificationExpiresOn: z.string().nullable(),
  revision: revisionSchema,
});
export type Staff = z.infer<typeof staffSchema>;
