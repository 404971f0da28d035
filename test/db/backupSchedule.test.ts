import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackupSchedule } from '../../electron/core/backup/backupSchedule.ts';
import { listBackups } from '../../electron/core/backup/backups.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import type { Logger } from '../../electron/core/log/logger.ts';
import { openCore } from '../../electron/core/openCore.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { tempDir } from '../helpers/tempDir.ts';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`) };
}

describe('daily backups while the app runs', () => {
  it('writes one verified backup per Japanese day, checks the database first, and rotates old ones away', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'live.sqlite3'));
    migrate(db, migrations);
    createClinic(db, clinicInputSchema.parse({ name: '霧島眼科' }), { machineId: 'm' });
    let clock = new Date('2026-11-01T00:30:00Z'); // 09:30 in Tokyo
    const log = recordingLogger();
    const backupsDir = path.join(dir, 'backups');
    const schedule = startBackupSchedule({ db, backupsDir, now: () => clock, log, firstRunDelayMs: 60_000, intervalMs: 60_000 });

    await schedule.runNow();
    await schedule.runNow(); // the same day: nothing new
    expect(listBackups(backupsDir)).toEqual([expect.objectContaining({ reason: 'daily', counts: { clinics: 1, inquiries: 0 } })]);
    expect(log.lines).toContain('info quick_check ok');

    // 14:59 UTC is still the same day in Tokyo; 15:00 UTC is the next one.
    clock = new Date('2026-11-01T14:59:00Z');
    await schedule.runNow();
    expect(listBackups(backupsDir)).toHaveLength(1);
    clock = new Date('2026-11-01T15:00:00Z');
    await schedule.runNow();
    expect(listBackups(backupsDir)).toHaveLength(2);

    // Six weeks of a PC left on: the folder keeps the last 7 days and 4 weeks, not 42 files.
    for (let day = 1; day <= 42; day++) {
      clock = new Date(Date.parse('2026-11-02T01:00:00Z') + day * 86_400_000);
      await schedule.runNow();
    }
    const kept = listBackups(backupsDir);
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept.length).toBeLessThanOrEqual(11);
    expect(Date.parse(kept.at(-1)!.createdAt)).toBeGreaterThan(clock.getTime() - 29 * 86_400_000);
    await schedule.stop();
    db.close();
  });

  it('merges the search indexes in its daily pass, and searches find what they found before', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'live.sqlite3'));
    migrate(db, migrations);
    // Each save is its own transaction, and each leaves its own index segment.
    for (const fields of generateClinics(40, 7)) createClinic(db, fields, { machineId: 'm' });
    const segments = () => ['clinic_search', 'clinic_trigrams'].map((t) => (db.prepare(`SELECT count(DISTINCT segid) AS n FROM ${t}_idx`).get() as { n: number }).n);
    const found = () => ['医院', 'クリニック', '099', '鹿児島市'].map((query) => findClinics(db, { query, limit: 50, includeArchived: false }).items.map((c) => c.id));
    const before = found();
    expect(segments().every((n) => n > 1)).toBe(true);
    const schedule = startBackupSchedule({ db, backupsDir: path.join(dir, 'backups'), now: () => new Date('2026-11-01T00:30:00Z'), log: recordingLogger(), firstRunDelayMs: 60_000 });
    await schedule.runNow();
    await schedule.stop();
    expect(segments()).toEqual([1, 1]);
    expect(found()).toEqual(before);
    db.close();
  });

  it('starts on its own after start-up, tells the window the check passed, and closing waits for it', async () => {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, mode: 'preview', log: recordingLogger(), backupSchedule: { firstRunDelayMs: 10 } });
    const events: unknown[] = [];
    core.onEvent((event) => events.push(event));
    expect(await core.dispatch('app.info', {})).toMatchObject({ result: { databaseCheck: 'pending' } });
    // Until the check has been told, however long a loaded machine takes (the test's timeout bounds it).
    while (!events.some((e) => (e as { type: string }).type === 'databaseCheck')) await new Promise((r) => setTimeout(r, 25));
    expect(events).toContainEqual({ type: 'databaseCheck', state: 'ok' });
    expect(await core.dispatch('app.info', {})).toMatchObject({ result: { databaseCheck: 'ok' } });
    await core.close();
    expect(listBackups(path.join(dataDir, 'backups'))).toEqual([expect.objectContaining({ reason: 'daily' })]);
  });

  it('reports a damaged database and never keeps a copy of it as a backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.sqlite3');
    const setup = openDatabase(file);
    migrate(setup, migrations);
    for (let i = 0; i < 300; i++) createClinic(setup, clinicInputSchema.parse({ name: `霧島眼科${i}` }), { machineId: 'm' });
    setup.close();
    // Damage inner pages on disk, as a failing disk would; the header stays, so the file still opens.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, 4096 * 3);
    fs.closeSync(fd);
    const db = openDatabase(file);
    const log = recordingLogger();
    const results: boolean[] = [];
    const backupsDir = path.join(dir, 'backups');
    const schedule = startBackupSchedule({ db, backupsDir, now: () => new Date('2026-11-30T01:00:00Z'), log, firstRunDelayMs: 60_000, onQuickCheck: (ok) => results.push(ok) });
    await schedule.runNow();
    await schedule.stop();
    db.close();
    expect(results).toEqual([false]);
    expect(listBackups(backupsDir)).toEqual([]);
    expect(fs.readdirSync(backupsDir)).toEqual([]);
    expect(log.lines).toContain('error scheduled backup failed');
  });
});
