import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import { callPreview, type RunningPreview } from './startPreview.ts';

interface Inquiry {
  id: string;
  revision: number;
  staffId: string | null;
  receivedOn: string;
  channel: string;
  content: string;
  nextActionOn: string | null;
}

/**
 * Takes an inquiry through every step the 申込/成約 gate asks for, through the preview's own
 * channels as the screens do: a solicitor as 担当, the initial and final wishes, the
 * 重要事項説明書 handed over. Returns the inquiry as it then is (its revision moved on).
 */
export async function readyForContractInPreview(preview: RunningPreview, inquiryId: string): Promise<Inquiry> {
  const today = tokyoToday();
  const { inquiry } = await callPreview<{ inquiry: Inquiry }>(preview, 'inquiries.get', { id: inquiryId });
  const solicitor = await callPreview<{ id: string }>(preview, 'staff.create', {
    name: `募集 ${inquiryId.slice(-6)}`,
    solicitor: { solicitorId: 'A1234567', notifiedOn: '2024-04-01', qualification: '損害保険募集人一般試験', qualificationExpiresOn: null },
  });
  const { receivedOn, channel, content, nextActionOn } = inquiry;
  await callPreview(preview, 'inquiries.update', { id: inquiryId, inquiry: { receivedOn, channel, content, nextActionOn, staffId: solicitor.id }, expectedRevision: inquiry.revision });
  const { asking } = await callPreview<{ asking: { initial: { questions: string[] } } }>(preview, 'inquiries.intent.list', { inquiryId });
  const answers = asking.initial.questions.map(() => '希望あり');
  await callPreview(preview, 'inquiries.intent.record', { inquiryId, stage: 'initial', questions: asking.initial, answers });
  await callPreview(preview, 'inquiries.intent.record', { inquiryId, stage: 'final', questions: asking.initial, answers, confirmedOn: today });
  await callPreview(preview, 'importantMatters.record', { inquiryId, handedOn: today, docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'hand' });
  return (await callPreview<{ inquiry: Inquiry }>(preview, 'inquiries.get', { id: inquiryId })).inquiry;
}
