import { describe, expect, it } from 'vitest';
import { connectionTo, differences, machineUsers, notices, openMachine, startHub, syncUntilConverged } from './machines.ts';

interface StaffView {
  id: string;
  name: string;
  revision: number;
  solicitorId: string | null;
  notifiedOn: string | null;
  qualification: string | null;
  qualificationExpiresOn: string | null;
}

const staffOn = async (machine: Awaited<ReturnType<typeof openMachine>>, id: string) =>
  (await machine.call<{ items: StaffView[] }>('staff.list', { includeInactive: true })).items.find((s) => s.id === id);

describe('solicitor registration shared between machines', () => {
  it('a 募集人ID registered on one PC reaches the other, and a rename there and the qualification here both survive', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const staff = await pc1.call<StaffView>('staff.create', { name: '募集 太郎', solicitor: { solicitorId: 'A1234567', notifiedOn: '2024-04-01' } });
    await syncUntilConverged(hub, [pc1, pc2]);
    expect(await staffOn(pc2, staff.id)).toMatchObject({ solicitorId: 'A1234567', notifiedOn: '2024-04-01', qualification: null });

    // Apart: one renames, the other records the qualification; both edits are kept, field by field.
    await pc1.core.sync.stop();
    await pc2.core.sync.stop();
    await pc1.call('staff.update', { id: staff.id, name: '募集 太郎（本店）', expectedRevision: (await staffOn(pc1, staff.id))!.revision });
    await pc2.call('staff.update', {
      id: staff.id,
      solicitor: { solicitorId: 'A1234567', notifiedOn: '2024-04-01', qualification: '損害保険募集人一般試験（基礎単位・損保商品単位）', qualificationExpiresOn: '2029-03-31' },
      expectedRevision: (await staffOn(pc2, staff.id))!.revision,
    });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    await syncUntilConverged(hub, [pc1, pc2]);

    for (const machine of [pc1, pc2]) {
      expect(await staffOn(machine, staff.id)).toMatchObject({
        name: '募集 太郎（本店）',
        solicitorId: 'A1234567',
        qualification: '損害保険募集人一般試験（基礎単位・損保商品単位）',
        qualificationExpiresOn: '2029-03-31',
      });
      expect(notices(machine)).toEqual([]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });
});
