import { z } from 'zod';
import './zodLocale.ts';
import { clinicInputSchema, clinicKinds, clinicSchema } from '../domain/clinic.ts';
import { clinicSummarySchema, inquiryWithNewClinicInputSchema } from '../domain/clinicSummary.ts';
import { clinicMergeInputSchema, clinicMergeSchema, mergeMovesSchema } from '../domain/clinicMerge.ts';
import { inquiryHistoryEntrySchema, inquiryInputSchema, inquirySchema, inquiryStatuses, receiptNumberQuerySchema, sameReceiptInquirySchema } from '../domain/inquiry.ts';
import { stepMarkInputSchema, stepStateSchema } from '../domain/inquiryGates.ts';
import { followUpInputSchema, followUpSchema } from '../domain/inquiryFollowUp.ts';
import { settingsSchema, settingsUpdateSchema } from '../domain/settings.ts';
import { agencyTextsSchema, agencyTextUpdateSchema } from '../domain/agencyTexts.ts';
import { staffNameSchema, staffSchema, staffSolicitorInputSchema } from '../domain/staff.ts';
import { isDateOnly } from '../time/tokyoDate.ts';
import { contentPackSchema } from '../content/contentPackSchema.ts';
import { rateTableSchema } from '../content/rateTableSchema.ts';
import { quoteRequestSchema, savedQuoteSchema } from '../quote/savedQuote.ts';
import { inquiryIntentsSchema, intentRecordInputSchema, intentRecordSchema } from '../domain/inquiryIntent.ts';
import { contentChangeSchema, contentImportInputSchema, contentImportPreviewSchema } from '../content/contentImport.ts';
import { fileRefSchema } from './files.ts';
import { labelOffsetSchema } from '../documents/labelSheets.ts';
import {
  backupAddInputSchema,
  backupExportInputSchema,
  backupInfoSchema,
  backupRestoreInputSchema,
  purgeCountsSchema,
} from '../domain/backup.ts';
import { documentOutputSchema, recordOutputInputSchema, recordOutputResultSchema } from '../documents/documentOutput.ts';
import { exportTrailInputSchema, exportTrailResultSchema, showOutputInputSchema, showOutputResultSchema } from '../documents/documentTrail.ts';
import { limits } from './limits.ts';
import { mailingFilterSchema } from '../domain/mailingRecipients.ts';
import { expectedRevisionSchema } from '../domain/revision.ts';
import { jobIdInputSchema, jobStartSchema, jobStateSchema } from './jobs.ts';
import { maintenanceStateSchema } from './dataAreas.ts';
import { joinPreviewSchema } from '../domain/joinPreview.ts';
import { hubAccessSchema, hubCheckResultSchema, syncJoinInputSchema, syncJoinResultSchema, syncNoticeSchema, syncStatusSchema } from '../domain/sync.ts';
import { unsentChangesSchema } from '../domain/syncCheck.ts';
import { handoverSchema, importantMattersDocSchema, recordHandoverInputSchema, withdrawHandoverInputSchema } from '../domain/importantMatters.ts';
import { expiredRecordSchema, retentionSettingSchema, retentionUpdateSchema } from '../domain/retention.ts';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const recordId = z.string().min(1).max(64);

export const appInfoSchema = z.object({
  version: z.string(),
  /** desktop: the Electron app; preview: the browser preview served by the local host. */
  mode: z.enum(['desktop', 'preview']),
  machineId: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  /** The background quick_check soon after start: not run yet, passed, or found damage. */
  databaseCheck: z.enum(['pending', 'ok', 'problem']),
  /** Start-up work that holds writes back (search columns rebuilt after an upgrade), or null. */
  maintenance: maintenanceStateSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const clinicSearchInputSchema = z.object({
  query: z
    .string()
    .max(limits.maxQueryChars, { message: `検索語は${limits.maxQueryChars}文字以内で入力してください` })
    .default(''),
  limit: z.number().int().min(1).max(limits.maxSearchLimit).default(50),
  includeArchived: z.boolean().default(false),
  /** Only clinics of this 種別, e.g. the 未確認 ones. */
  kind: z.enum(clinicKinds, { message: '種別の選び方が正しくありません' }).optional(),
  /** Only clinics of this 市町村 (one of clinics.municipalities). */
  municipality: z.string().min(1).max(40, { message: '市町村の選び方が正しくありません' }).optional(),
  /** Rows skipped: the next page of a list being scrolled. */
  offset: z.number().int().min(0).max(limits.maxSearchOffset).default(0),
});

export const clinicSearchResultSchema = z.object({
  items: z.array(clinicSchema),
  /** With words typed, exact up to the cap (capped: at least this many); with none, the real count. */
  total: z.number().int().nonnegative(),
  capped: z.boolean(),
});
export type ClinicSearchResult = z.infer<typeof clinicSearchResultSchema>;

export const duplicateReasons = ['memberNumber', 'phone', 'name'] as const;
export const duplicateReasonLabels: Record<(typeof duplicateReasons)[number], string> = {
  memberNumber: '会員番号が同じ',
  phone: '電話番号が同じ',
  name: '医療機関名が同じ',
};

const inquiryDetailSchema = z.object({
  inquiry: inquirySchema,
  history: z.array(inquiryHistoryEntrySchema),
  /** The other inquiries with this 受付番号 (numbered on other machines before they shared). */
  sameReceiptNumber: z.array(sameReceiptInquirySchema),
  /** The steps before 申込 and 成約, as they stand (issue 22 §3). */
  checklist: z.array(stepStateSchema),
  /** 対応記録, the latest first (issue 23 §3). */
  followUps: z.array(followUpSchema),
});
export type InquiryDetail = z.infer<typeof inquiryDetailSchema>;

const dateOnly = z.string().refine(isDateOnly, { message: '日付は 2026-11-24 の形で入力してください' });

export const homeSummarySchema = z.object({
  today: z.string(),
  due: z.array(inquirySchema),
  latest: z.array(inquirySchema),
  counts: z.record(z.enum(inquiryStatuses), z.number().int()),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;

/**
 * The contract: every channel's argument and result. Both transports (Electron IPC and the
 * preview's HTTP host) validate against it, and the handler map must satisfy it.
 */
export const contract = {
  'app.info': channel(z.object({}), appInfoSchema),
  'clinics.create': channel(clinicInputSchema, clinicSchema),
  'clinics.get': channel(z.object({ id: recordId }), clinicSchema),
  'clinics.search': channel(clinicSearchInputSchema, clinicSearchResultSchema),
  /** The 市町村 of the clinics on record, in the prefecture's order, for the list's filter. */
  'clinics.municipalities': channel(z.object({}), z.object({ items: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })) })),
  /** Every clinic a search finds (up to a mailing's limit), in postal-code order, for 「該当をすべて選ぶ」. */
  'clinics.matchingIds': channel(
    clinicSearchInputSchema.pick({ query: true }),
    z.object({ ids: z.array(z.string()), total: z.number().int().nonnegative(), capped: z.boolean() }),
  ),
  /** 一括作成: the clinics a mailing's filters find (first `limit` in postal-code order) and the real counts. */
  'mailing.recipients': channel(
    mailingFilterSchema.extend({ limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ items: z.array(clinicSchema), total: z.number().int().nonnegative(), noMailing: z.number().int().nonnegative() }),
  ),
  /** Every clinic the filters find (up to a mailing's limit), for 「該当する全件を選ぶ」. */
  'mailing.recipientIds': channel(
    mailingFilterSchema,
    z.object({ ids: z.array(z.string()), total: z.number().int().nonnegative(), capped: z.boolean() }),
  ),
  /** The chosen clinics a FAX mailing cannot reach (no FAX number; 送付不要 ones are left out anyway). */
  'mailing.withoutFax': channel(
    z.object({ clinicIds: z.array(recordId).max(limits.maxBatchClinics, { message: `一度に作れるのは${limits.maxBatchClinics.toLocaleString('ja-JP')}件までです` }) }),
    z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  /** The top of an opened clinic: its open inquiries and the last document it was given. */
  'clinics.summary': channel(z.object({ clinicId: recordId }), clinicSummarySchema),
  'clinics.update': channel(z.object({ id: recordId, clinic: clinicInputSchema, expectedRevision: expectedRevisionSchema }), clinicSchema),
  'clinics.archive': channel(z.object({ id: recordId }), clinicSchema),
  'clinics.restore': channel(z.object({ id: recordId }), clinicSchema),
  'clinics.duplicates': channel(
    z.object({
      name: z.string().max(200).default(''),
      phone: z.string().max(30).default(''),
      memberNumber: z.string().max(20).default(''),
      exceptId: recordId.optional(),
    }),
    z.object({ matches: z.array(z.object({ clinic: clinicSchema, reasons: z.array(z.enum(duplicateReasons)) })) }),
  ),
  /** 重複をまとめる: both records and what merging would move to the kept one. */
  'clinics.mergePreview': channel(z.object({ keptId: recordId, mergedId: recordId }), z.object({ kept: clinicSchema, merged: clinicSchema, moves: mergeMovesSchema })),
  'clinics.merge': channel(clinicMergeInputSchema, z.object({ merge: clinicMergeSchema, kept: clinicSchema })),
  'clinics.merges': channel(z.object({ clinicId: recordId }), z.object({ items: z.array(clinicMergeSchema) })),
  'clinics.undoMerge': channel(z.object({ mergeId: recordId }), z.object({ merge: clinicMergeSchema, kept: clinicSchema })),
  'postal.lookup': channel(
    z.object({ postalCode: z.string().max(10) }),
    z.object({ postalCode: z.string(), addresses: z.array(z.string()) }),
  ),
  'staff.list': channel(z.object({ includeInactive: z.boolean().default(false) }), z.object({ items: z.array(staffSchema) })),
  'staff.create': channel(z.object({ name: staffNameSchema, solicitor: staffSolicitorInputSchema.optional() }), staffSchema),
  'staff.update': channel(
    z.object({
      id: recordId,
      name: staffNameSchema.optional(),
      active: z.boolean().optional(),
      /** The 募集人 fields, all replaced together (a blank one is cleared). */
      solicitor: staffSolicitorInputSchema.optional(),
      expectedRevision: expectedRevisionSchema,
    }),
    staffSchema,
  ),
  'settings.get': channel(z.object({}), settingsSchema),
  'settings.update': channel(settingsUpdateSchema, settingsSchema),
  'settings.agencyTexts': channel(z.object({}), agencyTextsSchema),
  'settings.updateAgencyText': channel(agencyTextUpdateSchema, agencyTextsSchema),
  /** 設定 → 印刷: this machine's label printer offset (never shared: each PC has its own printer). */
  'settings.labelOffset': channel(z.object({}), labelOffsetSchema),
  'settings.saveLabelOffset': channel(labelOffsetSchema, labelOffsetSchema),
  'inquiries.create': channel(inquiryInputSchema, inquiryDetailSchema),
  /** 問い合わせを登録 for a caller not yet on file: the clinic and the inquiry in one transaction. */
  'inquiries.createWithClinic': channel(inquiryWithNewClinicInputSchema, z.object({ clinic: clinicSchema, detail: inquiryDetailSchema })),
  'inquiries.get': channel(z.object({ id: recordId }), inquiryDetailSchema),
  'inquiries.update': channel(
    z.object({ id: recordId, inquiry: inquiryInputSchema.omit({ clinicId: true }), expectedRevision: expectedRevisionSchema }),
    inquiryDetailSchema,
  ),
  'inquiries.changeStatus': channel(
    z.object({
      id: recordId,
      to: z.enum(inquiryStatuses, { message: '状況を選んでください' }),
      reason: z.string().max(1000, { message: '理由は1,000文字以内で入力してください' }).default(''),
      nextActionOn: dateOnly.nullable().optional(),
      expectedRevision: expectedRevisionSchema,
    }),
    inquiryDetailSchema,
  ),
  /** Ticks (or, with no date, takes back) a 告知書 step of a 病院's or 老健's inquiry. */
  'inquiries.markStep': channel(stepMarkInputSchema, inquiryDetailSchema),
  /** Adds a 対応記録 and, when given, the 次回対応日 it leads to. */
  'inquiries.addFollowUp': channel(followUpInputSchema, inquiryDetailSchema),
  'inquiries.list': channel(
    z.object({
      status: z.enum(inquiryStatuses).optional(),
      staffId: recordId.optional(),
      clinicId: recordId.optional(),
      /** A 受付番号 as written on a sheet sent back: every inquiry that has it (one per machine that issued it). */
      receiptNumber: receiptNumberQuerySchema.optional(),
      /** Part of the clinic's name (漢字 or かな), of a 受付番号, or of the 内容. */
      text: z.string().max(100, { message: '検索する言葉は100文字以内で入力してください' }).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ items: z.array(inquirySchema), total: z.number().int().nonnegative() }),
  ),
  'home.summary': channel(z.object({}), homeSummarySchema),
  'content.get': channel(
    z.object({}),
    z.object({
      pack: contentPackSchema,
      rates: rateTableSchema,
      /** Content files that failed validation and were skipped, each with its Japanese reasons. */
      problems: z.array(
        z.object({
          file: z.string(),
          kind: z.enum(['pack', 'rates']),
          /** A rate table that would be in force had it passed today's rules: the quote screen names it. */
          setAside: z.object({ version: z.string(), official: z.boolean() }).optional(),
          /** Installed on another machine and refused by this app: its first message says so, the rest why. */
          fromAnotherMachine: z.literal(true).optional(),
          messages: z.array(z.string()),
        }),
      ),
      /** The pack in force ships the insurer's own flyer PDF: 「チラシ」 prints it unchanged. */
      insurerFlyer: z.boolean(),
      /** The insurer's important-matters PDF the pack in force carries (code and 作成日), checked; null when it has none. */
      importantMatters: importantMattersDocSchema,
    }),
  ),
  'content.rateTemplate': channel(z.object({}), fileRefSchema),
  'content.previewImport': channel(contentImportInputSchema, contentImportPreviewSchema),
  'content.acceptImport': channel(contentImportInputSchema, contentChangeSchema),
  'content.changes': channel(z.object({}), z.object({ items: z.array(contentChangeSchema) })),
  'content.revert': channel(z.object({ changeId: recordId }), contentChangeSchema),
  /** 重要事項説明書の交付: an inquiry's handovers, and whether one stands (not withdrawn). */
  'importantMatters.list': channel(z.object({ inquiryId: recordId }), z.object({ items: z.array(handoverSchema), handedOver: z.boolean() })),
  'importantMatters.record': channel(recordHandoverInputSchema, handoverSchema),
  /** A handover recorded by mistake: a new record withdraws it, the first one stays. */
  'importantMatters.withdraw': channel(withdrawHandoverInputSchema, handoverSchema),
  'quotes.save': channel(quoteRequestSchema.extend({ inquiryId: recordId }), savedQuoteSchema),
  'quotes.list': channel(z.object({ inquiryId: recordId }), z.object({ items: z.array(savedQuoteSchema) })),
  /** 意向の把握・確認: a new record of the customer's initial or final wishes (records are never edited). */
  'inquiries.intent.record': channel(intentRecordInputSchema, intentRecordSchema),
  'inquiries.intent.list': channel(z.object({ inquiryId: recordId }), inquiryIntentsSchema),
  /** Records that a PDF made by the print centre was saved or printed, on every clinic in it. */
  'documents.recordOutput': channel(recordOutputInputSchema, recordOutputResultSchema),
  'documents.history': channel(
    z.union([z.object({ clinicId: recordId }), z.object({ inquiryId: recordId })], { message: '医療機関か問い合わせを指定してください' }),
    z.object({ items: z.array(documentOutputSchema) }),
  ),
  /** 送付した書類を表示: the kept PDF (or a mailing made again from its inputs), its SHA-256 checked against the record. */
  'documents.show': channel(showOutputInputSchema, showOutputResultSchema),
  /** A clinic's or an inquiry's trail of documents given, as CSV or .xlsx, for an audit. */
  'documents.exportTrail': channel(exportTrailInputSchema, exportTrailResultSchema),
  'backups.list': channel(z.object({}), z.object({ items: z.array(backupInfoSchema) })),
  'backups.create': channel(z.object({}), backupInfoSchema),
  /** A copy to save elsewhere (USB stick), optionally encrypted with a password. */
  'backups.export': channel(backupExportInputSchema, fileRefSchema),
  /** A copy brought back: decrypted if needed, checked, and listed ready to restore. */
  'backups.addFromFile': channel(backupAddInputSchema, backupInfoSchema),
  'backups.restore': channel(backupRestoreInputSchema, z.object({ restored: backupInfoSchema, safetyBackup: backupInfoSchema, message: z.string() })),
  'records.purgePreview': channel(z.object({}), purgeCountsSchema),
  /** 完全削除 of archived records, after a verified backup. */
  'records.purgeArchived': channel(
    z.object({ confirm: z.literal(true, { message: '完全削除の確認がされていません' }) }),
    purgeCountsSchema.extend({ backup: backupInfoSchema }),
  ),
  /** 保存期間: the agency's retention period, shared by every machine. */
  'retention.get': channel(z.object({}), retentionSettingSchema),
  'retention.update': channel(retentionUpdateSchema, retentionSettingSchema),
  /** 保存期間を過ぎた記録: inquiries that reached 申込 or 成約 and whose period is over. */
  'retention.expired': channel(z.object({}), z.object({ items: z.array(expiredRecordSchema) })),
  /** Deletes the listed expired records for good, after a verified backup. */
  'retention.purgeExpired': channel(
    z.object({ confirm: z.literal(true, { message: '完全削除の確認がされていません' }), inquiryIds: z.array(recordId).min(1).max(10_000) }),
    z.object({ inquiries: z.number().int(), clinics: z.number().int(), backup: backupInfoSchema }),
  ),
  /** Sharing records with other machines through the office hub (設定 → 複数の端末で使う). */
  'sync.status': channel(z.object({}), syncStatusSchema),
  /** 接続を確認: reaches the hub with these settings and tells what failed; saves nothing. */
  'sync.checkHub': channel(hubAccessSchema, hubCheckResultSchema),
  /** Which of this machine's clinics are the hub's, when both hold records; saves nothing. */
  'sync.joinPreview': channel(hubAccessSchema, joinPreviewSchema),
  /** Claims the receipt prefix, keeps the password safe, and starts sharing. */
  'sync.join': channel(syncJoinInputSchema, syncJoinResultSchema),
  /** Stops sharing; every record stays on this machine. */
  'sync.leave': channel(z.object({}), syncStatusSchema),
  /** 今すぐ同期: one round with the hub now, whatever the back-off. */
  'sync.now': channel(z.object({}), syncStatusSchema),
  'sync.notices': channel(
    z.object({ recordId: recordId.optional(), includeResolved: z.boolean().default(false) }),
    z.object({ items: z.array(syncNoticeSchema) }),
  ),
  /** Puts the replaced value back on the record (an ordinary edit, which replicates) and closes the notice. */
  'sync.putBack': channel(z.object({ noticeId: recordId }), syncNoticeSchema),
  /** Closes a notice, keeping the value that won. */
  'sync.dismissNotice': channel(z.object({ noticeId: recordId }), syncNoticeSchema),
  /** Changes made here not yet sent: what restoring a backup would lose, listed before it. */
  'sync.unsentChanges': channel(z.object({}), unsentChangesSchema),
  'jobs.start': channel(jobStartSchema, jobStateSchema),
  'jobs.get': channel(jobIdInputSchema, jobStateSchema),
  'jobs.cancel': channel(jobIdInputSchema, jobStateSchema),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channelNames = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
