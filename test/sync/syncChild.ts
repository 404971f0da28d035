/**
 * A machine in a process of its own, for the crash test: opens a data folder, starts sharing with
 * the hub, then saves clinics one after another, printing "saved <n>" after each, until killed.
 * Usage: node test/sync/syncChild.ts <dataDir> <dbUrl> <user> <password> <count>
 */
import { openCore } from '../../electron/core/openCore.ts';

const [dataDir, dbUrl, user, password, count] = process.argv.slice(2) as [string, string, string, string, string];
const core = await openCore({ dataDir, mode: 'preview' });
core.sync.start({ dbUrl, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, agent: undefined });
for (let n = 1; n <= Number(count); n++) {
  const saved = await core.dispatch('clinics.create', { name: `巡回先クリニック${n}` });
  if (!saved.ok) throw new Error(saved.error.code);
  process.stdout.write(`saved ${n}\n`);
  // Replication runs between saves, as it does while a clerk types.
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write('all saved\n');
setInterval(() => undefined, 1000);
