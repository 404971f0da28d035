import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { mergeClinics, undoClinicMerge } from '../../electron/core/db/repos/clinicMerge.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { tempDir } from '../helpers/tempDir.ts';

const trail = migrations.findIndex((m) => m.name === 'document trail');

/** A file of the version before the trail: two clinics, an inquiry, a quote and three outputs (one sent to both clinics). */
function fileBeforeTrail(): Db {
  const db = openDatabase(path.join(tempDir(), 'before-trail.sqlite3'));
  migrate(db, migrations.slice(0, trail));
  db.exec(`
    INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES ('s1', '窓口 花子', 1, 't', 't', 'pc');
    INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by) VALUES
      ('c1', '霧島中央クリニック', 'clinic_no_beds', '霧島中央クリニック', '', 't', 't', 'pc'),
      ('c2', '霧島中央ｸﾘﾆｯｸ', 'clinic_no_beds', '霧島中央クリニック', '', 't', 't', 'pc');
    INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
      VALUES ('i1', 'A-2026-0001', 'c1', '2026-11-24', 'phone', 'new', 't', 't', 'pc');
    INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, staff_id, created_at, machine) VALUES ('q1', 'i1', '{}', 's1', 't', 'pc');
    INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts) VALUES
      ('d1', 'fax-1', 'c1', 'i1', '["inquiryFaxSheet"]', 'printed', 1, 's1', '2026-11-24T01:00:00.000Z', 'pc', '{"faxFormNumber":1}'),
      ('d2', 'mail-1', 'c1', NULL, '["flyer"]', 'saved', 2, NULL, '2026-11-25T01:00:00.000Z', 'pc', NULL),
      ('d3', 'mail-1', 'c2', NULL, '["flyer"]', 'saved', 2, NULL, '2026-11-25T01:00:00.000Z', 'pc', NULL);
  `);
  return db;
}

const blankForm = (id: string, extra = '') =>
  `INSERT INTO document_outputs (id, output_key, clinic_id, documents, action, batch_size, created_at, machine${extra ? ', sha256' : ''})
   VALUES ('${id}', 'blank-1', NULL, '["inquiryFaxSheet"]', 'printed', 1, 't', 'pc'${extra ? `, '${extra}'` : ''})`;

describe('migration "document trail": every document given, kept as written', () => {
  it('keeps every earlier output as it was, with the new columns empty', () => {
    const db = fileBeforeTrail();
    const before = db.prepare('SELECT id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts FROM document_outputs ORDER BY id').all();
    migrate(db, migrations);
    expect(db.prepare('SELECT id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts FROM document_outputs ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT content_code, content_date, rate_version, quote_id, sent_by, fax_number, sha256, actor, kept_file, inputs FROM document_outputs').all()).toEqual([
      { content_code: null, content_date: null, rate_version: null, quote_id: null, sent_by: null, fax_number: null, sha256: null, actor: null, kept_file: null, inputs: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('records a blank form with no clinic, once: saving the same blank PDF twice is still one record', () => {
    const db = fileBeforeTrail();
    migrate(db, migrations);
    db.exec(blankForm('b1'));
    expect(() => db.exec(blankForm('b2'))).toThrow(/UNIQUE constraint failed/);
    // The same PDF for a clinic is another record; printing (not saving) it is another too.
    db.exec(`INSERT INTO document_outputs (id, output_key, clinic_id, documents, action, batch_size, created_at, machine) VALUES ('b3', 'blank-1', 'c1', '["inquiryFaxSheet"]', 'printed', 1, 't', 'pc')`);
    db.exec(`INSERT INTO document_outputs (id, output_key, clinic_id, documents, action, batch_size, created_at, machine) VALUES ('b4', 'blank-1', NULL, '["inquiryFaxSheet"]', 'saved', 1, 't', 'pc')`);
    expect(db.prepare("SELECT count(*) FROM document_outputs WHERE output_key = 'blank-1'").pluck().get()).toBe(3);
    db.close();
  });

  it('refuses a hash that is not a SHA-256, a 送付方法 it does not know, a quote that is not there, a kept file outside its folder', () => {
    const db = fileBeforeTrail();
    migrate(db, migrations);
    expect(() => db.exec(blankForm('b1', 'not-a-hash'))).toThrow(/CHECK constraint failed/);
    expect(() => db.exec(`INSERT INTO document_outputs (id, output_key, documents, action, batch_size, created_at, machine, sent_by) VALUES ('x', 'k', '[]', 'saved', 1, 't', 'pc', 'pigeon')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO document_outputs (id, output_key, documents, action, batch_size, created_at, machine, quote_id) VALUES ('x', 'k', '[]', 'saved', 1, 't', 'pc', 'gone')`)).toThrow(/FOREIGN KEY/);
    // A kept file's name never leads out of the kept documents folder, whoever wrote the row.
    for (const name of ['2026/../../cyber-counter.sqlite3', '/etc/passwd', '2026/a/../../b.pdf']) {
      expect(() => db.prepare(`INSERT INTO document_outputs (id, output_key, documents, action, batch_size, created_at, machine, kept_file) VALUES ('x', 'k', '[]', 'saved', 1, 't', 'pc', ?)`).run(name), name).toThrow(/CHECK/);
    }
    db.close();
  });

  it('refuses to change or delete an output: a trail row is written once', () => {
    const db = fileBeforeTrail();
    migrate(db, migrations);
    expect(() => db.exec("UPDATE document_outputs SET sent_by = 'fax' WHERE id = 'd1'")).toThrow(/insert-only/);
    expect(() => db.exec("UPDATE document_outputs SET created_at = 'later' WHERE id = 'd1'")).toThrow(/insert-only/);
    expect(() => db.exec("DELETE FROM document_outputs WHERE id = 'd1'")).toThrow(/only 完全削除/);
    expect(db.prepare("SELECT count(*) FROM document_outputs").pluck().get()).toBe(3);
    db.close();
  });

  it('lets a clinic merge re-point outputs, and its undo point them back', () => {
    const db = fileBeforeTrail();
    migrate(db, migrations);
    db.exec(`INSERT INTO document_outputs (id, output_key, clinic_id, documents, action, batch_size, created_at, machine, sha256)
             VALUES ('d4', 'fax-2', 'c2', '["inquiryFaxSheet"]', 'printed', 1, 't', 'pc', '${'a'.repeat(64)}')`);
    const ctx = { machineId: 'pc' };
    const merge = mergeClinics(db, { keptId: 'c1', mergedId: 'c2', choices: {}, keptRevision: 1, mergedRevision: 1 }, ctx);
    // d3 is the mailing c1 already holds for the same PDF: it stays where it is (the unique rule).
    expect(db.prepare("SELECT id, clinic_id FROM document_outputs WHERE id IN ('d3', 'd4') ORDER BY id").all()).toEqual([
      { id: 'd3', clinic_id: 'c2' },
      { id: 'd4', clinic_id: 'c1' },
    ]);
    undoClinicMerge(db, merge.id, ctx);
    expect(db.prepare("SELECT clinic_id FROM document_outputs WHERE id = 'd4'").pluck().get()).toBe('c2');
    db.close();
  });

  it('lets 完全削除 remove the outputs of purged records, and only them', () => {
    const db = fileBeforeTrail();
    migrate(db, migrations);
    // An output naming the inquiry's saved quote goes with it, before the quote it names.
    db.exec(`INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, quote_id, documents, action, batch_size, created_at, machine)
             VALUES ('d5', 'quote-1', 'c1', 'i1', 'q1', '["quoteSheet"]', 'saved', 1, 't', 'pc')`);
    db.exec("UPDATE inquiries SET archived_at = 't' WHERE id = 'i1'; UPDATE clinics SET archived_at = 't' WHERE id = 'c2'");
    purgeArchived(db);
    expect(db.prepare('SELECT id FROM document_outputs ORDER BY id').pluck().all()).toEqual(['d2']);
    expect(db.prepare('SELECT erasing FROM audit_erasing').pluck().get()).toBe(0);
    expect(() => db.exec("DELETE FROM document_outputs WHERE id = 'd2'")).toThrow(/only 完全削除/);
    db.close();
  });
});
