import { describe, expect, it } from 'vitest';
import { syncOverdueDays } from '../../shared/time/syncOverdue.ts';

const now = new Date('2026-12-10T09:00:00Z');
const sharing = (lastSyncedAt: string | null, joinedAt: string | null = '2026-11-01T00:00:00Z') => ({ state: 'unreachable', lastSyncedAt, joinedAt });

describe('ホーム’s notice of a machine that has not synced', () => {
  it('says how many whole days once the set number of days has passed', () => {
    expect(syncOverdueDays(sharing('2026-12-07T08:59:00Z'), 3, now)).toBe(3);
    expect(syncOverdueDays(sharing('2026-12-01T09:00:00Z'), 3, now)).toBe(9);
  });

  it('stays quiet before that, and on a machine that does not share', () => {
    expect(syncOverdueDays(sharing('2026-12-07T09:01:00Z'), 3, now)).toBeNull();
    expect(syncOverdueDays(sharing('2026-12-03T09:00:00Z'), 7, now)).toBe(7);
    expect(syncOverdueDays(sharing('2026-12-03T09:01:00Z'), 7, now)).toBeNull();
    expect(syncOverdueDays({ state: 'off', lastSyncedAt: '2026-11-01T00:00:00Z', joinedAt: '2026-11-01T00:00:00Z' }, 3, now)).toBeNull();
  });

  it('counts from the day of joining on a machine that has never synced since (a laptop joined, then taken out at once)', () => {
    expect(syncOverdueDays(sharing(null, '2026-12-05T09:00:00Z'), 3, now)).toBe(5);
    expect(syncOverdueDays(sharing(null, '2026-12-09T09:00:00Z'), 3, now)).toBeNull();
  });
});
