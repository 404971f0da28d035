import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { municipalityOf } from '../../electron/core/postal/municipalityOf.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

describe('migration 15: 市町村 beside each clinic', () => {
  it('fills the 市町村 of the clinics a version 14 file holds, as a clinic saved today would get it', () => {
    const file = path.join(tempDir(), 'v14.sqlite3');
    fs.copyFileSync(versionBackupFile(14), file);
    const db = openDatabase(file);
    db.exec(`INSERT INTO clinics (id, name, kind, postal_code, address, name_norm, kana_norm, created_at, updated_at, updated_by) VALUES
      ('p1', '郵便番号だけの医院', 'clinic_no_beds', '899-6201', '', '郵便番号だけの医院', '', 't', 't', 'pc'),
      ('a1', '住所だけの医院', 'clinic_no_beds', '', '鹿児島県姶良郡湧水町木場1', '住所だけの医院', '', 't', 't', 'pc'),
      ('a2', '郡のない住所の医院', 'clinic_no_beds', '', '霧島市国分中央3-1', '郡のない住所の医院', '', 't', 't', 'pc'),
      ('n1', '所在地のない医院', 'clinic_no_beds', '', '', '所在地のない医院', '', 't', 't', 'pc')`);
    const before = db.prepare('SELECT id, postal_code AS postalCode, address, revision, updated_at FROM clinics ORDER BY seq').all() as { id: string; postalCode: string; address: string; revision: number; updated_at: string }[];
    migrate(db, migrations);
    expect(schemaVersion(db)).toBe(migrations.length);
    const after = db.prepare('SELECT id, municipality, revision, updated_at FROM clinics ORDER BY seq').all() as { id: string; municipality: string; revision: number; updated_at: string }[];
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(Object.fromEntries(after.filter((r) => ['p1', 'a1', 'a2', 'n1'].includes(r.id)).map((r) => [r.id, r.municipality]))).toEqual({ p1: '湧水町', a1: '湧水町', a2: '霧島市', n1: '' });
    // The frozen rule and today's agree on every row; filling it is not an edit (no revision, no time).
    for (const [i, row] of after.entries()) {
      expect(row.municipality, row.id).toBe(municipalityOf(before[i]!));
      expect([row.revision, row.updated_at]).toEqual([before[i]!.revision, before[i]!.updated_at]);
    }
    expect(findClinics(db, { query: '', limit: 10, includeArchived: true, municipality: '湧水町' }).items.map((c) => c.id).sort()).toEqual(['a1', 'p1']);
    db.close();
  });
});
