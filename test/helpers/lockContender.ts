/**
 * One process racing for a data folder's lock, for the lock race test: waits for the start time
 * given, tries to take the lock, prints "held" or "refused", and leaves a mark that it has tried.
 * A winner keeps the lock until every contender has tried, so two winners would always overlap.
 * Usage: node test/helpers/lockContender.ts <dataDir> <startAtEpochMs> <contenders>
 */
import fs from 'node:fs';
import path from 'node:path';
import { acquireDataDirLock } from '../../electron/core/lock.ts';

const [dataDir, startAt, contenders] = process.argv.slice(2) as [string, string, string];
const marks = path.join(dataDir, 'tried');
while (Date.now() < Number(startAt)) {
  // Spin: the contenders should reach the lock as close together as possible.
}
let lock: ReturnType<typeof acquireDataDirLock> | undefined;
try {
  lock = acquireDataDirLock(dataDir);
  process.stdout.write('held');
} catch (error) {
  process.stdout.write((error as { code?: string }).code === 'DB_LOCKED' ? 'refused' : `error ${String(error)}`);
}
fs.mkdirSync(marks, { recursive: true });
fs.writeFileSync(path.join(marks, String(process.pid)), '');
const everyoneTried = () => fs.readdirSync(marks).length >= Number(contenders);
const until = Date.now() + 30_000;
const wait = setInterval(() => {
  if (everyoneTried() || Date.now() > until) {
    clearInterval(wait);
    lock?.release();
  }
}, 10);
