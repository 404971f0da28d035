/**
 * Writes what each migration of some commit produces (test/fixtures/migrationSnapshots.json),
 * for the frozen-migrations test. Run it on the migrations of the commit to compare against:
 *
 *   git archive <commit> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   node test/helpers/makeMigrationSnapshots.ts /tmp/before/electron/core/db/migrations/index.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { snapshotEachMigration } from './migrationSnapshots.ts';

const [indexFile, out = path.join(import.meta.dirname, '../fixtures/migrationSnapshots.json')] = process.argv.slice(2);
if (!indexFile) throw new Error('usage: makeMigrationSnapshots.ts <migrations/index.ts> [out.json]');
const { migrations } = (await import(pathToFileURL(path.resolve(indexFile)).href)) as { migrations: Parameters<typeof snapshotEachMigration>[0] };
fs.writeFileSync(out, JSON.stringify(snapshotEachMigration(migrations), null, 1) + '\n');
console.log(`${migrations.length} migrations -> ${out}`);
