import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, createClinics, getClinic, setClinicArchived, updateClinic, getClinicFields } from '../../electron/core/db/repos/clinicRecords.ts';
import { clinicMunicipalities, findClinics, type ClinicSearch } from '../../electron/core/db/repos/clinicSearch.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { municipalityOf } from '../../electron/core/postal/municipalityOf.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { tempDir } from '../helpers/tempDir.ts';

const ctx = { machineId: 'test-machine' };

function registerOf(count: number): Db {
  const db = openDatabase(path.join(tempDir(), 'list.sqlite3'));
  migrate(db, migrations);
  createClinics(db, generateClinics(count).map((fields) => ({ fields })), ctx);
  return db;
}

/** Every page of a search, read as the list reads them while it is scrolled. */
function allPages(db: Db, search: Omit<ClinicSearch, 'offset' | 'limit'>, limit = 100): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = findClinics(db, { ...search, limit, offset });
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < limit) return ids;
  }
}

describe('the clinic list past its first page', () => {
  it('counts the whole register when nothing is typed, and pages reach its last clinic', () => {
    const db = registerOf(1500);
    const first = findClinics(db, { query: '', limit: 100, includeArchived: false });
    expect(first).toMatchObject({ total: 1500, capped: false });
    const ids = allPages(db, { query: '', includeArchived: false });
    expect(ids).toHaveLength(1500);
    expect(new Set(ids).size).toBe(1500);
    db.close();
  });

  it('pages a search in one order without repeating or losing a clinic, the exact and prefix matches first', () => {
    const db = registerOf(1500);
    for (const name of ['西医院の分院', '医院', '医院前クリニック']) createClinic(db, clinicInputSchema.parse({ name }), ctx);
    const search = { query: '医院', includeArchived: false };
    const paged = allPages(db, search, 50);
    const whole = findClinics(db, { ...search, limit: 200, countCap: 100_000 });
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.slice(0, 200)).toEqual(whole.items.map((c) => c.id));
    const names = paged.map((id) => getClinic(db, id)!.name);
    expect(names[0]).toBe('医院');
    const prefixed = names.findIndex((n) => !n.startsWith('医院'));
    expect(names.slice(1, prefixed).every((n) => n.startsWith('医院'))).toBe(true);
    expect(names.slice(prefixed).some((n) => n.startsWith('医院'))).toBe(false);
    expect(names).toContain('西医院の分院');
    db.close();
  });

  it('says 「1,000件以上」 for words typed only past a thousand matches', () => {
    const db = registerOf(3000);
    // Every seeded address is in 鹿児島県.
    const many = findClinics(db, { query: '鹿児島県', limit: 100, includeArchived: false });
    expect(many.capped).toBe(true);
    expect(many.total).toBe(1000);
    const few = findClinics(db, { query: '桜島の丘', limit: 100, includeArchived: false });
    expect(few.capped).toBe(false);
    expect(few.total).toBe(allPages(db, { query: '桜島の丘', includeArchived: false }).length);
    db.close();
  });
});

describe('市町村', () => {
  it('is derived when a clinic is saved and again when its address changes', () => {
    const db = registerOf(0);
    const clinic = createClinic(db, clinicInputSchema.parse({ name: '栗野医院', postalCode: '899-6201' }), ctx);
    expect(clinic.municipality).toBe('湧水町');
    const moved = updateClinic(db, clinic.id, { ...getClinicFields(db, clinic.id)!, postalCode: '', address: '霧島市国分中央3-1' }, ctx, clinic.revision);
    expect(moved.municipality).toBe('霧島市');
    db.close();
  });

  it('filters the list, alone or with words typed, and lists the municipalities the register holds with their counts', () => {
    const db = registerOf(600);
    const listed = clinicMunicipalities(db, municipalityOf.codeOf);
    expect(listed.reduce((sum, m) => sum + m.count, 0)).toBe(findClinics(db, { query: '', limit: 1, includeArchived: false }).total);
    // The prefecture's own order: the capital first.
    expect(listed[0]!.name).toBe('鹿児島市');
    const town = listed.find((m) => m.name !== '鹿児島市')!;
    const inTown = allPages(db, { query: '', includeArchived: false, municipality: town.name });
    expect(inTown).toHaveLength(town.count);
    expect(inTown.every((id) => getClinic(db, id)!.municipality === town.name)).toBe(true);
    const word = getClinic(db, inTown[0]!)!.name.slice(0, 2);
    const found = findClinics(db, { query: word, limit: 200, includeArchived: false, municipality: town.name });
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((c) => c.municipality === town.name)).toBe(true);
    // Archived clinics leave the filter's counts.
    setClinicArchived(db, inTown[0]!, true, ctx);
    expect(clinicMunicipalities(db, municipalityOf.codeOf).find((m) => m.name === town.name)?.count ?? 0).toBe(town.count - 1);
    db.close();
  });

  it('lists a 市町村 from its index, newest first, not by reading every clinic', () => {
    const db = registerOf(200);
    const sql = `SELECT c.seq FROM clinics c WHERE 1 AND c.archived_at IS NULL AND c.municipality = @municipality ORDER BY c.updated_at DESC LIMIT 50`;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ municipality: '霧島市' }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING INDEX clinics_municipality/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
