import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrations } from '../../../electron/core/db/migrations/index.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import { progress } from './scenario.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cacheRoot = path.join(os.tmpdir(), 'cyber-counter-bench-cache');

/**
 * A data folder holding `count` institutions made by `npm run seed` with this seed, kept under
 * the system temp dir so later runs of the bench reuse it. Keyed by count, seed, schema version
 * and the sources of the generator and of `npm run seed`, so that a change to any of them makes a new one.
 */
export function seededDataDir(count: number, seed: number): string {
  const hash = createHash('sha256');
  for (const source of ['electron/core/db/seed/generateClinics.ts', 'electron/cli/seed.ts']) hash.update(fs.readFileSync(path.join(repoRoot, source)));
  const key = hash.digest('hex').slice(0, 8);
  const dir = path.join(cacheRoot, `clinics-${count}-seed${seed}-schema${migrations.length}-gen${key}`);
  if (fs.existsSync(path.join(dir, 'complete'))) return dir;

  fs.mkdirSync(cacheRoot, { recursive: true });
  const building = fs.mkdtempSync(`${dir}.building-`);
  progress(`generating ${count.toLocaleString()} institutions with npm run seed (seed ${seed}), cached in ${dir}`);
  const started = performance.now();
  execFileSync(process.execPath, [path.join(repoRoot, 'electron/cli/seed.ts'), '--count', String(count), '--data-dir', building, '--seed', String(seed)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  progress(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  fs.rmSync(path.join(building, 'logs'), { recursive: true, force: true });
  fs.writeFileSync(path.join(building, 'complete'), '');
  try {
    fs.renameSync(building, dir);
  } catch {
    // Another bench run finished the same folder first: theirs is as good as ours.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** The database file of a seeded data folder. */
export const seededDatabase = (count: number, seed: number) => path.join(seededDataDir(count, seed), databaseFileName);
