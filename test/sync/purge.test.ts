import { describe, expect, it } from 'vitest';
import { connectionTo, differences, editClinic, hubDocs, machineUsers, openMachine, startHub, syncUntilConverged, type ClinicView, type Machine } from './machines.ts';

async function archiveAndPurge(machine: Machine, clinicId: string) {
  await machine.call('clinics.archive', { id: clinicId });
  return machine.call<{ clinics: number }>('records.purgeArchived', { confirm: true });
}

const backupReasons = async (machine: Machine) => (await machine.call<{ items: { reason: string }[] }>('backups.list', {})).items.map((item) => item.reason);

describe('完全削除 shared between machines', () => {
  it('a purge on one PC removes the record on the others, each taking a backup first', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const gone = await pc1.call<ClinicView>('clinics.create', { name: '閉院した診療所' });
    const kept = await pc1.call<ClinicView>('clinics.create', { name: '続く診療所' });
    await syncUntilConverged(hub, [pc1, pc2]);
    expect(await backupReasons(pc2)).not.toContain('before-purge');

    expect((await archiveAndPurge(pc1, gone.id)).clinics).toBe(1);
    await syncUntilConverged(hub, [pc1, pc2]);

    expect(await pc2.core.dispatch('clinics.get', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await pc2.call<ClinicView>('clinics.get', { id: kept.id })).name).toBe('続く診療所');
    expect(await backupReasons(pc2)).toContain('before-purge');
    // The deletion marker carries no fields: the purged data is not kept on the hub.
    const marker = await hub.request('GET', `${new URL(hub.dbUrl).pathname}/clinics:${gone.id}?deleted=true&rev=${await deletedRev(hub, `clinics:${gone.id}`)}`, undefined, hub.admin);
    expect(marker.body).toMatchObject({ _deleted: true });
    expect(JSON.stringify(marker.body)).not.toContain('閉院した診療所');
    for (const machine of [pc1, pc2]) expect(await differences(hub, machine)).toEqual([]);
  });

  it('a purge that crosses an offline edit loses to it: the record comes back on every machine (CouchDB keeps the live revision)', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const laptop = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '垂水こども医院' });
    await syncUntilConverged(hub, [pc1, laptop]);

    await laptop.core.sync.stop();
    await editClinic(laptop, clinic.id, { memo: '訪問時に新しい連絡先を聞いた' });
    await archiveAndPurge(pc1, clinic.id);
    await syncUntilConverged(hub, [pc1]);
    expect(await pc1.core.dispatch('clinics.get', { id: clinic.id })).toMatchObject({ ok: false });

    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [pc1, laptop]);
    for (const machine of [pc1, laptop]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: clinic.id })).toMatchObject({ name: '垂水こども医院', memo: '訪問時に新しい連絡先を聞いた' });
      expect(await differences(hub, machine)).toEqual([]);
    }
    expect((await hubDocs(hub)).has(`clinics:${clinic.id}`)).toBe(true);
  });
});

/** The revision of a deleted document's marker, from the hub's changes feed. */
async function deletedRev(hub: Parameters<typeof hubDocs>[0], id: string): Promise<string> {
  const feed = await hub.request('GET', `${new URL(hub.dbUrl).pathname}/_changes`, undefined, hub.admin);
  const change = (feed.body as { results: { id: string; deleted?: boolean; changes: { rev: string }[] }[] }).results.find((result) => result.id === id);
  expect(change?.deleted).toBe(true);
  return change!.changes[0]!.rev;
}
