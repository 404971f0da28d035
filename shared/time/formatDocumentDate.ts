import { isDateOnly, type DateOnly, type DateStyle } from './tokyoDate.ts';

const japaneseEraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * A date as a Japanese business document writes it: 2026年12月3日, or 令和8年12月3日 when the
 * counter prefers 和暦. Half-width digits, as every other figure on the documents.
 */
export function formatDocumentDate(date: DateOnly, style: DateStyle = 'western'): string {
  if (!isDateOnly(date)) throw new Error(`not a date: ${date}`);
  if (style === 'japanese') return japaneseEraFormat.format(new Date(`${date}T00:00:00Z`));
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
