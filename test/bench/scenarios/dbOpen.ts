/**
 * Opening the database as the core does (electron/core/db/connection.ts openDatabase, then
 * migrate, then the first read): a new file migrated from empty, and a file holding 200,000
 * generated institutions. The whole core (openCore: content packs, lock, handlers, jobs) is
 * timed too, for information.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection.ts';
import { migrate } from '../../../electron/core/db/migrate.ts';
import { migrations } from '../../../electron/core/db/migrations/index.ts';
import { readMachineId } from '../../../electron/core/db/repos/settings.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import { openBenchCore, scratchDir } from '../support/benchCore.ts';
import { seededDatabase } from '../support/seededDatabase.ts';
import { progress, runScenario } from '../support/scenario.ts';
import { since, summarize } from '../support/stats.ts';

const institutions = Number(process.env.BENCH_SEARCH_ROWS ?? 200_000);
const seed = Number(process.env.BENCH_SEED ?? 46);
const runs = 15;

/** Open, migrate and the first read (the machine id, as openCore reads it first). */
function openAndRead(file: string): number {
  const started = performance.now();
  const db = openDatabase(file, { newestKnownVersion: migrations.length });
  migrate(db, migrations);
  readMachineId(db);
  const ms = since(started);
  db.close();
  return ms;
}

runScenario('dbOpen', async () => {
  const dir = scratchDir('open');
  // Once untimed, so that module loading is not counted as opening.
  openAndRead(path.join(dir, 'warm-up.sqlite3'));
  const empty = Array.from({ length: runs }, (_, i) => openAndRead(path.join(dir, `empty-${i}.sqlite3`)));

  const large = seededDatabase(institutions, seed);
  const { n } = (() => {
    const db = openDatabase(large);
    try {
      return db.prepare('SELECT count(*) AS n FROM clinics').get() as { n: number };
    } finally {
      db.close();
    }
  })();
  const full = Array.from({ length: runs }, () => openAndRead(large));

  // The whole core, for information: on an empty folder and on a copy of the large file.
  const coreMs = async (dataDir: string) => {
    const started = performance.now();
    const core = await openBenchCore(dataDir);
    const ms = since(started);
    await core.close();
    return ms;
  };
  const emptyCore: number[] = [];
  for (let i = 0; i < 5; i++) emptyCore.push(await coreMs(path.join(dir, `core-empty-${i}`)));
  const largeDir = path.join(dir, 'core-large');
  fs.mkdirSync(largeDir);
  fs.copyFileSync(large, path.join(largeDir, databaseFileName));
  const largeCore: number[] = [];
  for (let i = 0; i < 5; i++) largeCore.push(await coreMs(largeDir));
  progress(`empty ${summarize(empty).median} ms, ${n.toLocaleString()} institutions ${summarize(full).median} ms`);

  const emptyMs = summarize(empty);
  const largeMs = summarize(full);
  return {
    pass: emptyMs.median <= 50 && largeMs.median <= 200,
    target: 'open + migrate from empty ≤ 50 ms; open of a 200,000-institution file ≤ 200 ms',
    emptyMs,
    largeMs,
    institutions: n,
    largeFileMb: Math.round(fs.statSync(large).size / 1e6),
    reference: null,
    ratio: { empty: Math.round((emptyMs.median / 50) * 1000) / 1000, large: Math.round((largeMs.median / 200) * 1000) / 1000 },
    openCoreMs: { empty: summarize(emptyCore), large: summarize(largeCore) },
    note: 'openDatabase (WAL, foreign keys, synchronous=FULL) + migrate + first read, in a warm process; the OS file cache is warm (the file was just made or used)',
  };
});
