import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { countClinics, getClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { clinicMergesOf } from '../../electron/core/db/repos/clinicMergeHistory.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const openCopyOf = (version: number) => {
  const file = path.join(tempDir(), `v${version}.sqlite3`);
  fs.copyFileSync(versionBackupFile(version), file);
  return openDatabase(file);
};

describe('migration 13: clinic merges', () => {
  it('keeps a version 12 file’s clinics, none of them merged, with no merge to undo', () => {
    const db = openCopyOf(12);
    const before = countClinics(db, true);
    migrate(db, migrations);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(countClinics(db, true)).toBe(before);
    expect(db.prepare('SELECT count(*) FROM clinics WHERE merged_into IS NOT NULL').pluck().get()).toBe(0);
    expect(clinicMergesOf(db, '0190a000-0000-7000-8000-000000000001')).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('reads a version 13 file’s merge back: the archived record points at the kept one, and the merge is listed on it', () => {
    const db = openCopyOf(13);
    migrate(db, migrations);
    expect(getClinic(db, '0190a000-0000-7000-8000-000000000013')).toMatchObject({ mergedInto: '0190a000-0000-7000-8000-000000000001', archivedAt: expect.any(String) });
    expect(clinicMergesOf(db, '0190a000-0000-7000-8000-000000000001')).toEqual([
      expect.objectContaining({ mergedName: '版13の重複眼科', undoneAt: null }),
    ]);
    db.close();
  });
});
