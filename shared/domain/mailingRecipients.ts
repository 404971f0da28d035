import { z } from 'zod';
import { limits } from '../contract/limits.ts';
import { clinicKinds } from './clinic.ts';
import type { InquiryStatus } from './inquiry.ts';

/**
 * 状況 of a clinic for a mailing, in the words the counter uses, read from its inquiries (archived
 * ones left out). One group each, the furthest along winning: a clinic that has applied is not
 * 「対応中」 because of an older open inquiry, and 見送り means every inquiry it had was declined.
 */
export const clinicSituations = ['none', 'in_progress', 'won', 'declined'] as const;
export type ClinicSituation = (typeof clinicSituations)[number];

export const clinicSituationLabels: Record<ClinicSituation, string> = {
  none: '問い合わせなし',
  in_progress: '対応中',
  won: '申込・成約',
  declined: '見送り',
};

/** The inquiry statuses behind 対応中 and 申込・成約 (the rest: 見送り, or no inquiry at all). */
export const situationStatuses: Record<'in_progress' | 'won', readonly InquiryStatus[]> = {
  in_progress: ['new', 'materials_sent', 'quote_presented'],
  won: ['applied', 'contracted'],
};

/** Who a mailing goes to: the words typed, and the filters ticked (none ticked: all). */
export const mailingFilterSchema = z.object({
  query: z.string().max(limits.maxQueryChars, { message: `検索する言葉は${limits.maxQueryChars}文字以内で入力してください` }).default(''),
  kinds: z.array(z.enum(clinicKinds, { message: '種別が正しくありません' })).max(clinicKinds.length).default([]),
  /** '' = every 市町村. */
  municipality: z.string().max(40, { message: '市町村は40文字以内で選んでください' }).default(''),
  situations: z.array(z.enum(clinicSituations, { message: '状況が正しくありません' })).max(clinicSituations.length).default([]),
  /** Only clinics with nothing on the document trail yet (「まだ何も送っていない」). */
  neverSent: z.boolean().default(false),
});
export type MailingFilter = z.infer<typeof mailingFilterSchema>;
export type MailingFilterInput = z.input<typeof mailingFilterSchema>;
