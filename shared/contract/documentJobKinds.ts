import { z } from 'zod';
import { documentKindNames, type DocumentKind } from '../documents/documentKinds.ts';
import { labelSheetIds, labelSheets, type LabelSheetId } from '../documents/labelSheets.ts';
import { mailingMessages } from '../messages/mailingMessages.ts';
import { sentByCodes } from '../documents/documentOutput.ts';
import { fileRefSchema } from './files.ts';
import { limits } from './limits.ts';

const recordIdSchema = z.string().min(1).max(64);

export const defaultCoverSubject = '医療機関用サイバー保険のご案内';

/** What staff type for a FAX送付状; the recipient and sender come from the records. */
export const coverInputSchema = z.object({
  /** ご担当者名 on the 宛先 line (様); empty: the clinic's contact person, if any. */
  person: z.string().trim().max(40, { message: 'ご担当者名は40文字以内で入力してください' }).default(''),
  subject: z
    .string()
    .trim()
    .min(1, { message: '件名を入力してください' })
    .max(60, { message: '件名は60文字以内で入力してください' })
    .default(defaultCoverSubject),
  message: z.string().max(600, { message: '通信欄は600文字以内で入力してください' }).default(''),
  /** Pages sent separately after this PDF (a pamphlet faxed from paper), counted in 枚数. */
  extraPages: z.number({ message: '枚数は数字で入力してください' }).int().min(0).max(99, { message: '追加の枚数は99枚までです' }).default(0),
});
export type CoverInput = z.infer<typeof coverInputSchema>;

/** 「1つのPDFにまとめる」 (the default) or 「医療機関ごとのPDF」 (a zip of one PDF per clinic). */
export const mailingOutputs = ['combined', 'perClinic'] as const;
export type MailingOutput = (typeof mailingOutputs)[number];
/**
 * A mailing leaves out every 送付不要 clinic. Sent by FAX, the clinics without a FAX number are
 * either left out or posted instead (then recorded as 郵送), as staff chose when shown them.
 */
export const mailingInputSchema = z.object({
  sentBy: z.enum(sentByCodes).nullable().default(null),
  withoutFax: z.enum(['leaveOut', 'post']).optional(),
});
export type MailingInput = z.infer<typeof mailingInputSchema>;

export const mailingOutcomeSchema = z.object({
  leftOutNoMailing: z.number().int().nonnegative(),
  leftOutWithoutFax: z.number().int().nonnegative(),
  posted: z.number().int().nonnegative(),
  /** The clinics posted to instead, by name: they are the PDF's last ones, to be taken out and posted. */
  postedNames: z.array(z.string()).default([]),
});
export type MailingOutcome = z.infer<typeof mailingOutcomeSchema>;

/** The job that makes a PDF of documents: a clinic's set, a mailing's, or blank forms. */
export const documentJobKinds = {
  'documents.render': {
    input: z.object({
      /** Documents of each clinic's set; they are put in envelope order whatever order is given. */
      documents: z
        .array(z.enum(documentKindNames as [DocumentKind, ...DocumentKind[]], { message: '書類の種類が正しくありません' }))
        .min(1, { message: '書類を1つ以上選んでください' })
        .max(documentKindNames.length)
        .refine((kinds) => new Set(kinds).size === kinds.length, { message: '同じ書類が2回選ばれています' }),
      /** One clinic, or many for a mailing (one combined PDF); none prints the forms blank for handwriting. */
      clinicIds: z
        .array(recordIdSchema)
        .max(limits.maxBatchClinics, { message: `一度に作れるのは${limits.maxBatchClinics.toLocaleString('ja-JP')}件までです` })
        .refine((ids) => new Set(ids).size === ids.length, { message: '同じ医療機関が2回選ばれています' })
        .default([]),
      /** Fills the clinic and the 受付番号 from an inquiry (one clinic only). */
      inquiryId: recordIdSchema.optional(),
      /** The saved quote a 保険料試算書 is made from. */
      quoteId: recordIdSchema.optional(),
      cover: coverInputSchema.default({ person: '', subject: defaultCoverSubject, message: '', extraPages: 0 }),
      /** A mailing as one PDF (combined) or one PDF per clinic, named by clinic, in one zip. */
      output: z.enum(mailingOutputs, { message: '出力のしかたが正しくありません' }).default('combined'),
      /** A mailing (一括作成): see mailingInputSchema. */
      mailing: mailingInputSchema.optional(),
    }),
    result: z.object({
      file: fileRefSchema,
      pages: z.number().int().positive(),
      /** Clinics the PDF was made for (0 for blank forms and the flyer alone). */
      clinics: z.number().int().nonnegative(),
      /** A mailing's clinics left out or posted instead (none for a print that is not a mailing). */
      mailing: mailingOutcomeSchema.optional(),
    }),
  },
  /** 宛名ラベル for the clinics of a mailing (or one clinic), on a label sheet, at this machine's offset. */
  'documents.labels': {
    input: z.object({
      clinicIds: z
        .array(recordIdSchema)
        .min(1, { message: '宛名ラベルを作る医療機関を選んでください' })
        .max(limits.maxBatchClinics, { message: `一度に作れるのは${limits.maxBatchClinics.toLocaleString('ja-JP')}件までです` })
        .refine((ids) => new Set(ids).size === ids.length, { message: '同じ医療機関が2回選ばれています' }),
      sheet: z.enum(labelSheetIds as [LabelSheetId, ...LabelSheetId[]], { message: 'ラベル用紙を選んでください' }),
      /** Labels of the first sheet already used: printing starts after them. */
      skip: z.number({ message: mailingMessages.labelSkipNotNumber }).int({ message: mailingMessages.labelSkipNotNumber }).default(0),
      /** A faint outline of each label, for a test print on plain paper. */
      outline: z.boolean().default(false),
    }).superRefine((input, ctx) => {
      // The limit depends on the sheet chosen: 0〜11 on 12面, 0〜23 on 24面.
      const perSheet = labelSheets[input.sheet].columns * labelSheets[input.sheet].rows;
      if (input.skip < 0 || input.skip >= perSheet) ctx.addIssue({ code: 'custom', path: ['skip'], message: mailingMessages.labelSkipBeyondSheet(perSheet) });
    }),
    result: z.object({
      file: fileRefSchema,
      pages: z.number().int().positive(),
      clinics: z.number().int().positive(),
      /** Labels for many clinics leave out the 送付不要 ones, and say how many. */
      mailing: mailingOutcomeSchema.optional(),
      /** Clinics whose label ends a line in 「…」 even at the smallest size: staff are told which. */
      shortened: z.array(z.object({ clinicId: recordIdSchema, name: z.string() })),
    }),
  },
} as const;
