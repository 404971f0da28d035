import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataArea } from '../../shared/contract/dataAreas.ts';
import { connectionTo, differences, editClinic, machineUsers, openMachine, startHub, syncUntilConverged, waitUntil, type ClinicView, type Machine } from './machines.ts';

const clinicNames = async (machine: Awaited<ReturnType<typeof openMachine>>) =>
  (await machine.call<{ items: { name: string }[] }>('clinics.search', { query: '' })).items.map((item) => item.name).sort();

describe('joining, live replication and leaving', () => {
  it('while both share, a clinic saved on one PC reaches the other on its own, and its open screens are told', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    const changed: DataArea[][] = [];
    pc2.core.onEvent((event) => {
      if (event.type === 'changed') changed.push(event.areas);
    });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    await pc1.call('clinics.create', { name: '国分中央クリニック' });
    await waitUntil(async () => (await clinicNames(pc2)).includes('国分中央クリニック'));
    expect(changed.some((areas) => areas.includes('clinics'))).toBe(true);
    await waitUntil(() => pc1.core.sync.status().state === 'idle' && pc1.core.sync.status().unsent === 0);
  });

  it('edits of different fields made on two live PCs at the same moments end merged on both, without asking for a round', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '霧島温泉診療所' });
    await waitUntil(async () => (await pc2.core.dispatch('clinics.get', { id: clinic.id })).ok);
    for (let i = 1; i <= 8; i++) {
      await Promise.all([editUntilSaved(pc1, clinic.id, { phone: `0995-78-000${i}` }), editUntilSaved(pc2, clinic.id, { memo: `${i}回目の連絡` })]);
    }
    const merged = async (machine: Machine) => {
      const shown = await machine.call<ClinicView>('clinics.get', { id: clinic.id });
      return shown.phone === '0995-78-0008' && shown.memo === '8回目の連絡';
    };
    await waitUntil(async () => (await merged(pc1)) && (await merged(pc2)));
    await waitUntil(async () => (await differences(hub, pc1)).length === 0 && (await differences(hub, pc2)).length === 0);
  });

  it('the first machine shares the records it already has; a machine that joins later takes the hub’s in place of its own', async () => {
    const hub = await startHub();
    const first = await openMachine();
    await first.call('clinics.create', { name: '以前からの取引先' });
    first.core.sync.start(connectionTo(hub, machineUsers[0]));
    first.core.sync.shareLocalRecords();
    await syncUntilConverged(hub, [first]);

    const joining = await openMachine();
    await joining.call('clinics.create', { name: '試しに入れた医療機関' });
    await joining.core.sync.takeHubRecords(connectionTo(hub, machineUsers[1]));
    // Once it has returned, the hub's records are here and this machine's own are gone.
    expect(await clinicNames(joining)).toEqual(['以前からの取引先']);
    await syncUntilConverged(hub, [first, joining]);
    expect(await clinicNames(joining)).toEqual(['以前からの取引先']);
    for (const machine of [first, joining]) expect(await differences(hub, machine)).toEqual([]);
  });

  it('leaving stops sharing, forgets the local store and keeps every record', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    await pc1.call<ClinicView>('clinics.create', { name: '串木野医院' });
    await syncUntilConverged(hub, [pc1]);
    expect(fs.existsSync(path.join(pc1.dataDir, 'sync'))).toBe(true);

    await pc1.core.sync.leave();
    expect(pc1.core.sync.status()).toMatchObject({ state: 'stopped', unsent: 0 });
    expect(fs.readdirSync(path.join(pc1.dataDir, 'sync'))).toEqual([]);
    // Working alone again: saving works, nothing is queued for a hub.
    await pc1.call('clinics.create', { name: '離脱後の医療機関' });
    expect(await clinicNames(pc1)).toEqual(['串木野医院', '離脱後の医療機関']);
    expect(pc1.core.sync.status().unsent).toBe(0);
  });
});

/** Saves an edit as a clerk would: shown a newer version (another PC's change arrived), opens it again and saves. */
async function editUntilSaved(machine: Machine, id: string, patch: Record<string, unknown>) {
  for (;;) {
    try {
      return await editClinic(machine, id, patch);
    } catch (error) {
      if (!String(error).includes('CONFLICT')) throw error;
    }
  }
}
