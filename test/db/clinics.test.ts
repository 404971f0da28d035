import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, createClinics, getClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import type { ClinicFields } from '../../shared/domain/clinic.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { tempDir } from '../helpers/tempDir.ts';

const ctx = { machineId: 'test-machine' };

function freshDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'clinics.sqlite3'));
  migrate(db, migrations);
  return db;
}

function fields(partial: Partial<ClinicFields> & { name: string }): ClinicFields {
  return { nameKana: '', kind: 'clinic_no_beds', bedCount: 0, postalCode: '', address: '', phone: '', fax: '', contactPerson: '', memberNumber: '', memo: '', ...partial };
}

const search = (db: Db, query: string) => findClinics(db, { query, limit: 50, includeArchived: false });

describe('clinic records', () => {
  it('stores names exactly as typed, rare kanji and ㈱ included', () => {
    const db = freshDb();
    for (const name of ['髙橋内科', '山﨑医院', '𠮷田クリニック', '㈱メディカル診療所']) {
      const saved = createClinic(db, fields({ name }), ctx);
      expect(getClinic(db, saved.id)?.name).toBe(name);
    }
  });

  it('gives every clinic a UUID, times and the machine that wrote it', () => {
    const db = freshDb();
    const saved = createClinic(db, fields({ name: '中央クリニック' }), ctx);
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(saved.createdAt).toBe(saved.updatedAt);
    expect(saved.updatedByMachine).toBe('test-machine');
    expect(saved.archivedAt).toBeNull();
  });

  it('finds a katakana clinic by half-width katakana, hiragana and katakana', () => {
    const db = freshDb();
    createClinic(db, fields({ name: 'カゴシマ中央クリニック', nameKana: 'かごしまちゅうおうくりにっく' }), ctx);
    createClinic(db, fields({ name: '霧島眼科', nameKana: 'きりしまがんか' }), ctx);
    for (const query of ['ｶｺﾞｼﾏ', 'かごしま', 'カゴシマ']) {
      expect(search(db, query).items.map((c) => c.name)).toEqual(['カゴシマ中央クリニック']);
    }
  });

  it('finds a clinic by phone digits typed without hyphens', () => {
    const db = freshDb();
    createClinic(db, fields({ name: '医師会館診療所', phone: '099-254-8126' }), ctx);
    expect(search(db, '0992548126').items).toHaveLength(1);
    expect(search(db, '254-81').items).toHaveLength(1);
    expect(search(db, '0992548127').items).toHaveLength(0);
  });

  it('finds two-character substrings anywhere in the name, such as 眼科 or 田中', () => {
    const db = freshDb();
    createClinic(db, fields({ name: '霧島眼科' }), ctx);
    createClinic(db, fields({ name: '医療法人田中会 田中病院', kind: 'hospital', bedCount: 40 }), ctx);
    expect(search(db, '眼科').items.map((c) => c.name)).toEqual(['霧島眼科']);
    expect(search(db, '田中').items.map((c) => c.name)).toEqual(['医療法人田中会 田中病院']);
  });

  it('matches one character only at the start of the name or ふりがな', () => {
    const db = freshDb();
    createClinic(db, fields({ name: '田上医院', nameKana: 'たがみいいん' }), ctx);
    createClinic(db, fields({ name: '山田医院', nameKana: 'やまだいいん' }), ctx);
    expect(search(db, '田').items.map((c) => c.name)).toEqual(['田上医院']);
    expect(search(db, 'た').items.map((c) => c.name)).toEqual(['田上医院']);
  });

  it('lists the exact name first, then names that start with the query, then the rest', () => {
    const db = freshDb();
    createClinic(db, fields({ name: '西田中眼科' }), ctx);
    createClinic(db, fields({ name: '田中眼科クリニック' }), ctx);
    createClinic(db, fields({ name: '田中眼科' }), ctx);
    expect(search(db, '田中眼科').items.map((c) => c.name)).toEqual(['田中眼科', '田中眼科クリニック', '西田中眼科']);
  });

  it('counts exactly up to the cap and then says there are more', () => {
    const db = freshDb();
    createClinics(db, Array.from({ length: 30 }, (_, i) => ({ fields: fields({ name: `テスト医院${i}` }) })), ctx);
    expect(findClinics(db, { query: 'テスト', limit: 5, includeArchived: false, countCap: 100 })).toMatchObject({ total: 30, capped: false });
    const capped = findClinics(db, { query: 'テスト', limit: 5, includeArchived: false, countCap: 10 });
    expect(capped).toMatchObject({ total: 10, capped: true });
    expect(capped.items).toHaveLength(5);
  });

  it('answers every keystroke query from an index, never a table scan', () => {
    const db = freshDb();
    createClinics(db, generateClinics(200).map((f) => ({ fields: f })), ctx);
    const plans: string[] = [];
    const original = db.prepare.bind(db);
    // Record the plan of every statement findClinics prepares.
    (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
      if (/^\s*SELECT/i.test(sql)) {
        const rows = original(`EXPLAIN QUERY PLAN ${sql}`).all({ q: 'たなか', upper: 'たなが', match: '"たな なか"', limit: 50, seqs: '[1]' }) as { detail: string }[];
        plans.push(rows.map((r) => r.detail).join(' | '));
      }
      return original(sql);
    }) as typeof db.prepare;
    search(db, 'たなか');
    search(db, 'たな');
    (db as { prepare: typeof db.prepare }).prepare = original;
    expect(plans.length).toBeGreaterThan(2);
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN c(?! USING)/);
      expect(plan).toMatch(/USING INDEX|VIRTUAL TABLE INDEX|USING INTEGER PRIMARY KEY|USING COVERING INDEX/);
    }
  });
});
