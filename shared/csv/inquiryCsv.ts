import { inquiryChannelLabels, inquiryStatusLabels, type Inquiry } from '../domain/inquiry.ts';

/** An inquiry with the time its 状況 last changed, as the export reads it. */
export type InquiryCsvRecord = Inquiry & { statusChangedAt: string | null };

/** Columns of the inquiry CSV, in order. Headers are what Excel users see. */
export const inquiryCsvColumns = [
  { key: 'receiptNumber', header: '受付番号' },
  { key: 'clinicName', header: '医療機関名' },
  { key: 'receivedOn', header: '受付日' },
  { key: 'channel', header: '経路' },
  { key: 'status', header: '状況' },
  { key: 'statusChangedAt', header: '状況の変更日時' },
  { key: 'nextActionOn', header: '次回対応日' },
  { key: 'staffName', header: '担当者' },
  { key: 'content', header: '内容' },
  { key: 'createdAt', header: '登録日時' },
  { key: 'updatedAt', header: '更新日時' },
  { key: 'archivedAt', header: 'アーカイブ日時' },
  { key: 'clinicId', header: '医療機関ID' },
  { key: 'id', header: 'ID' },
] as const;

const tokyoDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 2026-11-24 09:15 in Japan time: Excel reads it as a date and time, unlike an ISO string. */
export function csvDateTime(iso: string | null): string {
  return iso === null ? '' : tokyoDateTime.format(new Date(iso));
}

export function inquiryToCsvRow(inquiry: InquiryCsvRecord): string[] {
  return inquiryCsvColumns.map(({ key }) => {
    switch (key) {
      case 'channel':
        return inquiryChannelLabels[inquiry.channel];
      case 'status':
        return inquiryStatusLabels[inquiry.status];
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
