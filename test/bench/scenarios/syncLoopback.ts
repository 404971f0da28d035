/**
 * Sharing through a hub on loopback (pouchdb-server, in a process of its own, as in test/sync):
 * 1,000 changes made on a laptop while offline reach another PC's SQLite (timed from the laptop
 * reconnecting until the last row is in the PC's file); a new machine's first sync of 20,000
 * clinics (takeHubRecords until its SQLite holds them all); and the CPU an idle app uses with a
 * reachable hub (median of 3 windows).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import PouchDB from 'pouchdb-node';
import type { SharingCore } from '../../../electron/core/openCore.ts';
import { databaseFileName } from '../../../electron/core/paths.ts';
import { startCouchHub } from '../../helpers/couchHub.ts';
import { distinctClinics } from '../support/benchClinics.ts';
import { openBenchCore, scratchDir, seedDataDir } from '../support/benchCore.ts';
import { progress, runScenario } from '../support/scenario.ts';
import { median, round, since } from '../support/stats.ts';

const changes = Number(process.env.BENCH_SYNC_CHANGES ?? 1_000);
const firstSyncClinics = Number(process.env.BENCH_SYNC_CLINICS ?? 20_000);
const idleWindowMs = Number(process.env.BENCH_SYNC_IDLE_MS ?? 10_000);
const users = ['pc', 'laptop', 'newcomer'].map((name) => ({ name, password: `${name}-password` }));

const open = async (dataDir: string) => (await openBenchCore(dataDir)) as SharingCore;
const connection = (dbUrl: string, user: { name: string; password: string }) => ({
  dbUrl,
  authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`,
  agent: undefined,
});
const clinicCount = (core: SharingCore) => {
  const db = new Database(path.join(core.dataDir, databaseFileName), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM clinics').pluck().get() as number;
  } finally {
    db.close();
  }
};
/**
 * The reference, in the same run: PouchDB alone moving the same documents the same way (a store
 * to the hub, the hub to another store; the hub into an empty store), with no SQLite on either
 * side and no outbox. What the app adds is the figure minus this.
 */
async function pouchOnly(hub: Awaited<ReturnType<typeof startCouchHub>>, dir: string) {
  const auth = { username: hub.admin.name, password: hub.admin.password };
  const remote = (name: string) => new PouchDB(`${hub.origin}/${name}`, { auth });
  const store = (name: string) => new PouchDB(path.join(dir, name));
  return {
    /** Copies `docs` into a fresh store, then times store → hub database `name` → another fresh store. */
    async relay(name: string, docs: readonly Record<string, unknown>[]) {
      const from = store(`${name}-from`);
      const to = store(`${name}-to`);
      await from.bulkDocs(docs.map(({ _rev, ...doc }) => doc as PouchDB.Doc));
      const started = performance.now();
      await from.replicate.to(remote(name), { batch_size: 500 });
      await to.replicate.from(remote(name), { batch_size: 500 });
      const ms = since(started);
      await from.close();
      await to.close();
      return ms;
    },
    /** Times pulling hub database `name` into a fresh store. */
    async pull(name: string) {
      const to = store(`${name}-pulled`);
      const started = performance.now();
      await to.replicate.from(remote(name), { batch_size: 500 });
      const ms = since(started);
      await to.close();
      return ms;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

runScenario('syncLoopback', async () => {
  const dir = scratchDir('sync');
  const hub = await startCouchHub({ users });
  try {
    // 1. Changes made offline on the laptop, to the PC's SQLite.
    const pc = await open(path.join(dir, 'pc'));
    const laptop = await open(path.join(dir, 'laptop'));
    pc.sync.start(connection(hub.dbUrl, users[0]!));
    // The laptop shares, then goes out: its changes queue in the outbox meanwhile.
    laptop.sync.start(connection(hub.dbUrl, users[1]!));
    await laptop.sync.syncNow();
    await laptop.sync.stop();
    for (let i = 0; i < changes; i++) {
      const saved = await laptop.dispatch('clinics.create', { name: `訪問先${i}`, memo: '出先で登録' });
      if (!saved.ok) throw new Error(saved.error.code);
    }
    const reconnected = performance.now();
    laptop.sync.start(connection(hub.dbUrl, users[1]!));
    await until(() => clinicCount(pc) === changes);
    const changesMs = since(reconnected);
    progress(`${changes} changes laptop → PC: ${round(changesMs)} ms`);
    const reference = await pouchOnly(hub, dir);
    const laptopDocs = (await hub.request('GET', `${new URL(hub.dbUrl).pathname}/_all_docs?include_docs=true`, undefined, hub.admin)).body as { rows: { doc: Record<string, unknown> }[] };
    const changesReferenceMs = await reference.relay('reference-changes', laptopDocs.rows.map((row) => row.doc));
    progress(`reference, PouchDB alone store → hub → store, ${laptopDocs.rows.length} documents: ${round(changesReferenceMs)} ms`);

    // 3. Idle, both connected: this process holds two cores, so the figure is for both.
    await until(() => pc.sync.status().state === 'idle' && laptop.sync.status().state === 'idle');
    const idle: number[] = [];
    for (let i = 0; i < 3; i++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, idleWindowMs));
      const used = process.cpuUsage(cpu);
      idle.push(((used.user + used.system) / 1000 / since(started)) * 100);
    }
    progress(`idle CPU (two cores in one process): ${idle.map((p) => round(p)).join(', ')} %`);
    await laptop.close();
    await pc.close();

    // 2. A new machine's first sync: the hub is filled by one machine, then another takes it all.
    const filler = path.join(dir, 'filler');
    seedDataDir(filler, distinctClinics(firstSyncClinics, 7));
    const first = await open(filler);
    first.sync.start(connection(hub.dbUrl, users[0]!));
    first.sync.shareLocalRecords();
    await first.sync.syncNow();
    await until(() => first.sync.status().unsent === 0);
    await first.close();
    const newcomer = await open(path.join(dir, 'newcomer'));
    const joined = performance.now();
    await newcomer.sync.takeHubRecords(connection(hub.dbUrl, users[2]!));
    await until(() => clinicCount(newcomer) === firstSyncClinics + changes);
    const firstSyncMs = since(joined);
    progress(`first sync of ${firstSyncClinics + changes} clinics: ${round(firstSyncMs)} ms`);
    await newcomer.close();
    const firstSyncReferenceMs = await reference.pull(new URL(hub.dbUrl).pathname.slice(1));
    progress(`reference, PouchDB alone pulling the hub into an empty store: ${round(firstSyncReferenceMs)} ms`);

    const idlePercent = round(median(idle));
    return {
      pass: changesMs <= 3000 && firstSyncMs <= 30_000 && idlePercent < 1,
      target: '1,000 offline changes laptop → PC SQLite ≤ 3 s; first sync of 20,000 clinics ≤ 30 s; idle CPU with a reachable hub < 1 % of a core',
      changes,
      changesMs: round(changesMs),
      firstSyncClinics: firstSyncClinics + changes,
      firstSyncMs: round(firstSyncMs),
      idleCpuPercent: { median: idlePercent, windows: idle.map((p) => round(p)), windowMs: idleWindowMs },
      reference: {
        what: 'PouchDB alone, no SQLite: the same documents store → hub → store, and the hub pulled into an empty store',
        changesMs: round(changesReferenceMs),
        firstSyncMs: round(firstSyncReferenceMs),
        changesOverReference: round(changesMs / changesReferenceMs),
        firstSyncOverReference: round(firstSyncMs / firstSyncReferenceMs),
      },
      note: 'pouchdb-server in memory on 127.0.0.1 as the hub; both PCs of step 1 live in this one process, so the idle figure covers two apps',
    };
  } finally {
    await hub.stop();
  }
});
