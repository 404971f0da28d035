import { describe, expect, it } from 'vitest';
import { addBusinessDays, isAgencyOpen, nextOpenDay } from '../../shared/time/businessDays.ts';
import { formatDate, tokyoToday } from '../../shared/time/tokyoDate.ts';
import { formatReceiptNumber, statusChangeNeedsReason } from '../../shared/domain/inquiry.ts';

describe('today at the counter', () => {
  it('is the Japanese date at 08:30 JST, which is still the day before in UTC', () => {
    expect(tokyoToday(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });

  it('changes at midnight in Japan, not in UTC', () => {
    expect(tokyoToday(new Date('2026-11-24T14:59:59Z'))).toBe('2026-11-24');
    expect(tokyoToday(new Date('2026-11-24T15:00:00Z'))).toBe('2026-11-25');
  });
});

describe('business days of the agency', () => {
  it('skip the weekend and a national holiday (勤労感謝の日, Monday 2026-11-23)', () => {
    expect(isAgencyOpen('2026-11-23')).toBe(false);
    expect(addBusinessDays('2026-11-20', 1)).toBe('2026-11-24');
    expect(addBusinessDays('2026-11-20', 3)).toBe('2026-11-26');
  });

  it('skip the agency closing of 12/29–1/3 and the weekend after it', () => {
    expect(addBusinessDays('2026-12-28', 1)).toBe('2027-01-04');
    expect(isAgencyOpen('2026-12-29')).toBe(false);
    expect(isAgencyOpen('2027-01-03')).toBe(false);
    expect(addBusinessDays('2026-12-25', 3)).toBe('2027-01-05');
  });

  it('move a follow-up that falls on a closed day to the next open one', () => {
    expect(nextOpenDay('2027-01-01')).toBe('2027-01-04');
    expect(nextOpenDay('2026-11-24')).toBe('2026-11-24');
  });
});

describe('date display', () => {
  it('shows 2026/11/24 by default and 令和8年11月24日 as 和暦', () => {
    expect(formatDate('2026-11-24')).toBe('2026/11/24');
    expect(formatDate('2026-11-24', 'japanese')).toBe('令和8年11月24日');
    expect(formatDate('2019-05-01', 'japanese')).toBe('令和元年5月1日');
  });
});

describe('受付番号 and 状況', () => {
  it('formats prefix, year and a four-digit sequence', () => {
    expect(formatReceiptNumber('A', 2026, 1)).toBe('A-2026-0001');
    expect(formatReceiptNumber('KG', 2027, 12345)).toBe('KG-2027-12345');
  });

  it('asks for a reason only when going back or reopening 見送り', () => {
    expect(statusChangeNeedsReason('new', 'quote_presented')).toBe(false);
    expect(statusChangeNeedsReason('applied', 'declined')).toBe(false);
    expect(statusChangeNeedsReason('quote_presented', 'materials_sent')).toBe(true);
    expect(statusChangeNeedsReason('declined', 'new')).toBe(true);
  });
});
