import type { ChannelInput } from '../../../shared/contract/channels.ts';
import type { DataArea } from '../../../shared/contract/dataAreas.ts';

/**
 * Every query key in the window starts with one of these roots. Most are a data area; the others
 * are reads that combine areas (ホーム, the 完全削除 counts) or that events keep fresh (appInfo).
 */
export const queryRoots = [
  'clinics',
  'inquiries',
  'home',
  'clinicSummary',
  'quotes',
  'documentOutputs',
  'staff',
  'settings',
  'content',
  'backups',
  'purgePreview',
  'appInfo',
  'postal',
  'sync',
  'mailing',
] as const;
export type QueryRoot = (typeof queryRoots)[number];

/**
 * The data areas each root's reads show. A row shows more than its own table: an inquiry row
 * carries its clinic's name and its 担当者's name, so a renamed clinic or staff member makes it stale.
 */
export const queryRootReads: Readonly<Record<QueryRoot, readonly DataArea[]>> = {
  clinics: ['clinics'],
  inquiries: ['inquiries', 'clinics', 'staff'],
  home: ['inquiries', 'clinics', 'staff'],
  // The top of an opened clinic: its open inquiries (with their 担当者) and the last document it was given.
  clinicSummary: ['inquiries', 'documentOutputs', 'staff'],
  quotes: ['quotes', 'staff'],
  documentOutputs: ['documentOutputs', 'inquiries', 'staff'],
  staff: ['staff'],
  settings: ['settings'],
  content: ['content'],
  backups: ['backups'],
  // The retention period (保存期間, in settings) decides what is held back and what is past it.
  purgePreview: ['clinics', 'inquiries', 'settings'],
  // Version, data folder, the database check and maintenance arrive by their own events.
  appInfo: [],
  // The postal code table ships with the app and never changes while it runs.
  postal: [],
  // A notice names its record (a clinic's name, an inquiry's 受付番号, a staff member).
  sync: ['sync', 'clinics', 'inquiries', 'staff'],
  // 一括作成's filters read the clinics, their inquiries' 状況 and what has been sent to them.
  mailing: ['clinics', 'inquiries', 'documentOutputs'],
};

export type MailingRecipientsInput = Required<ChannelInput<'mailing.recipients'>>;
export type MailingRecipientIdsInput = Required<ChannelInput<'mailing.recipientIds'>>;
export type ClinicSearchInput = Required<Pick<ChannelInput<'clinics.search'>, 'query' | 'limit' | 'includeArchived'>> & Pick<ChannelInput<'clinics.search'>, 'kind' | 'municipality'>;
export type InquiryListInput = ChannelInput<'inquiries.list'>;
export type DocumentHistoryInput = ChannelInput<'documents.history'>;
export type SyncNoticesInput = ChannelInput<'sync.notices'>;

/** Key factories: one place that spells every key, so invalidation and reads cannot drift apart. */
export const queryKeys = {
  appInfo: () => ['appInfo'] as const,
  clinicSearch: (input: ClinicSearchInput) => ['clinics', 'search', input] as const,
  /** The 医療機関 screen's list, read page by page as it is scrolled. */
  clinicList: (input: ClinicSearchInput) => ['clinics', 'list', input] as const,
  clinicMunicipalities: () => ['clinics', 'municipalities'] as const,
  clinic: (id: string) => ['clinics', 'record', id] as const,
  clinicMerges: (clinicId: string) => ['clinics', 'merges', clinicId] as const,
  /** What a merge would move: the inquiries (with their quotes) and print records, which inquiries' changes make stale. */
  clinicMergePreview: (keptId: string, mergedId: string) => ['inquiries', 'mergePreview', keptId, mergedId] as const,
  inquiryList: (input: InquiryListInput) => ['inquiries', 'list', input] as const,
  inquiry: (id: string) => ['inquiries', 'record', id] as const,
  home: () => ['home'] as const,
  clinicSummary: (clinicId: string) => ['clinicSummary', clinicId] as const,
  quotes: (inquiryId: string) => ['quotes', inquiryId] as const,
  importantMatters: (inquiryId: string) => ['inquiries', 'importantMatters', inquiryId] as const,
  /** 意向の把握・確認 of an inquiry: written with the inquiries area, and its records name who made them. */
  intents: (inquiryId: string) => ['inquiries', 'intents', inquiryId] as const,
  documentHistory: (by: DocumentHistoryInput) => ['documentOutputs', by] as const,
  staff: () => ['staff'] as const,
  settings: () => ['settings'] as const,
  retention: () => ['settings', 'retention'] as const,
  agencyTexts: () => ['settings', 'agencyTexts'] as const,
  labelOffset: () => ['settings', 'labelOffset'] as const,
  content: () => ['content', 'pack'] as const,
  contentChanges: () => ['content', 'changes'] as const,
  backups: () => ['backups'] as const,
  purgePreview: () => ['purgePreview'] as const,
  expiredRecords: () => ['purgePreview', 'expired'] as const,
  postalAddress: (postalCode: string) => ['postal', postalCode] as const,
  syncStatus: () => ['sync', 'status'] as const,
  syncNotices: (input: SyncNoticesInput) => ['sync', 'notices', input] as const,
  mailingRecipients: (input: MailingRecipientsInput) => ['mailing', 'recipients', input] as const,
  mailingRecipientIds: (input: MailingRecipientIdsInput) => ['mailing', 'recipientIds', input] as const,
} satisfies Record<string, (...args: never[]) => readonly [QueryRoot, ...unknown[]]>;
