import { describe, expect, it } from 'vitest';
import { backupsToRemove } from '../../electron/core/backup/backupRotation.ts';

const hour = 3_600_000;

/** A daily backup at 12:00 UTC (21:00 in Japan) for `days` days up to `now`, newest first. */
function dailyBackups(now: Date, days: number) {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(now.getTime() - i * 24 * hour).toISOString();
    return { fileName: `backup-${at}`, createdAt: at };
  });
}

describe('backup rotation', () => {
  it('keeps the newest backup of each of the last 12 calendar months besides the recent days and weeks', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const backups = dailyBackups(now, 500);
    const removed = new Set(backupsToRemove(backups, now).map((b) => b.fileName));
    const kept = backups.filter((b) => !removed.has(b.fileName)).map((b) => b.createdAt.slice(0, 10));
    // The last day of each month from December 2025 to October 2026 (November's newest is today's).
    for (const lastDay of ['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-06-30', '2026-09-30', '2026-10-31']) expect(kept).toContain(lastDay);
    expect(kept).not.toContain('2025-11-30');
    expect(kept.every((day) => day >= '2025-12-01')).toBe(true);
  });

  it('counts months on the Japanese calendar: a backup on 31 March at 23:30 in Japan is March’s, one at 00:30 on 1 April is April’s', () => {
    const now = new Date('2026-06-15T03:00:00Z');
    const backups = [
      { fileName: 'april-first-jst', createdAt: '2026-03-31T15:30:00Z' },
      { fileName: 'march-last-jst', createdAt: '2026-03-31T14:30:00Z' },
    ];
    const removed = backupsToRemove(backups, now, { days: 0, weeks: 0, months: 12 }).map((b) => b.fileName);
    expect(removed).toEqual([]);
  });

  it('keeps only one backup per month once the days and weeks are past', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const backups = dailyBackups(now, 120);
    const kept = backups.filter((b) => !backupsToRemove(backups, now).includes(b));
    const september = kept.filter((b) => b.createdAt.startsWith('2026-09'));
    expect(september.map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-09-30']);
  });
});
