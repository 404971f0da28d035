import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, getClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { indexClinic, shadowColumns } from '../../electron/core/db/repos/clinicSearchIndex.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { tempDir } from '../helpers/tempDir.ts';

/** A version 8 file with two clinics, an inquiry and a document output pointing at the first. */
function versionEightFile() {
  const db = openDatabase(path.join(tempDir(), 'v8.sqlite3'));
  migrate(db, migrations.slice(0, 8));
  const ctx = { machineId: 'm' };
  // Written as the app writes them (row, shadows, search entries), without reading them back through today's columns.
  const kirishima = { id: 'c-kirishima' };
  const sakura = { id: 'c-sakura' };
  // Today's repos write columns of later versions (市町村, migration 15), so the rows are written out as version 8 had them.
  db.transaction(() => {
    for (const { id, fields } of [
      { id: kirishima.id, fields: clinicInputSchema.parse({ name: '霧島眼科', nameKana: 'きりしまがんか', kind: 'clinic_no_beds', phone: '0995-12-3456' }) },
      { id: sakura.id, fields: clinicInputSchema.parse({ name: 'さくら病院', kind: 'hospital', bedCount: 120 }) },
    ]) {
      const shadows = shadowColumns(fields);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, contact_person, member_number, memo,
             name_norm, kana_norm, phone_digits, created_at, updated_at, updated_by)
           VALUES (@id, @name, @nameKana, @kind, @bedCount, @postalCode, @address, @phone, @fax, @contactPerson, @memberNumber, @memo,
             @name_norm, @kana_norm, @phone_digits, 't', 't', @machineId)`,
        )
        .run({ id, ...fields, ...shadows, machineId: ctx.machineId });
      indexClinic(db, Number(lastInsertRowid), fields, shadows);
    }
  })();
  db.exec(`
    INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, content, status, created_at, updated_at, updated_by)
      VALUES ('i1', 'A-2026-0001', '${kirishima.id}', '2026-11-24', 'phone', '', 'new', 't', 't', 'm');
    INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, created_at, machine)
      VALUES ('d1', 'k1', '${kirishima.id}', 'i1', '["faxSheet"]', 'saved', 1, 't', 'm');
  `);
  return { db, kirishima, sakura };
}

describe('migration 9: 種別 未確認', () => {
  it('keeps every clinic, its row number and what points at it, and then takes 未確認', () => {
    const { db, kirishima, sakura } = versionEightFile();
    const before = db.prepare('SELECT * FROM clinics ORDER BY seq').all();

    migrate(db, migrations.slice(0, 9));
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT * FROM clinics ORDER BY seq').all()).toEqual(before);
    expect(db.prepare('SELECT clinic_id FROM inquiries').pluck().all()).toEqual([kirishima.id]);
    expect(db.prepare('SELECT clinic_id FROM document_outputs').pluck().all()).toEqual([kirishima.id]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Today's repos read today's schema (which renumbers nothing): the rest of the way up first.
    migrate(db, migrations);
    // The search indexes point at row numbers; a renumbered copy would find the wrong clinic.
    expect(findClinics(db, { query: '霧島', limit: 10, includeArchived: false }).items.map((c) => c.id)).toEqual([kirishima.id]);
    expect(findClinics(db, { query: '0995123', limit: 10, includeArchived: false }).items.map((c) => c.id)).toEqual([kirishima.id]);
    expect(findClinics(db, { query: 'さくら病院', limit: 10, includeArchived: false }).items.map((c) => c.id)).toEqual([sakura.id]);

    const unknown = createClinic(db, clinicInputSchema.parse({ name: '種別不明クリニック', kind: 'unconfirmed' }), { machineId: 'm' });
    expect(getClinic(db, unknown.id)?.kind).toBe('unconfirmed');
    expect(() => db.prepare("UPDATE clinics SET kind = 'dental' WHERE id = ?").run(unknown.id)).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('leaves foreign keys enforced once it has run', () => {
    const { db } = versionEightFile();
    migrate(db, migrations);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("DELETE FROM clinics WHERE name = '霧島眼科'").run()).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });

  it('refuses a file whose inquiries point at a missing clinic, and leaves it at version 8', () => {
    const { db } = versionEightFile();
    db.pragma('foreign_keys = OFF');
    db.exec("UPDATE inquiries SET clinic_id = 'gone'");
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, migrations)).toThrow(/point at a clinic that is not there/);
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'clinics'").pluck().get()).not.toContain('unconfirmed');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
