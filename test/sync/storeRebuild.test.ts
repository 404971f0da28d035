import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { openLocalStore } from '../../electron/core/sync/localStore.ts';
import { drainOutbox } from '../../electron/core/sync/storeRounds.ts';
import { storeFolder } from '../../electron/core/sync/storeRebuild.ts';
import { connectionTo, differences, editClinic, hubDocs, machineIdOf, machineUsers, openMachine, startHub, syncUntilConverged, waitUntil, type ClinicView, type Machine } from './machines.ts';

/**
 * What a round does while the hub cannot be reached: the outbox drained into the store, nothing
 * pushed. Run on the closed machine's files, as the engine's round would.
 */
async function drainWithoutPushing(machine: Machine): Promise<void> {
  const machineId = machineIdOf(machine);
  await machine.core.close();
  const db = openDatabase(machine.core.dbPath);
  const store = openLocalStore(machine.dataDir);
  try {
    const drained = await drainOutbox({
      db, store, machineId, now: () => new Date(), log: silentLogger, appSchema: migrations.length,
      backupsDir: path.join(machine.dataDir, 'backups'), clockOffsetMs: 0, inSqlite: new Map(),
    });
    expect(drained.written.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  } finally {
    await store.close();
    db.close();
  }
}

function queuedDocIds(machine: Machine): string[] {
  const db = new Database(machine.core.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT DISTINCT doc_id FROM sync_outbox ORDER BY doc_id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('a lost or damaged local store', () => {
  it('is rebuilt from the hub with every unsent change intact: drained or still queued, they reach the other PC, and no one else’s edit is overwritten', async () => {
    const hub = await startHub();
    let laptop = await openMachine();
    const office = await openMachine();
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    const first = await laptop.call<ClinicView>('clinics.create', { name: '指宿中央病院', phone: '0993-22-0001', memo: '最初のメモ' });
    const second = await laptop.call<ClinicView>('clinics.create', { name: '山川診療所', phone: '0993-34-0001' });
    await syncUntilConverged(hub, [laptop, office]);

    // Offline: an edit drained into the store but never pushed, then the store is lost.
    await laptop.core.sync.stop();
    await editClinic(laptop, first.id, { memo: '出張先で聞いた内容' });
    await drainWithoutPushing(laptop);
    // Meanwhile the office changes another field of the same clinic.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await editClinic(office, first.id, { phone: '0993-22-9999' });
    await syncUntilConverged(hub, [office]);
    fs.rmSync(storeFolder(laptop.dataDir), { recursive: true, force: true });

    // Reopened without its store: one more edit waits in the outbox.
    laptop = await openMachine({ dataDir: laptop.dataDir });
    await waitUntil(async () => (await laptop.call<{ maintenance: unknown }>('app.info', {})).maintenance === null);
    await editClinic(laptop, second.id, { memo: '折り返し電話あり' });
    expect(queuedDocIds(laptop)).toEqual([`clinics:${second.id}`]);
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [laptop, office]);

    for (const machine of [laptop, office]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: first.id })).toMatchObject({ memo: '出張先で聞いた内容', phone: '0993-22-9999' });
      expect(await machine.call<ClinicView>('clinics.get', { id: second.id })).toMatchObject({ memo: '折り返し電話あり' });
      expect(await differences(hub, machine)).toEqual([]);
    }
    // The office's phone stayed the office's edit: the laptop stamped only what it changed.
    const doc = (await hubDocs(hub)).get(`clinics:${first.id}`) as { stamps: Record<string, { m: string }> };
    expect(doc.stamps.phone!.m).toBe(machineIdOf(office));
    expect(doc.stamps.memo!.m).toBe(machineIdOf(laptop));
    expect(fs.existsSync(storeFolder(laptop.dataDir))).toBe(true);
  });

  it('an unreadable store is set aside and rebuilt, and an edit waiting to be sent still reaches the other PC', async () => {
    const hub = await startHub();
    let laptop = await openMachine();
    const office = await openMachine();
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    const clinic = await laptop.call<ClinicView>('clinics.create', { name: '開聞診療所' });
    await syncUntilConverged(hub, [laptop, office]);
    await laptop.core.sync.stop();
    await editClinic(laptop, clinic.id, { memo: '停電のあとに入力' });
    await laptop.core.close();
    // LevelDB's files damaged (a power cut mid-write, a disk fault): it refuses to open.
    const folder = storeFolder(laptop.dataDir);
    for (const name of fs.readdirSync(folder)) if (/\.(ldb|log)$|^MANIFEST/.test(name)) fs.writeFileSync(path.join(folder, name), 'damaged');

    laptop = await openMachine({ dataDir: laptop.dataDir });
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [laptop, office]);
    expect(await office.call<ClinicView>('clinics.get', { id: clinic.id })).toMatchObject({ memo: '停電のあとに入力' });
    expect(await differences(hub, laptop)).toEqual([]);
    // The damaged folder is kept aside for a look, never read again.
    expect(fs.readdirSync(path.dirname(folder)).filter((name) => name.startsWith('records.damaged-'))).toHaveLength(1);
  });
  it('a purge drained into the store but never pushed stays a purge when the store is lost: the records do not come back from the hub', async () => {
    const hub = await startHub();
    let laptop = await openMachine();
    const office = await openMachine();
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    const gone = await laptop.call<ClinicView>('clinics.create', { name: '閉院した診療所' });
    const kept = await laptop.call<ClinicView>('clinics.create', { name: '続いている診療所' });
    await laptop.call('clinics.archive', { id: gone.id });
    await syncUntilConverged(hub, [laptop, office]);

    await laptop.core.sync.stop();
    expect(await laptop.call<{ clinics: number }>('records.purgeArchived', { confirm: true })).toMatchObject({ clinics: 1 });
    await drainWithoutPushing(laptop);
    fs.rmSync(storeFolder(laptop.dataDir), { recursive: true, force: true });

    laptop = await openMachine({ dataDir: laptop.dataDir });
    await waitUntil(async () => (await laptop.call<{ maintenance: unknown }>('app.info', {})).maintenance === null);
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [laptop, office]);
    for (const machine of [laptop, office]) {
      const all = await machine.call<{ items: ClinicView[] }>('clinics.search', { query: '診療所', includeArchived: true });
      expect(all.items.map((c) => c.id)).toEqual([kept.id]);
      expect(await differences(hub, machine)).toEqual([]);
    }
    expect((await hubDocs(hub)).has(`clinics:${gone.id}`)).toBe(false);
  });
});
