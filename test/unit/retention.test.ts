import { describe, expect, it } from 'vitest';
import { retentionEndsOn, retentionYearsSchema, withinRetention } from '../../shared/domain/retention.ts';

describe('retention period', () => {
  it('ends on the same month and day the given number of years later', () => {
    expect(retentionEndsOn('2026-04-01', 5)).toBe('2031-04-01');
    expect(retentionEndsOn('2026-12-31', 1)).toBe('2027-12-31');
  });

  it('a contract made on 29 February is kept to 28 February of a common year, and to 29 February of a leap year', () => {
    expect(retentionEndsOn('2028-02-29', 5)).toBe('2033-02-28');
    expect(retentionEndsOn('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('holds the records through the last day and frees them the day after', () => {
    expect(withinRetention('2026-04-01', 5, '2031-04-01')).toBe(true);
    expect(withinRetention('2026-04-01', 5, '2031-04-02')).toBe(false);
    expect(withinRetention('2026-04-01', 5, '2026-04-01')).toBe(true);
  });

  it('accepts 1 to 30 whole years and explains anything else in Japanese', () => {
    expect(retentionYearsSchema.safeParse(1).success).toBe(true);
    expect(retentionYearsSchema.safeParse(30).success).toBe(true);
    for (const bad of [0, 31, 2.5]) {
      const result = retentionYearsSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('保存期間は1年から30年の間で入力してください');
    }
  });
});
