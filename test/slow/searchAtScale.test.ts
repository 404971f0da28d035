import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch.ts';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import fs from 'node:fs';
import os from 'node:os';

// About every medical institution in Japan: the size the search must keep up with.
const rows = 200_000;
let db: Db;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-scale-'));
  db = openDatabase(path.join(dir, 'scale.sqlite3'));
  migrate(db, migrations);
  const all = generateClinics(rows);
  for (let i = 0; i < all.length; i += 20_000) {
    createClinics(db, all.slice(i, i + 20_000).map((fields) => ({ fields })), { machineId: 'seed' });
  }
  // The oracle: a plain scan over normalised text, as slow and as obviously right as it gets.
  db.function('norm', { deterministic: true }, (text: unknown) => normalizeForSearch(String(text ?? '')));
  return () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});

function scanCount(query: string): number {
  const q = `%${normalizeForSearch(query)}%`;
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM clinics WHERE archived_at IS NULL AND (
         name_norm LIKE @q OR kana_norm LIKE @q OR norm(address) LIKE @q OR phone_digits LIKE @q
         OR norm(fax) LIKE @q OR norm(member_number) LIKE @q)`,
    )
    .get({ q }) as { n: number };
  return n;
}

function indexed(query: string, countCap = rows) {
  return findClinics(db, { query, limit: 50, includeArchived: false, countCap });
}

describe(`search over ${rows.toLocaleString()} generated institutions`, () => {

  for (const query of ['田中', '眼科', 'ﾀﾅｶ', '0992', 'さくら苑', '霧島市']) {
    it(`finds exactly what a full scan finds for 「${query}」`, () => {
      const result = indexed(query);
      expect(result.total).toBe(scanCount(query));
      expect(result.total).toBeGreaterThan(0);
      const q = normalizeForSearch(query);
      for (const c of result.items) {
        const haystack = [c.name, c.nameKana, c.address, c.phone, c.fax, c.memberNumber].map(normalizeForSearch).join('\n');
        expect(haystack).toContain(q);
      }
    });
  }

  it('caps the count at 1,000 and says so', () => {
    expect(findClinics(db, { query: '鹿児島', limit: 50, includeArchived: false })).toMatchObject({ total: 1000, capped: true });
  });

  it('puts the exact name first for a common name', () => {
    const result = indexed('田中眼科');
    expect(result.items[0]?.name).toBe('田中眼科');
  });
});
