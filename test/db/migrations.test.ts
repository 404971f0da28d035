import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { databaseFileName } from '../../electron/core/paths.ts';
import { openTestCore } from '../helpers/openTestCore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('database migrations', () => {
  it('brings an empty file to the newest schema with WAL, foreign keys and full sync', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite3'));
    const { from, to } = migrate(db, migrations);
    expect(from).toBe(0);
    expect(to).toBe(migrations.length);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['app_meta', 'clinics', 'clinic_search']));
    db.close();
  });

  it('runs nothing the second time', () => {
    const db = openDatabase(path.join(tempDir(), 'b.sqlite3'));
    migrate(db, migrations);
    const again = migrate(db, migrations);
    expect(again.from).toBe(again.to);
    db.close();
  });

  it('leaves the file at the old version when a migration fails halfway', () => {
    const db = openDatabase(path.join(tempDir(), 'c.sqlite3'));
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up(d: Database.Database) {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('disk full');
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database made by a newer version of the app, in Japanese, without touching it', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, databaseFileName);
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    await expect(openTestCore(dataDir)).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining('新しいバージョン') });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The refused open must not keep the folder locked.
    expect(fs.existsSync(path.join(dataDir, 'cyber-counter.lock'))).toBe(false);
  });
});

describe('migration 1 (initial)', () => {
  it('gives an empty file a machine id and a clinic table that accepts the five kinds only', () => {
    const db = openDatabase(path.join(tempDir(), 'v0.sqlite3'));
    expect(migrate(db, migrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const machine = db.prepare("SELECT value FROM app_meta WHERE key = 'machine_id'").pluck().get();
    expect(machine).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const insert = db.prepare(
      `INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by) VALUES (?, '中央医院', ?, '中央医院', '', 't', 't', 'm')`,
    );
    for (const [i, kind] of ['clinic_no_beds', 'clinic_with_beds', 'hospital', 'geriatric_facility', 'other'].entries()) insert.run(`c${i}`, kind);
    expect(() => insert.run('c9', 'pharmacy')).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 2 (records)', () => {
  it('keeps every clinic of a version-1 file, indexes its phone digits and makes it findable', () => {
    const file = path.join(tempDir(), 'v1.sqlite3');
    const db = openDatabase(file);
    migrate(db, migrations.slice(0, 1));
    db.prepare(
      `INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, name_norm, kana_norm, created_at, updated_at, updated_by)
       VALUES ('0190a000-0000-7000-8000-000000000001', '𠮷田医院', 'よしだいいん', 'clinic_with_beds', 12, '890-0053', '鹿児島県鹿児島市中央町8-1', '(099)254-8126', '', '𠮷田医院', 'よしだいいん', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'old')`,
    ).run();
    db.close();

    const reopened = openDatabase(file);
    expect(migrate(reopened, migrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
    const row = reopened.prepare('SELECT name, bed_count, phone, phone_digits, member_number, memo FROM clinics').get();
    expect(row).toEqual({ name: '𠮷田医院', bed_count: 12, phone: '(099)254-8126', phone_digits: '0992548126', member_number: '', memo: '' });
    const hits = reopened.prepare("SELECT rowid FROM clinic_search WHERE clinic_search MATCH '\"09 99 92 25 54\"'").all();
    expect(hits).toHaveLength(1);
    expect(reopened.prepare("SELECT value FROM app_meta WHERE key = 'receipt_prefix'").get()).toEqual({ value: 'A' });
    reopened.close();
  });
});

describe('migration 6 (trigram search)', () => {
  it('makes the clinics of a version-5 file findable by three or more characters, as before by two', () => {
    const file = path.join(tempDir(), 'v5.sqlite3');
    const db = openDatabase(file);
    migrate(db, migrations.slice(0, 5));
    db.prepare(
      `INSERT INTO clinics (id, name, name_kana, kind, address, phone, fax, member_number, name_norm, kana_norm, phone_digits, created_at, updated_at, updated_by)
       VALUES ('c1', '髙田眼科クリニック', 'たかだがんか', 'clinic_no_beds', '鹿児島市中央町8-1', '099-254-8126', '099-254-8127', 'Ａ－０１２', '髙田眼科くりにっく', 'たかだがんか', '0992548126', 't', 't', 'm')`,
    ).run();
    db.close();

    const reopened = openDatabase(file);
    expect(migrate(reopened, migrations.slice(0, 6))).toEqual({ from: 5, to: 6 });
    const trigramHits = (column: string, text: string) =>
      reopened.prepare(`SELECT rowid FROM clinic_trigrams WHERE clinic_trigrams MATCH ?`).pluck().all(`${column} : "${text}"`);
    // Normalised as the search normalises a query: katakana as hiragana, no hyphens, half-width digits.
    expect(trigramHits('name', '眼科くり')).toEqual([1]);
    expect(trigramHits('address', '中央町81')).toEqual([1]);
    expect(trigramHits('fax', '2548127')).toEqual([1]);
    expect(trigramHits('member', 'a012')).toEqual([1]);
    expect(trigramHits('name', '眼科医院')).toEqual([]);
    expect(reopened.prepare('SELECT name, phone FROM clinics').get()).toEqual({ name: '髙田眼科クリニック', phone: '099-254-8126' });
    reopened.close();
  });
});

describe('migration 3 (quotes)', () => {
  it('keeps the inquiries of a version-2 file and adds an empty quote list to each', () => {
    const file = path.join(tempDir(), 'v2.sqlite3');
    const db = openDatabase(file);
    migrate(db, migrations.slice(0, 2));
    db.exec(`
      INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
        VALUES ('c1', '中央医院', 'clinic_no_beds', '中央医院', '', 't', 't', 'm');
      INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
        VALUES ('i1', 'A-2026-0001', 'c1', '2026-11-24', 'phone', 'new', 't', 't', 'm');
    `);
    db.close();
    const reopened = openDatabase(file);
    expect(migrate(reopened, migrations.slice(0, 3))).toEqual({ from: 2, to: 3 });
    expect(reopened.prepare('SELECT receipt_number FROM inquiries').get()).toEqual({ receipt_number: 'A-2026-0001' });
    expect(reopened.prepare("SELECT count(*) AS n FROM inquiry_quotes WHERE inquiry_id = 'i1'").get()).toEqual({ n: 0 });
    reopened.close();
  });
});

/** A clinic with an inquiry and a saved quote, as the schema of versions 3 to 6 stores them. */
const clinicInquiryAndQuote = `
      INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
        VALUES ('c1', '中央医院', 'clinic_no_beds', '中央医院', '', 't', 't', 'm');
      INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
        VALUES ('i1', 'A-2026-0001', 'c1', '2026-11-24', 'phone', 'new', 't', 't', 'm');
      INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, created_at, machine) VALUES ('q1', 'i1', '{"monthlyYen":1111}', 't', 'm');
`;

/** A closed database file at `version` holding what `seedSql` inserts, for the next step to upgrade. */
function fileAtVersion(version: number, seedSql: string): string {
  const file = path.join(tempDir(), `v${version}.sqlite3`);
  const db = openDatabase(file);
  migrate(db, migrations.slice(0, version));
  db.exec(seedSql);
  db.close();
  return file;
}

describe('migration 4 (content changes)', () => {
  it('keeps saved quotes of a version-3 file and starts with no content changes', () => {
    const file = fileAtVersion(3, clinicInquiryAndQuote);
    const reopened = openDatabase(file);
    expect(migrate(reopened, migrations.slice(0, 4))).toEqual({ from: 3, to: 4 });
    expect(reopened.prepare('SELECT snapshot FROM inquiry_quotes').get()).toEqual({ snapshot: '{"monthlyYen":1111}' });
    expect(reopened.prepare('SELECT count(*) AS n FROM content_changes').get()).toEqual({ n: 0 });
    reopened.close();
  });
});

describe('migration 5 (document outputs)', () => {
  it('keeps the records of a version-4 file and records a document once per clinic, file and action', () => {
    const file = fileAtVersion(
      4,
      `${clinicInquiryAndQuote}
      INSERT INTO content_changes (id, kind, label, file_name, installed_at, machine) VALUES ('cc1', 'rates', '2026年度', 'rates.csv', 't', 'm');`,
    );
    const reopened = openDatabase(file);
    expect(migrate(reopened, migrations.slice(0, 5))).toEqual({ from: 4, to: 5 });
    expect(reopened.prepare('SELECT receipt_number FROM inquiries').pluck().all()).toEqual(['A-2026-0001']);
    expect(reopened.prepare('SELECT snapshot FROM inquiry_quotes').pluck().all()).toEqual(['{"monthlyYen":1111}']);
    expect(reopened.prepare('SELECT label FROM content_changes').pluck().all()).toEqual(['2026年度']);
    expect(reopened.prepare('SELECT count(*) FROM document_outputs').pluck().get()).toBe(0);
    const output = reopened.prepare(
      `INSERT OR IGNORE INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, created_at, machine)
       VALUES (?, 'k1', ?, 'i1', '["cover"]', 'saved', 1, 't', 'm')`,
    );
    output.run('d1', 'c1');
    output.run('d2', 'c1');
    expect(reopened.prepare('SELECT id FROM document_outputs').pluck().all()).toEqual(['d1']);
    // Only clinics that exist: foreign keys are on.
    expect(() => output.run('d3', 'no-such-clinic')).toThrow(/FOREIGN KEY/);
    reopened.close();
  });
});

describe('upgrading the data folder', () => {
  it('backs up the file as it was before migrating it', async () => {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, databaseFileName));
    migrate(db, migrations.slice(0, 1));
    db.close();
    await openTestCore(dataDir);
    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^backup-\d{8}T\d{6}Z-before-migration\.sqlite3$/);
    const copy = new Database(path.join(dataDir, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('makes no backup for a new, empty data folder', async () => {
    const dataDir = tempDir();
    await openTestCore(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });
});
