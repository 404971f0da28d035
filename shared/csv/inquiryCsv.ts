import { inquiryChannelLabels, inquiryStatusLabels, type Inquiry } from '../domain/inquiry.ts';
import { csvDateTime } from './csvDateTime.ts';
import { retentionMessages } from '../messages/retentionMessages.ts';

/** An inquiry with the time its 状況 last changed, as the export reads it. */
export type InquiryCsvRecord = Inquiry & { statusChangedAt: string | null };

/**
 * Columns of the inquiry CSV, in order. Headers are what Excel users see; the internal IDs come
 * last, where nobody starts reading.
 */
export const inquiryCsvColumns = [
  { key: 'receiptNumber', header: '受付番号' },
  { key: 'clinicName', header: '医療機関名' },
  { key: 'receivedOn', header: '受付日' },
  { key: 'channel', header: '経路' },
  { key: 'status', header: '状況' },
  { key: 'statusChangedAt', header: '状況の変更日時' },
  { key: 'nextActionOn', header: '次回対応日' },
  { key: 'staffName', header: '担当者' },
  { key: 'insurerConsent', header: '保険会社の個人情報取扱いへの同意' },
  { key: 'content', header: '内容' },
  { key: 'createdAt', header: '登録日時' },
  { key: 'updatedAt', header: '更新日時' },
  { key: 'archivedAt', header: 'アーカイブ日時' },
  { key: 'clinicId', header: '医療機関の管理用ID' },
  { key: 'id', header: '管理用ID（変更しないでください）' },
] as const;

export function inquiryToCsvRow(inquiry: InquiryCsvRecord): string[] {
  return inquiryCsvColumns.map(({ key }) => {
    switch (key) {
      case 'channel':
        return inquiryChannelLabels[inquiry.channel];
      case 'status':
        return inquiryStatusLabels[inquiry.status];
      case 'insurerConsent':
        return retentionMessages.consentLabels[inquiry.insurerConsent];
      case 'statusChangedAt':
      case 'createdAt':
      case 'updatedAt':
      case 'archivedAt':
        return csvDateTime(inquiry[key]);
      default:
        return inquiry[key] ?? '';
    }
  });
}
