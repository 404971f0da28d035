const tokyoDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A date without time, as YYYY-MM-DD. */
export type DateOnly = string;

/** The calendar date in Japan as YYYY-MM-DD, whatever the machine's time zone. */
export function tokyoDateString(date: Date): DateOnly {
  return tokyoDateFormat.format(date);
}

/** "Today" at the counter: the Japanese date, so 08:30 JST counts as today even in UTC. */
export function tokyoToday(now: Date = new Date()): DateOnly {
  return tokyoDateString(now);
}

export function isDateOnly(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Calendar arithmetic on date-only values, done in UTC so no time zone can shift the day. */
export function addDays(date: DateOnly, days: number): DateOnly {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateOnly): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export type DateStyle = 'western' | 'japanese';

const japaneseEraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 2026/11/24 by default, or 令和8年11月24日 when the counter prefers 和暦. */
export function formatDate(date: DateOnly, style: DateStyle = 'western'): string {
  if (!isDateOnly(date)) return date;
  if (style === 'japanese') return japaneseEraFormat.format(new Date(`${date}T00:00:00Z`));
  return date.replaceAll('-', '/');
}
