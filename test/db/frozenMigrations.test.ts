import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { snapshotEachMigration, type MigrationSnapshot } from '../helpers/migrationSnapshots.ts';

// Made once by test/helpers/makeMigrationSnapshots.ts from the migrations of commit 5945e58: 1-6
// as they were before the freeze (each importing the domain code of its day; the same output as
// at d8150d6), 7 as it shipped. A new migration is added to the fixture the same way once, from
// the commit that ships it; the entries already there never change.
const before = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/migrationSnapshots.json'), 'utf8')) as MigrationSnapshot[];

describe('frozen migrations', () => {
  const now = snapshotEachMigration(migrations);

  it('cover every migration the fixture knows', () => {
    expect(now.map((s) => s.version).slice(0, before.length)).toEqual(before.map((s) => s.version));
  });

  for (const expected of before) {
    it(`migration ${expected.version} makes the same schema as before the freeze`, () => {
      expect(now[expected.version - 1]!.schema).toEqual(expected.schema);
    });

    it(`migration ${expected.version} leaves the same rows and search index entries as before the freeze`, () => {
      expect(now[expected.version - 1]!.data).toEqual(expected.data);
    });
  }
});
