import type { InquiryDetail } from '../../../../shared/contract/channels.ts';
import type { InquiryChannel, InsurerConsent } from '../../../../shared/domain/inquiry.ts';

/** What the inquiry form holds while it is typed. */
export interface InquiryDraft {
  receivedOn: string;
  channel: InquiryChannel;
  content: string;
  nextActionOn: string;
  /** null: not chosen yet, so this machine's staff member (from 設定) applies. */
  staffId: string | null;
  insurerConsent: InsurerConsent;
}
export type InquiryFieldName = keyof InquiryDraft;
export type InquiryFieldErrors = Partial<Record<InquiryFieldName, string>>;

/** Reading order of the form: the first field with an error takes the focus. */
export const inquiryFieldOrder: InquiryFieldName[] = ['receivedOn', 'channel', 'content', 'nextActionOn', 'staffId', 'insurerConsent'];

/** The draft with every field as text, to compare field by field ('' for 担当者 not chosen). */
export function inquiryDraftAsText(draft: InquiryDraft): Record<InquiryFieldName, string> {
  return { ...draft, staffId: draft.staffId ?? '' };
}

/** The form's start: the inquiry being edited, or a new one received today at the counter. */
export function inquiryDraftOf(inquiry: InquiryDetail['inquiry'] | undefined, today: string): InquiryDraft {
  if (!inquiry) return { receivedOn: today, channel: 'counter', content: '', nextActionOn: '', staffId: null, insurerConsent: 'unknown' };
  return {
    receivedOn: inquiry.receivedOn,
    channel: inquiry.channel,
    content: inquiry.content,
    nextActionOn: inquiry.nextActionOn ?? '',
    staffId: inquiry.staffId ?? '',
    insurerConsent: inquiry.insurerConsent,
  };
}

/** The id of the control a field's error sends the focus to (a radio group: its checked option). */
export function inquiryControlId(field: InquiryFieldName, draft: InquiryDraft): string {
  if (field === 'channel') return `inquiry-channel-${draft.channel}`;
  if (field === 'insurerConsent') return `inquiry-consent-${draft.insurerConsent}`;
  return `inquiry-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
