import { describe, expect, it } from 'vitest';
import { connectionTo, differences, editClinic, machineUsers, noticeIds, openMachine, startHub, syncUntilConverged, type ClinicView } from './machines.ts';

describe('two office PCs and a laptop sharing one clinic', () => {
  it('different fields edited on two PCs both survive, with no notice', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '桜島クリニック', phone: '099-293-1234' });
    await syncUntilConverged(hub, [pc1, pc2]);
    expect((await pc2.call<ClinicView>('clinics.get', { id: clinic.id })).name).toBe('桜島クリニック');

    // Both edit while apart: neither has seen the other's change.
    await pc1.core.sync.stop();
    await pc2.core.sync.stop();
    await editClinic(pc1, clinic.id, { phone: '099-293-9999' });
    await editClinic(pc2, clinic.id, { memo: '院長は火曜午後在席' });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    await syncUntilConverged(hub, [pc1, pc2]);

    for (const machine of [pc1, pc2]) {
      const merged = await machine.call<ClinicView>('clinics.get', { id: clinic.id });
      expect(merged).toMatchObject({ phone: '099-293-9999', memo: '院長は火曜午後在席' });
      expect(noticeIds(machine)).toEqual([]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });
});
