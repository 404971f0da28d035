import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { commonAddress } from '../../../shared/text/commonAddress.ts';
import { call } from '../api/client.ts';
import { queryKeys, type MailingRecipientIdsInput, type MailingRecipientsInput, type ClinicSearchInput, type DocumentHistoryInput, type InquiryListInput, type SyncNoticesInput } from './queryKeys.ts';

/**
 * Every read the window makes, as TanStack Query options: the key says which data area it
 * shows (see queryKeys), the function is the one contract call. Screens use them with useQuery;
 * code outside React with queryClient.fetchQuery.
 */
export const queries = {
  appInfo: () => queryOptions({ queryKey: queryKeys.appInfo(), queryFn: () => call('app.info', {}), staleTime: Infinity }),
  clinicSearch: (input: ClinicSearchInput) =>
    queryOptions({
      queryKey: queryKeys.clinicSearch(input),
      // The words go with the answer, so a list kept on screen while the next search runs says what it is.
      queryFn: async () => ({ query: input.query, ...(await call('clinics.search', input)) }),
    }),
  /** The search as pages of `limit` rows from the top of its order; the next one is read when the list is scrolled near its end. */
  clinicList: (input: ClinicSearchInput) =>
    infiniteQueryOptions({
      queryKey: queryKeys.clinicList(input),
      initialPageParam: 0,
      queryFn: async ({ pageParam }) => ({ query: input.query, ...(await call('clinics.search', { ...input, offset: pageParam })) }),
      getNextPageParam: (last, pages) => (last.items.length < input.limit ? undefined : pages.length * input.limit),
    }),
  /** 一括作成's matches for its filters, with the real counts (送付不要 among them). */
  mailingRecipients: (input: MailingRecipientsInput) =>
    queryOptions({ queryKey: queryKeys.mailingRecipients(input), queryFn: () => call('mailing.recipients', input) }),
  /** Every clinic the filters find (up to a mailing's limit), to tell which chosen ones they no longer find. */
  mailingRecipientIds: (input: MailingRecipientIdsInput) =>
    queryOptions({ queryKey: queryKeys.mailingRecipientIds(input), queryFn: () => call('mailing.recipientIds', input) }),
  clinicMunicipalities: () =>
    queryOptions({ queryKey: queryKeys.clinicMunicipalities(), queryFn: async () => (await call('clinics.municipalities', {})).items }),
  clinic: (id: string) => queryOptions({ queryKey: queryKeys.clinic(id), queryFn: () => call('clinics.get', { id }) }),
  /** The merges into a clinic (重複をまとめる), newest first, each saying whether it can still be undone. */
  clinicMerges: (clinicId: string) =>
    queryOptions({ queryKey: queryKeys.clinicMerges(clinicId), queryFn: async () => (await call('clinics.merges', { clinicId })).items }),
  clinicMergePreview: (keptId: string, mergedId: string) =>
    queryOptions({ queryKey: queryKeys.clinicMergePreview(keptId, mergedId), queryFn: () => call('clinics.mergePreview', { keptId, mergedId }) }),
  inquiryList: (input: InquiryListInput) =>
    queryOptions({ queryKey: queryKeys.inquiryList(input), queryFn: () => call('inquiries.list', input) }),
  inquiry: (id: string) => queryOptions({ queryKey: queryKeys.inquiry(id), queryFn: () => call('inquiries.get', { id }) }),
  /** The top of an opened clinic: its open inquiries and the last document it was given. */
  clinicSummary: (clinicId: string) =>
    queryOptions({ queryKey: queryKeys.clinicSummary(clinicId), queryFn: () => call('clinics.summary', { clinicId }) }),
  home: () => queryOptions({ queryKey: queryKeys.home(), queryFn: () => call('home.summary', {}) }),
  quotes: (inquiryId: string) =>
    queryOptions({ queryKey: queryKeys.quotes(inquiryId), queryFn: async () => (await call('quotes.list', { inquiryId })).items }),
  /** 重要事項説明書の交付 of an inquiry: its handovers, and whether one stands. */
  importantMatters: (inquiryId: string) =>
    queryOptions({ queryKey: queryKeys.importantMatters(inquiryId), queryFn: () => call('importantMatters.list', { inquiryId }) }),
  intents: (inquiryId: string) => queryOptions({ queryKey: queryKeys.intents(inquiryId), queryFn: () => call('inquiries.intent.list', { inquiryId }) }),
  documentHistory: (by: DocumentHistoryInput) =>
    queryOptions({ queryKey: queryKeys.documentHistory(by), queryFn: async () => (await call('documents.history', by)).items }),
  /** Everyone, active or not (the inactive stay so old records keep their names). */
  staff: () =>
    queryOptions({
      queryKey: queryKeys.staff(),
      queryFn: async () => (await call('staff.list', { includeInactive: true })).items,
      staleTime: Infinity,
    }),
  settings: () => queryOptions({ queryKey: queryKeys.settings(), queryFn: () => call('settings.get', {}), staleTime: Infinity }),
  /** The agency's own texts (form number, solicitation statement, notices), each with its version. */
  agencyTexts: () => queryOptions({ queryKey: queryKeys.agencyTexts(), queryFn: () => call('settings.agencyTexts', {}), staleTime: Infinity }),
  /** This machine's label printer offset (設定 → 印刷). */
  labelOffset: () => queryOptions({ queryKey: queryKeys.labelOffset(), queryFn: () => call('settings.labelOffset', {}), staleTime: Infinity }),
  /** The approved flyer's text and the premium table: the only source of what the app says about the product. */
  content: () => queryOptions({ queryKey: queryKeys.content(), queryFn: () => call('content.get', {}), staleTime: Infinity }),
  contentChanges: () =>
    queryOptions({ queryKey: queryKeys.contentChanges(), queryFn: async () => (await call('content.changes', {})).items }),
  backups: () => queryOptions({ queryKey: queryKeys.backups(), queryFn: async () => (await call('backups.list', {})).items }),
  purgePreview: () => queryOptions({ queryKey: queryKeys.purgePreview(), queryFn: () => call('records.purgePreview', {}) }),
  /** 保存期間: the agency's retention period, shared by every machine. */
  retention: () => queryOptions({ queryKey: queryKeys.retention(), queryFn: () => call('retention.get', {}) }),
  /** 保存期間を過ぎた記録, offered for 完全削除. */
  expiredRecords: () => queryOptions({ queryKey: queryKeys.expiredRecords(), queryFn: async () => (await call('retention.expired', {})).items }),
  /** Sharing with the other machines: kept fresh by the core's `sync` events as well as by `changed`. */
  syncStatus: () => queryOptions({ queryKey: queryKeys.syncStatus(), queryFn: () => call('sync.status', {}) }),
  /** Conflict notices, of one record or all; resolved ones only when asked. */
  syncNotices: (input: SyncNoticesInput) =>
    queryOptions({ queryKey: queryKeys.syncNotices(input), queryFn: async () => (await call('sync.notices', input)).items }),
  /** The address a postal code stands for ('' when unknown), for filling 所在地. */
  postalAddress: (postalCode: string) =>
    queryOptions({
      queryKey: queryKeys.postalAddress(postalCode),
      queryFn: async () => commonAddress((await call('postal.lookup', { postalCode })).addresses),
      staleTime: Infinity,
    }),
};
