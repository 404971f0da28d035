import { describe, expect, it } from 'vitest';
import type { ClinicMerge } from '../../shared/domain/clinicMerge.ts';
import { connectionTo, differences, editClinic, machineUsers, notices, openMachine, startHub, syncUntilConverged, type ClinicView, type Machine } from './machines.ts';

interface InquiryView {
  id: string;
  clinicId: string;
  receiptNumber: string;
}

/** Two PCs sharing the same clinic registered twice, the duplicate with an inquiry. */
async function officeWithDuplicate() {
  const hub = await startHub();
  const pc1 = await openMachine();
  const pc2 = await openMachine();
  const start = () => {
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
  };
  start();
  const kept = await pc1.call<ClinicView>('clinics.create', { name: '霧島眼科', phone: '0995-45-0000', memberNumber: 'K-100' });
  const duplicate = await pc2.call<ClinicView>('clinics.create', { name: '霧島眼科医院', phone: '0995-45-1111' });
  const inquiry = (await pc2.call<{ inquiry: InquiryView }>('inquiries.create', { clinicId: duplicate.id, receivedOn: '2026-12-01', channel: 'phone' })).inquiry;
  await syncUntilConverged(hub, [pc1, pc2]);
  const stop = async () => {
    await pc1.core.sync.stop();
    await pc2.core.sync.stop();
  };
  return { hub, pc1, pc2, start, stop, kept, duplicate, inquiry };
}

async function mergeOn(machine: Machine, keptId: string, mergedId: string): Promise<ClinicMerge> {
  const kept = await machine.call<ClinicView>('clinics.get', { id: keptId });
  const merged = await machine.call<ClinicView>('clinics.get', { id: mergedId });
  return (await machine.call<{ merge: ClinicMerge }>('clinics.merge', { keptId, mergedId, keptRevision: kept.revision, mergedRevision: merged.revision })).merge;
}

describe('merging two records of one clinic on machines that share', () => {
  it('an edit of the duplicate made offline on another PC ends on the kept record, with a notice, on both', async () => {
    const office = await officeWithDuplicate();
    const { hub, pc1, pc2, kept, duplicate, inquiry } = office;
    await office.stop();
    // pc2 has not heard of the merge when it edits the duplicate's phone.
    await editClinic(pc2, duplicate.id, { phone: '0995-45-2222' });
    await mergeOn(pc1, kept.id, duplicate.id);
    office.start();
    await syncUntilConverged(hub, [pc1, pc2]);

    for (const machine of [pc1, pc2]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ name: '霧島眼科', phone: '0995-45-2222', archivedAt: null });
      expect(await machine.call<ClinicView>('clinics.get', { id: duplicate.id })).toMatchObject({ mergedInto: kept.id, archivedAt: expect.any(String) });
      const listed = await machine.call<{ items: InquiryView[] }>('inquiries.list', { clinicId: kept.id });
      expect(listed.items.map((i) => i.receiptNumber)).toEqual([inquiry.receiptNumber]);
      expect(notices(machine).filter((n) => n.recordDocId === `clinics:${kept.id}`)).toEqual([
        expect.objectContaining({ field: 'phone', kept: '0995-45-2222', replaced: '0995-45-0000' }),
      ]);
      const active = await machine.call<{ items: ClinicView[] }>('clinics.search', { query: '霧島' });
      expect(active.items.map((c) => c.id)).toEqual([kept.id]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });

  it('a merge made on one PC is undone on the other, and the undo reaches the first', async () => {
    const office = await officeWithDuplicate();
    const { hub, pc1, pc2, kept, duplicate, inquiry } = office;
    const merge = await mergeOn(pc1, kept.id, duplicate.id);
    await syncUntilConverged(hub, [pc1, pc2]);
    expect((await pc2.call<{ items: ClinicMerge[] }>('clinics.merges', { clinicId: kept.id })).items).toEqual([expect.objectContaining({ id: merge.id, undoable: true })]);

    await pc2.call('clinics.undoMerge', { mergeId: merge.id });
    await syncUntilConverged(hub, [pc1, pc2]);

    for (const machine of [pc1, pc2]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: duplicate.id })).toMatchObject({ mergedInto: null, archivedAt: null, phone: '0995-45-1111' });
      expect(await machine.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ memberNumber: 'K-100', phone: '0995-45-0000' });
      const listed = await machine.call<{ items: InquiryView[] }>('inquiries.list', { clinicId: duplicate.id });
      expect(listed.items.map((i) => i.id)).toEqual([inquiry.id]);
      expect((await machine.call<{ items: ClinicMerge[] }>('clinics.merges', { clinicId: kept.id })).items).toEqual([
        expect.objectContaining({ id: merge.id, undoneAt: expect.any(String), undoable: false }),
      ]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });

  it('送付不要 the kept record takes from the duplicate reaches the other PC, and the undo takes it back there too', async () => {
    const office = await officeWithDuplicate();
    const { hub, pc1, pc2, kept, duplicate } = office;
    await editClinic(pc2, duplicate.id, { noMailing: true, noMailingReason: '先方より辞退' });
    await syncUntilConverged(hub, [pc1, pc2]);
    const merge = await mergeOn(pc1, kept.id, duplicate.id);
    await syncUntilConverged(hub, [pc1, pc2]);
    expect(await pc2.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ noMailing: true, noMailingReason: '先方より辞退' });

    await pc2.call('clinics.undoMerge', { mergeId: merge.id });
    await syncUntilConverged(hub, [pc1, pc2]);
    for (const machine of [pc1, pc2]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ noMailing: false, noMailingReason: '' });
      expect(await machine.call<ClinicView>('clinics.get', { id: duplicate.id })).toMatchObject({ noMailing: true, noMailingReason: '先方より辞退', mergedInto: null });
      expect(await differences(hub, machine)).toEqual([]);
    }
  });

  it('a 会員番号 the kept record takes from the duplicate moves on the other PC too, and goes back with the undo', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const kept = await pc1.call<ClinicView>('clinics.create', { name: '鹿屋内科', phone: '0994-40-0000' });
    const duplicate = await pc2.call<ClinicView>('clinics.create', { name: '鹿屋内科', memberNumber: 'K-300' });
    await syncUntilConverged(hub, [pc1, pc2]);
    const merge = (
      await pc1.call<{ merge: ClinicMerge }>('clinics.merge', {
        keptId: kept.id, mergedId: duplicate.id, choices: { memberNumber: 'merged' }, keptRevision: kept.revision, mergedRevision: (await pc1.call<ClinicView>('clinics.get', { id: duplicate.id })).revision,
      })
    ).merge;
    await syncUntilConverged(hub, [pc1, pc2]);
    expect(await pc2.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ memberNumber: 'K-300' });
    expect(await pc2.call<ClinicView>('clinics.get', { id: duplicate.id })).toMatchObject({ memberNumber: '', mergedInto: kept.id });

    await pc1.call('clinics.undoMerge', { mergeId: merge.id });
    await syncUntilConverged(hub, [pc1, pc2]);
    for (const machine of [pc1, pc2]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ memberNumber: '' });
      expect(await machine.call<ClinicView>('clinics.get', { id: duplicate.id })).toMatchObject({ memberNumber: 'K-300', mergedInto: null });
      expect(await differences(hub, machine)).toEqual([]);
    }
  });

  it('one duplicate merged into two different records on two PCs offline ends the same way on both, and the notice names both records', async () => {
    const office = await officeWithDuplicate();
    const { hub, pc1, pc2, kept, duplicate, inquiry } = office;
    // pc2 has its own record of the clinic too, typed in at the counter.
    const other = await pc2.call<ClinicView>('clinics.create', { name: '霧島眼科（国分）', phone: '0995-45-3333' });
    await syncUntilConverged(hub, [pc1, pc2]);
    await office.stop();
    await mergeOn(pc1, kept.id, duplicate.id);
    await mergeOn(pc2, other.id, duplicate.id);
    office.start();
    await syncUntilConverged(hub, [pc1, pc2]);

    const [first, second] = [await pc1.call<ClinicView>('clinics.get', { id: duplicate.id }), await pc2.call<ClinicView>('clinics.get', { id: duplicate.id })];
    expect(first.mergedInto).toBe(second.mergedInto);
    const winner = String(first.mergedInto);
    const loser = winner === kept.id ? other.id : kept.id;
    for (const machine of [pc1, pc2]) {
      // The inquiry followed the same merge as its clinic, and neither kept record was lost: staff can merge the two next.
      expect((await machine.call<{ items: InquiryView[] }>('inquiries.list', { clinicId: winner })).items.map((i) => i.id)).toEqual([inquiry.id]);
      expect(await machine.call<ClinicView>('clinics.get', { id: loser })).toMatchObject({ archivedAt: null, mergedInto: null });
      const listed = await machine.call<{ items: { field: string; keptValue: string; replacedValue: string }[] }>('sync.notices', { recordId: duplicate.id, includeResolved: false });
      const names = { [kept.id]: '霧島眼科', [other.id]: '霧島眼科（国分）' };
      expect(listed.items).toContainEqual(expect.objectContaining({ field: 'merged_into', keptValue: names[winner], replacedValue: names[loser] }));
      expect(await differences(hub, machine)).toEqual([]);
    }
  });
  it('a 会員番号 given to the duplicate offline on another PC ends on the kept record, the duplicate letting go of it, with a notice', async () => {
    const office = await officeWithDuplicate();
    const { hub, pc1, pc2, kept, duplicate } = office;
    await office.stop();
    await mergeOn(pc1, kept.id, duplicate.id);
    // pc2 has not heard of the merge, a while later (the merge's own release of the number is older).
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await editClinic(pc2, duplicate.id, { memberNumber: 'K-777' });
    office.start();
    await syncUntilConverged(hub, [pc1, pc2]);
    for (const machine of [pc1, pc2]) {
      expect(await machine.call<ClinicView>('clinics.get', { id: kept.id })).toMatchObject({ memberNumber: 'K-777' });
      expect(await machine.call<ClinicView>('clinics.get', { id: duplicate.id })).toMatchObject({ memberNumber: '', mergedInto: kept.id });
      expect(notices(machine).filter((n) => n.recordDocId === `clinics:${kept.id}`)).toEqual([
        expect.objectContaining({ field: 'member_number', kept: 'K-777', replaced: 'K-100' }),
      ]);
      // Found by the number it was given.
      expect((await machine.call<{ items: ClinicView[] }>('clinics.search', { query: 'K-777' })).items.map((c) => c.id)).toEqual([kept.id]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });
});
