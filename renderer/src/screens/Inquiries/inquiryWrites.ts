import type { ChannelInput, ChannelResult, InquiryDetail } from '../../../../shared/contract/channels.ts';
import type { Inquiry, InquiryInput } from '../../../../shared/domain/inquiry.ts';
import { call } from '../../api/client.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { queryKeys } from '../../query/queryKeys.ts';

/**
 * The stored inquiry shows at once in an open detail; lists and ホーム follow when the core
 * announces the write (`changed`), as they do for writes made anywhere else.
 */
function showStored(detail: InquiryDetail): InquiryDetail {
  queryClient.setQueryData(queryKeys.inquiry(detail.inquiry.id), detail);
  return detail;
}

/** Registers an inquiry; throws ApiError so the form can show field errors. */
export async function createInquiry(input: InquiryInput): Promise<InquiryDetail> {
  return showStored(await call('inquiries.create', input));
}

/** Saves an edit of the inquiry as the form opened it; throws ApiError (CONFLICT when it changed since). */
export async function updateInquiry(opened: Inquiry, inquiry: ChannelInput<'inquiries.update'>['inquiry']): Promise<InquiryDetail> {
  return showStored(await call('inquiries.update', { id: opened.id, inquiry, expectedRevision: opened.revision }));
}

export type StatusChange = Omit<ChannelInput<'inquiries.changeStatus'>, 'id' | 'expectedRevision'>;

/** Moves the inquiry as it was shown to another 状況; throws ApiError (CONFLICT when it changed since). */
export async function changeInquiryStatus(opened: Pick<Inquiry, 'id' | 'revision'>, change: StatusChange): Promise<InquiryDetail> {
  return showStored(await call('inquiries.changeStatus', { id: opened.id, expectedRevision: opened.revision, ...change }));
}

/** Ticks a 告知書 step on a day, or takes the tick back (doneOn null). */
export async function markInquiryStep(input: ChannelInput<'inquiries.markStep'>): Promise<InquiryDetail> {
  return showStored(await call('inquiries.markStep', input));
}

/** Adds a 対応記録 (and the 次回対応日 it leads to) to the inquiry as the form saw it. */
export async function addFollowUp(input: ChannelInput<'inquiries.addFollowUp'>): Promise<InquiryDetail> {
  return showStored(await call('inquiries.addFollowUp', input));
}

/** 問い合わせを登録 for a caller not yet on file: the clinic and the inquiry land together or not at all. */
export async function createInquiryWithClinic(input: ChannelInput<'inquiries.createWithClinic'>): Promise<ChannelResult<'inquiries.createWithClinic'>> {
  const created = await call('inquiries.createWithClinic', input);
  queryClient.setQueryData(queryKeys.clinic(created.clinic.id), created.clinic);
  showStored(created.detail);
  return created;
}
