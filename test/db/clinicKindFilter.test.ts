import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { tempDir } from '../helpers/tempDir.ts';

function listWithUnconfirmed() {
  const db = openDatabase(path.join(tempDir(), 'kinds.sqlite3'));
  migrate(db, migrations);
  const unconfirmed = ['霧島中央病院', '霧島眼科', '指宿内科'].map((name) => ({ fields: clinicInputSchema.parse({ name, kind: 'unconfirmed' }) }));
  createClinics(db, [...generateClinics(300).map((fields) => ({ fields })), ...unconfirmed], { machineId: 'm' });
  return db;
}

describe('the list filtered by 種別', () => {
  it('shows only the 未確認 clinics, with or without words typed', () => {
    const db = listWithUnconfirmed();
    const all = findClinics(db, { query: '', limit: 50, includeArchived: false, kind: 'unconfirmed' });
    expect(all.items.map((c) => c.name).sort()).toEqual(['指宿内科', '霧島中央病院', '霧島眼科'].sort());
    expect(all.total).toBe(3);
    expect(findClinics(db, { query: '霧', limit: 50, includeArchived: false, kind: 'unconfirmed' }).items.map((c) => c.name).sort()).toEqual(['霧島中央病院', '霧島眼科'].sort());
    for (const query of ['霧島', '眼科']) {
      const found = findClinics(db, { query, limit: 50, includeArchived: false, kind: 'unconfirmed' });
      expect(found.items.every((c) => c.kind === 'unconfirmed'), query).toBe(true);
      expect(found.items.length, query).toBeGreaterThan(0);
      // Without the filter the generated clinics of 霧島 come up too.
      expect(findClinics(db, { query, limit: 50, includeArchived: false }).total, query).toBeGreaterThan(found.total);
    }
    db.close();
  });

  it('lists them from the 種別 index, newest first, not by reading every clinic', () => {
    const db = listWithUnconfirmed();
    const sql = `SELECT c.seq FROM clinics c WHERE 1 AND c.archived_at IS NULL AND c.kind = @kind ORDER BY c.updated_at DESC LIMIT 50`;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ kind: 'unconfirmed' }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING INDEX clinics_kind/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
