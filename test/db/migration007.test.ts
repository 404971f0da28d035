import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { getClinic, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('migration 7: record revisions', () => {
  it('upgrades a version 6 file holding records: each starts at revision 1 and its next edit is checked against it', () => {
    const db = openDatabase(path.join(tempDir(), 'v6.sqlite3'));
    migrate(db, migrations.slice(0, 6));
    const now = '2026-11-24T01:00:00.000Z';
    db.prepare(
      `INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
       VALUES ('c1', '霧島眼科', 'きりしまがんか', 'clinic_no_beds', '霧島眼科', 'きりしまがんか', ?, ?, 'm')`,
    ).run(now, now);
    db.prepare("INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES ('s1', '窓口 花子', 1, ?, ?, 'm')").run(now, now);
    db.prepare(
      `INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, content, status, created_at, updated_at, updated_by)
       VALUES ('i1', 'A-2026-0001', 'c1', '2026-11-24', 'phone', '', 'new', ?, ?, 'm')`,
    ).run(now, now);

    migrate(db, migrations.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    for (const table of ['clinics', 'inquiries', 'staff']) {
      expect(db.prepare(`SELECT revision FROM ${table}`).all()).toEqual([{ revision: 1 }]);
    }
    // Today's repos read today's schema: the rest of the way up, then the record is read and edited.
    migrate(db, migrations);
    expect(getClinic(db, 'c1')).toMatchObject({ name: '霧島眼科', nameKana: 'きりしまがんか', revision: 1 });
    // A kind version 7 knows (未確認 came with version 9).
    const edit = clinicInputSchema.parse({ name: '霧島眼科医院', kind: 'clinic_no_beds' });
    expect(updateClinic(db, 'c1', edit, { machineId: 'm' }, 1).revision).toBe(2);
    expect(() => updateClinic(db, 'c1', edit, { machineId: 'm' }, 1)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    db.close();
  });
});
