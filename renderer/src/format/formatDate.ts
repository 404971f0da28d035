import {
  formatDate as formatDateOnly,
  isDateOnly,
  tokyoDateString,
  weekday,
  type DateOnly,
  type DateStyle,
} from '../../../shared/time/tokyoDate.ts';
import { useSettings } from '../query/useSharedReads.ts';

const tokyoTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const weekdayNames = ['日', '月', '火', '水', '木', '金', '土'];

/** 2026/11/24 or 令和8年11月24日, as chosen in 設定 「日付の表示」. The one date formatter of the records screens. */
export function formatDate(date: DateOnly, style: DateStyle): string {
  return formatDateOnly(date, style);
}

/** 2026/11/24（火）: a follow-up date reads better with its weekday. */
export function formatDateWithWeekday(date: DateOnly, style: DateStyle): string {
  if (!isDateOnly(date)) return date;
  return `${formatDateOnly(date, style)}（${weekdayNames[weekday(date)]}）`;
}

/** An ISO timestamp as the Japanese date and time, e.g. 2026/11/24 14:05. */
export function formatDateTime(iso: string, style: DateStyle): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return `${formatDateOnly(tokyoDateString(moment), style)} ${tokyoTimeFormat.format(moment)}`;
}

/** The chosen date style, for components: `const style = useDateStyle(); formatDate(d, style)`. */
export function useDateStyle(): DateStyle {
  return useSettings().settings?.dateStyle ?? 'western';
}
