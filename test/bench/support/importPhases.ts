/**
 * Where an import's time and memory go, step by step, in one thread: the steps of the import
 * worker (clinicsCsvImport.worker.ts) called one after another on the country roster, each timed,
 * with the heap and RSS after it. For finding what to make faster, not a target:
 * `BENCH_ROSTER_ROWS=200000 node test/bench/support/importPhases.ts`. Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection.ts';
import { clinicMatchLookup, writeClinicImport } from '../../../electron/core/db/repos/clinicImport.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import { decodeCsvBytes, detectDelimiter, parseCsvRecords } from '../../../electron/core/text/csvText.ts';
import type { ClinicFields } from '../../../shared/domain/clinic.ts';
import { readClinicRow, suggestMapping } from '../../../shared/domain/clinicCsvImport.ts';
import { findClinicMatch, matchKeys } from '../../../shared/domain/clinicMatch.ts';
import { scratchDir, seedDataDir } from './benchCore.ts';
import { importInstitutions, rosterOf } from './importList.ts';
import { round, since } from './stats.ts';

const rows = Number(process.env.BENCH_ROSTER_ROWS ?? 200_000);
const seed = Number(process.env.BENCH_SEED ?? 46);

const { registered, listed } = importInstitutions(2_000, rows, seed);
for (const clinic of registered) clinic.memberNumber = clinic.memberNumber && `R${clinic.memberNumber}`;
const work = scratchDir('phases');
const listPath = path.join(work, 'roster.csv');
fs.writeFileSync(listPath, rosterOf(listed));
seedDataDir(work, registered);
global.gc?.();

const steps: Record<string, { ms: number; heapMb: number; rssMb: number }> = {};
function step<T>(name: string, run: () => T): T {
  const started = performance.now();
  const value = run();
  const ms = since(started);
  const { heapUsed, rss } = process.memoryUsage();
  steps[name] = { ms: round(ms), heapMb: Math.round(heapUsed / 2 ** 20), rssMb: Math.round(rss / 2 ** 20) };
  process.stderr.write(`  ${name}: ${ms.toFixed(0)} ms, heap ${steps[name].heapMb} MB, rss ${steps[name].rssMb} MB\n`);
  return value;
}

const bytes = step('readFile', () => fs.readFileSync(listPath));
const { text } = step('decode', () => decodeCsvBytes(bytes));
const delimiter = step('detectDelimiter', () => detectDelimiter(text));
const records = step('parse', () => parseCsvRecords(text, delimiter));
const mapping = suggestMapping(records[0]!);
const body = records.slice(1);
const read = step('readRows', () => body.map((cells) => readClinicRow(cells, mapping)));
const db = openDatabase(path.join(work, databaseFileName));
const lookup = step('buildLookup', () => clinicMatchLookup(db));
const keys = step('matchKeys', () => read.map((r) => (r.ok ? matchKeys(r.fields) : undefined)));
const matched = step('findMatch', () => keys.filter((k) => k && findClinicMatch({ keys: k }, lookup)).length);
const inserts = read.flatMap((r) => (r.ok ? [{ fields: r.fields as ClinicFields }] : []));
step('write', () => writeClinicImport(db, { inserts, updates: [] }, { machineId: 'bench', staffId: null }));
db.close();

process.stdout.write(`${JSON.stringify({ rows, listBytes: bytes.length, rejected: read.filter((r) => !r.ok).length, matched, steps })}\n`);
