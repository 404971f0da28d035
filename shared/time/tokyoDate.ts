const tokyoDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Japan as YYYY-MM-DD, whatever the machine's time zone. */
export function tokyoDateString(date: Date): string {
  return tokyoDateFormat.format(date);
}
