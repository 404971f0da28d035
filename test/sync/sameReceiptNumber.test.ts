import { describe, expect, it } from 'vitest';
import { connectionTo, differences, machineUsers, openMachine, pendingDocIds, startHub, syncUntilConverged, type ClinicView, type Machine } from './machines.ts';

interface InquiryView {
  id: string;
  receiptNumber: string;
  clinicName: string;
  content: string;
  receiptNumberShared: boolean;
}
interface InquiryDetailView {
  inquiry: InquiryView;
  sameReceiptNumber: { id: string; clinicName: string }[];
}

/** A machine that took one inquiry before any sharing: numbered with the default prefix, like every machine. */
async function machineThatWorkedAlone(clinicName: string) {
  const machine = await openMachine();
  const clinic = await machine.call<ClinicView>('clinics.create', { name: clinicName });
  const { inquiry } = await machine.call<InquiryDetailView>('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-18', channel: 'fax', content: `${clinicName}から資料請求` });
  return { machine, inquiry };
}

const listed = async (machine: Machine) =>
  (await machine.call<{ items: InquiryView[] }>('inquiries.list', { receiptNumber: 'A-2026-0001' })).items.map((i) => `${i.receiptNumber} ${i.clinicName} ${i.content}`).sort();

describe('one 受付番号 issued on two machines before they shared, through a real hub', () => {
  it('both machines show both inquiries, each under its own clinic, numbers unchanged, nothing parked', async () => {
    const hub = await startHub();
    const office = await machineThatWorkedAlone('鹿屋こども医院');
    const laptop = await machineThatWorkedAlone('志布志眼科');
    expect([office.inquiry.receiptNumber, laptop.inquiry.receiptNumber]).toEqual(['A-2026-0001', 'A-2026-0001']);

    // Both send what they hold, as a machine does when its own records go to the hub.
    for (const [{ machine }, user] of [[office, machineUsers[0]!], [laptop, machineUsers[2]!]] as const) {
      machine.core.sync.shareLocalRecords();
      machine.core.sync.start(connectionTo(hub, user));
    }
    await syncUntilConverged(hub, [office.machine, laptop.machine]);

    for (const { machine } of [office, laptop]) {
      expect(pendingDocIds(machine)).toEqual([]);
      expect(await differences(hub, machine)).toEqual([]);
      expect(await listed(machine)).toEqual(['A-2026-0001 志布志眼科 志布志眼科から資料請求', 'A-2026-0001 鹿屋こども医院 鹿屋こども医院から資料請求']);
    }
    const onOffice = await office.machine.call<InquiryDetailView>('inquiries.get', { id: office.inquiry.id });
    expect(onOffice.sameReceiptNumber).toEqual([expect.objectContaining({ id: laptop.inquiry.id, clinicName: '志布志眼科' })]);
    const onLaptop = await laptop.machine.call<InquiryDetailView>('inquiries.get', { id: office.inquiry.id });
    expect(onLaptop.inquiry).toMatchObject({ receiptNumber: 'A-2026-0001', clinicName: '鹿屋こども医院', receiptNumberShared: true });
  });
});
