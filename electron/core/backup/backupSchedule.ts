import type { Db } from '../db/connection.ts';
import { mergeSearchIndexes } from '../db/repos/clinicSearchIndex.ts';
import type { Logger } from '../log/logger.ts';
import { createBackup, dailyBackupDue, rotateBackups } from './backups.ts';

/** Result of SQLite's quick_check: 'ok', or the first problems it names. */
export function quickCheck(db: Db): { ok: boolean; problems: string[] } {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((p) => p !== 'ok');
  return { ok: problems.length === 0, problems };
}

export interface BackupScheduleOptions {
  db: Db;
  backupsDir: string;
  now: () => Date;
  log: Logger;
  /** After start-up, so the first screen never waits for a check or a copy. */
  firstRunDelayMs?: number;
  /** Counter PCs stay on for weeks: look once an hour whether today's backup exists. */
  intervalMs?: number;
  /** Told the result of the quick_check, so the window can warn the clerk. */
  onQuickCheck?: (ok: boolean) => void;
}

/**
 * Background care of the database while the app runs: a quick_check soon after start, then once
 * a day a verified backup with rotation and the search indexes merged. stop() waits for a copy in progress, so the
 * database is never closed under a running backup.
 */
export function startBackupSchedule(options: BackupScheduleOptions): { runNow(): Promise<void>; stop(): Promise<void> } {
  const { db, backupsDir, now, log } = options;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let checked = false;

  const pass = async () => {
    if (stopped) return;
    if (!checked) {
      checked = true;
      const check = quickCheck(db);
      if (check.ok) log.info('quick_check ok');
      else log.error('quick_check found problems', { problems: check.problems.length });
      options.onQuickCheck?.(check.ok);
    }
    if (!dailyBackupDue(backupsDir, now())) return;
    const backup = await createBackup(db, backupsDir, 'daily', now());
    const removed = rotateBackups(backupsDir, now());
    log.info('daily backup written', { file: backup.fileName, removed: removed.length });
    mergeSearchIndexes(db);
  };
  const runNow = () => {
    running = running.then(pass).catch((error: unknown) => log.error('scheduled backup failed', { error: String(error) }));
    return running;
  };

  const first = setTimeout(() => void runNow(), options.firstRunDelayMs ?? 20_000);
  const every = setInterval(() => void runNow(), options.intervalMs ?? 3_600_000);
  first.unref();
  every.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
