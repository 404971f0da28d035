import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, weekday, type DateOnly } from './tokyoDate.ts';

/**
 * Whether the agency's counter is open: weekdays, not a national holiday, not 12/29–1/3
 * (the agency's own year-end closing, per the flyer's 受付時間).
 */
export function isAgencyOpen(date: DateOnly): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  if (Object.hasOwn(holidayJp.holidays, date)) return false;
  const monthDay = date.slice(5);
  return !(monthDay >= '12-29' || monthDay <= '01-03');
}

/** The date n business days after `from` (n ≥ 1), skipping days the agency is closed. */
export function addBusinessDays(from: DateOnly, n: number): DateOnly {
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isAgencyOpen(date)) left--;
  }
  return date;
}

/** The first open day on or after `date`: a follow-up falls on a day someone is there. */
export function nextOpenDay(date: DateOnly): DateOnly {
  let d = date;
  while (!isAgencyOpen(d)) d = addDays(d, 1);
  return d;
}
