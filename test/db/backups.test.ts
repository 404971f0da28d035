import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsToRemove, createBackup, listBackups, rotateBackups, type BackupInfo } from '../../electron/core/backup/backups.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('backups', () => {
  it('copies the live database, verifies the copy and counts its records', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'live.sqlite3'));
    migrate(db, migrations);
    createClinic(db, clinicInputSchema.parse({ name: '霧島眼科' }), { machineId: 'm' });
    const backup = await createBackup(db, path.join(dir, 'backups'), 'manual', new Date('2026-11-24T09:00:00Z'));
    expect(backup).toMatchObject({ fileName: 'backup-20261124T090000Z-manual.sqlite3', counts: { clinics: 1, inquiries: 0 } });
    // The copy is a database of its own: later changes to the live one do not reach it.
    createClinic(db, clinicInputSchema.parse({ name: '指宿内科' }), { machineId: 'm' });
    expect(listBackups(path.join(dir, 'backups'))).toEqual([expect.objectContaining({ fileName: backup.fileName, counts: { clinics: 1, inquiries: 0 } })]);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([backup.fileName]);
    db.close();
  });

  it('keeps the newest backup of each of the last 7 days and of the last 4 weeks (months aside)', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const backups: BackupInfo[] = [];
    for (let hoursAgo = 0; hoursAgo < 24 * 60; hoursAgo += 12) {
      const at = new Date(now.getTime() - hoursAgo * 3_600_000);
      backups.push({ fileName: `b${hoursAgo}`, createdAt: at.toISOString(), madeAt: at.toISOString(), reason: 'daily', sizeBytes: 1, counts: null });
    }
    const removed = new Set(backupsToRemove(backups, now, { days: 7, weeks: 4, months: 0 }).map((b) => b.fileName));
    const kept = backups.filter((b) => !removed.has(b.fileName));
    // One per day for a week, plus one per week for the three weeks before it.
    expect(kept.length).toBe(7 + 3);
    expect(kept.every((b) => now.getTime() - Date.parse(b.createdAt) < 28 * 86_400_000)).toBe(true);
  });

  it('the backup of 30 September is still there seven weeks later, after a daily backup and rotation every day since', async () => {
    const dir = tempDir();
    const backupsDir = path.join(dir, 'backups');
    const db = openDatabase(path.join(dir, 'live.sqlite3'));
    migrate(db, migrations);
    createClinic(db, clinicInputSchema.parse({ name: '霧島眼科' }), { machineId: 'm' });
    const day = 86_400_000;
    // Backups at 12:00 in Japan, from 15 August to 18 November: 30 September is 7 weeks before the last.
    const first = Date.parse('2026-08-15T03:00:00Z');
    const last = Date.parse('2026-11-18T03:00:00Z');
    let september30 = '';
    let september29 = '';
    for (let t = first; t <= last; t += day) {
      const backup = await createBackup(db, backupsDir, 'daily', new Date(t));
      if (new Date(t).toISOString().startsWith('2026-09-30')) september30 = backup.fileName;
      if (new Date(t).toISOString().startsWith('2026-09-29')) september29 = backup.fileName;
      rotateBackups(backupsDir, new Date(t));
    }
    expect((last - Date.parse('2026-09-30T03:00:00Z')) / day).toBe(49);
    const left = listBackups(backupsDir).map((b) => b.fileName);
    expect(left).toContain(september30);
    // One per month: the day before it went.
    expect(left).not.toContain(september29);
    expect(left.filter((name) => name.startsWith('backup-202608'))).toHaveLength(1);
    db.close();
  });
});
