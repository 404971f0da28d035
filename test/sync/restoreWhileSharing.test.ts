import { describe, expect, it } from 'vitest';
import type { UnsentChange } from '../../shared/domain/syncCheck.ts';
import { connectionTo, differences, editClinic, hubDocs, machineUsers, openMachine, startHub, syncUntilConverged, type ClinicView } from './machines.ts';

const revisions = async (hub: Parameters<typeof hubDocs>[0]) => new Map([...(await hubDocs(hub))].map(([id, doc]) => [id, doc._rev]));

describe('restoring a backup on a machine that shares records', () => {
  it('lists its unsent changes first, sends nothing old, and catches up from the hub', async () => {
    const hub = await startHub();
    const office = await openMachine();
    const laptop = await openMachine();
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    const clinic = await office.call<ClinicView>('clinics.create', { name: '加世田病院' });
    await syncUntilConverged(hub, [office, laptop]);
    // The backup is taken while an edit waits to be sent: the file holds it queued.
    await office.core.sync.stop();
    await editClinic(office, clinic.id, { memo: 'バックアップ時点のメモ' });
    const backup = await office.call<{ fileName: string }>('backups.create', {});
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    await syncUntilConverged(hub, [office, laptop]);

    // After the backup: the office's edit is sent, the laptop adds a clinic.
    await editClinic(office, clinic.id, { memo: '送信済みの新しいメモ' });
    const added = await laptop.call<ClinicView>('clinics.create', { name: '笠沙診療所' });
    await syncUntilConverged(hub, [office, laptop]);
    // One more edit, not sent yet (the office is offline): a restore would lose it, so it is listed.
    await office.core.sync.stop();
    await editClinic(office, clinic.id, { phone: '0993-53-0000' });
    const unsent = await office.call<{ count: number; items: UnsentChange[] }>('sync.unsentChanges', {});
    expect(unsent).toMatchObject({ count: 1, items: [{ recordKind: '医療機関', recordLabel: '加世田病院', fieldLabels: ['電話番号'] }] });
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    await syncUntilConverged(hub, [office, laptop]);
    expect((await office.call<{ count: number }>('sync.unsentChanges', {})).count).toBe(0);

    const before = await revisions(hub);
    await office.call('backups.restore', { fileName: backup.fileName });
    await syncUntilConverged(hub, [office, laptop]);
    // Nothing the backup held went out as a new edit: the hub's documents are as they were.
    expect(await revisions(hub)).toEqual(before);
    // The office caught up: the newer memo, the phone it sent, and the laptop's clinic.
    expect(await office.call<ClinicView>('clinics.get', { id: clinic.id })).toMatchObject({ memo: '送信済みの新しいメモ', phone: '0993-53-0000' });
    expect(await office.call<ClinicView>('clinics.get', { id: added.id })).toMatchObject({ name: '笠沙診療所' });
    expect(await differences(hub, office)).toEqual([]);
    // It still shares: its next edit reaches the laptop.
    await editClinic(office, clinic.id, { memo: '復元後の編集' });
    await syncUntilConverged(hub, [office, laptop]);
    expect(await laptop.call<ClinicView>('clinics.get', { id: clinic.id })).toMatchObject({ memo: '復元後の編集' });
  });
});
