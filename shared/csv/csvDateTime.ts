const tokyoDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * 2026-11-24 09:15 in Japan time, whatever the machine's clock is set to: every export writes
 * dates this one way, which Excel reads as a date and time (an ISO string in UTC it does not).
 */
export function csvDateTime(iso: string | null): string {
  return iso === null ? '' : tokyoDateTime.format(new Date(iso));
}
