import { z } from 'zod';
import { revisionSchema } from './revision.ts';
import { actorSchema } from './actor.ts';
import { isDateOnly } from '../time/tokyoDate.ts';
import { receiptNumberMessages } from '../messages/receiptNumberMessages.ts';
import { retentionMessages } from '../messages/retentionMessages.ts';

/** 状況, in the order an inquiry usually moves. 見送り can happen at any point. */
export const inquiryStatuses = ['new', 'materials_sent', 'quote_presented', 'applied', 'contracted', 'declined'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

export const inquiryStatusLabels: Record<InquiryStatus, string> = {
  new: '新規',
  materials_sent: '資料送付済',
  quote_presented: '見積提示済',
  applied: '申込',
  contracted: '成約',
  declined: '見送り',
};

/**
 * Whether the clinic consented to the insurer's handling of its information (同意あり／同意なし／未確認),
 * as the FAX form's consent sentence asks: without it nothing is passed on to the insurer.
 */
export const insurerConsents = ['yes', 'no', 'unknown'] as const;
export type InsurerConsent = (typeof insurerConsents)[number];

/** 経路: how the inquiry reached the counter. */
export const inquiryChannels = ['counter', 'phone', 'fax', 'visit', 'email'] as const;
export type InquiryChannel = (typeof inquiryChannels)[number];

export const inquiryChannelLabels: Record<InquiryChannel, string> = {
  counter: '来所',
  phone: '電話',
  fax: 'FAX',
  visit: '訪問',
  email: 'メール',
};

const progressOrder: readonly InquiryStatus[] = ['new', 'materials_sent', 'quote_presented', 'applied', 'contracted'];

/**
 * Whether moving from one 状況 to another needs a reason: going back a step, or reopening an
 * inquiry that was 見送り. Moving forward (skipping steps is fine) or to 見送り needs none.
 */
export function statusChangeNeedsReason(from: InquiryStatus, to: InquiryStatus): boolean {
  if (from === to || to === 'declined') return false;
  if (from === 'declined') return true;
  return progressOrder.indexOf(to) < progressOrder.indexOf(from);
}

/** 受付番号: machine prefix, the year of 受付日, and a sequence, e.g. A-2026-0001. */
export function formatReceiptNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

export const receiptPrefixSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{1,3}$/, { message: '端末の記号は英数字1〜3文字で入力してください（例：A）' }));

/**
 * A 受付番号 typed to look one up: full-width characters, lower case and the long-vowel mark or
 * dashes an IME gives for '-' are taken as the printed number has them (ａ－２０２６ー０００１ is A-2026-0001).
 */
export const receiptNumberQuerySchema = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/[\s]/g, '').replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-').toUpperCase())
  .pipe(z.string().max(20, { message: receiptNumberMessages.lookupTooLong }));

const dateOnlySchema = (label: string) =>
  z.string().refine(isDateOnly, { message: `${label}は 2026-11-24 の形の日付で入力してください` });

export const inquiryFieldLabels = {
  receivedOn: '受付日',
  channel: '経路',
  content: '内容',
  status: '状況',
  nextActionOn: '次回対応日',
  staffId: '担当者',
  insurerConsent: '保険会社による個人情報の取扱いへの同意',
} as const;

export const inquiryInputSchema = z.object({
  clinicId: z.string().min(1).max(64),
  receivedOn: dateOnlySchema(inquiryFieldLabels.receivedOn),
  channel: z.enum(inquiryChannels, { message: '経路を選んでください' }),
  content: z
    .string()
    // Multi-line: line breaks are fine here, other control characters are not.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: '内容に使えない制御文字が含まれています' })
    .pipe(z.string().max(4000, { message: '内容は4,000文字以内で入力してください' }))
    .default(''),
  nextActionOn: dateOnlySchema(inquiryFieldLabels.nextActionOn).nullable().default(null),
  staffId: z.string().min(1).max(64).nullable().default(null),
  /** Left out on an edit: the recorded answer stays as it is (a client that does not know it changes nothing). */
  insurerConsent: z.enum(insurerConsents, { message: retentionMessages.consentInvalid }).optional(),
});
export type InquiryInput = z.input<typeof inquiryInputSchema>;

export const inquiryHistoryEntrySchema = z.object({
  from: z.enum(inquiryStatuses).nullable(),
  to: z.enum(inquiryStatuses),
  reason: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  changedAt: z.string(),
  /** Who made the change, as they were then (name, 募集人ID); null before actors were kept. */
  actor: actorSchema.nullable(),
});
export type InquiryHistoryEntry = z.infer<typeof inquiryHistoryEntrySchema>;

export const inquirySchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  clinicId: z.string(),
  clinicName: z.string(),
  receivedOn: z.string(),
  channel: z.enum(inquiryChannels),
  content: z.string(),
  status: z.enum(inquiryStatuses),
  nextActionOn: z.string().nullable(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedByMachine: z.string(),
  archivedAt: z.string().nullable(),
  insurerConsent: z.enum(insurerConsents),
  revision: revisionSchema,
  /**
   * Another inquiry has the same 受付番号: numbered on another machine before the two shared
   * (every machine starts at A-2026-0001), and a 受付番号 is never renumbered.
   */
  receiptNumberShared: z.boolean(),
});
export type Inquiry = z.infer<typeof inquirySchema>;

/** Another inquiry with the same 受付番号, as the detail names it: by its clinic and 受付日. */
export const sameReceiptInquirySchema = z.object({
  id: z.string(),
  clinicName: z.string(),
  receivedOn: z.string(),
  archivedAt: z.string().nullable(),
});
export type SameReceiptInquiry = z.infer<typeof sameReceiptInquirySchema>;
