import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';

/** How many of each kind of backup the folder keeps: the newest of each recent day, week and month. */
export interface BackupRotation {
  days: number;
  weeks: number;
  /** Calendar months, this one included: a mistake found weeks later can still be undone (issue 22 §6). */
  months: number;
}

export const defaultBackupRotation: BackupRotation = { days: 7, weeks: 4, months: 12 };

/**
 * Which backups to remove: all but the newest of each of the last `days` days, of the last
 * `weeks` weeks and of the last `months` calendar months, all on the Japanese calendar (yesterday
 * evening's backup is yesterday's, and 31 March 23:30 in Japan is March's). `backups` newest first.
 */
export function backupsToRemove<B extends { fileName: string; createdAt: string }>(backups: readonly B[], now: Date, rotation: BackupRotation = defaultBackupRotation): B[] {
  const keep = new Set<string>();
  const newestPer = (bucket: (b: B) => number, limit: number) => {
    const seen = new Set<number>();
    for (const backup of backups) {
      const key = bucket(backup);
      if (key < 0 || key >= limit || seen.has(key)) continue;
      seen.add(key);
      keep.add(backup.fileName);
    }
  };
  const dayNumber = (date: Date) => Date.parse(`${tokyoDateString(date)}T00:00:00Z`) / 86_400_000;
  const monthNumber = (date: Date) => {
    const [year, month] = tokyoDateString(date).split('-').map(Number) as [number, number];
    return year * 12 + month;
  };
  const daysAgo = (b: B) => dayNumber(now) - dayNumber(new Date(b.createdAt));
  newestPer(daysAgo, rotation.days);
  newestPer((b) => Math.floor(daysAgo(b) / 7), rotation.weeks);
  newestPer((b) => monthNumber(now) - monthNumber(new Date(b.createdAt)), rotation.months);
  return backups.filter((b) => !keep.has(b.fileName));
}
