/**
 * `npm run seed -- --count <n> [--data-dir <dir>] [--seed <n>]`
 * Adds n generated institutions to the database in the data folder (for demos, tests and the
 * benchmark). Deterministic for a given seed. Refuses while the app has the folder open.
 */
import path from 'node:path';
import { openDatabase } from '../core/db/connection.ts';
import { migrate } from '../core/db/migrate.ts';
import { migrations } from '../core/db/migrations/index.ts';
import { createClinics } from '../core/db/repos/clinicRecords.ts';
import { mergeSearchIndexes } from '../core/db/repos/clinicSearchIndex.ts';
import { generateClinics } from '../core/db/seed/generateClinics.ts';
import { AppError } from '../core/errors.ts';
import { acquireDataDirLock } from '../core/lock.ts';
import { databaseFileName, defaultDataDir } from '../core/paths.ts';
import { parseArgs } from './args.ts';

const batchSize = 10_000;

function main(): void {
  const { values } = parseArgs(process.argv.slice(2), { values: ['count', 'data-dir', 'seed'], flags: [] });
  const count = Number(values.get('count') ?? 1000);
  const seed = Number(values.get('seed') ?? 46);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new Error('--count は 1〜1,000,000 の整数で指定してください');
  const dataDir = path.resolve(values.get('data-dir') ?? defaultDataDir());
  const lock = acquireDataDirLock(dataDir);
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    db = openDatabase(path.join(dataDir, databaseFileName), { newestKnownVersion: migrations.length });
    migrate(db, migrations);
    const started = performance.now();
    const machineId = (db.prepare("SELECT value FROM app_meta WHERE key = 'machine_id'").get() as { value: string }).value;
    const existing = (db.prepare('SELECT count(*) AS n FROM clinics').get() as { n: number }).n;
    const rows = generateClinics(count, seed, existing);
    for (let i = 0; i < rows.length; i += batchSize) {
      createClinics(db, rows.slice(i, i + batchSize).map((fields) => ({ fields })), { machineId });
      process.stderr.write(`\r${Math.min(i + batchSize, count).toLocaleString('ja-JP')} / ${count.toLocaleString('ja-JP')} 件`);
    }
    mergeSearchIndexes(db);
    db.pragma('optimize');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write('\n');
    console.log(`${count.toLocaleString('ja-JP')} 件の医療機関を作成しました (${seconds} s): ${dataDir}`);
  } finally {
    db?.close();
    lock.release();
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof AppError ? error.message : `作成できませんでした: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
