import { describe, expect, it } from 'vitest';
import type { CouchHub } from '../helpers/couchHub.ts';
import { type ClinicView, connectionTo, differences, hubDocs, type Machine, machineUsers, officeAndLaptop, openMachine, pendingDocIds, startHub, syncUntilConverged } from './machines.ts';

interface InquiryView {
  inquiry: { id: string; receiptNumber: string; status: string; revision: number; clinicId: string; staffId: string | null };
  history: { from: string | null; to: string }[];
}

async function takeInquiry(machine: Machine, clinicId: string) {
  // Presenting a quote is solicitation: the 担当 is a notified solicitor.
  const solicitor = await machine.call<{ id: string }>('staff.create', { name: `外回り ${clinicId.slice(-4)}`, solicitor: { solicitorId: 'B7654321', notifiedOn: '2020-04-01' } });
  let detail = await machine.call<InquiryView>('inquiries.create', { clinicId, receivedOn: '2026-11-24', channel: 'visit', content: '訪問先で補償内容の説明を希望', staffId: solicitor.id });
  for (const to of ['materials_sent', 'quote_presented']) {
    detail = await machine.call<InquiryView>('inquiries.changeStatus', { id: detail.inquiry.id, to, expectedRevision: detail.inquiry.revision });
  }
  return detail;
}

/** Copies documents from one hub to another as CouchDB replication would, revisions and all, in the order given. */
async function copyDocs(from: CouchHub, to: CouchHub, ids: readonly string[]) {
  const docs = [];
  for (const id of ids) docs.push((await from.request('GET', `${new URL(from.dbUrl).pathname}/${encodeURIComponent(id)}?revs=true`, undefined, from.admin)).body);
  const answer = await to.request('POST', `${new URL(to.dbUrl).pathname}/_bulk_docs`, { docs, new_edits: false }, to.admin);
  expect(answer.status).toBe(201);
}

describe('inquiries shared between machines', () => {
  it('an inquiry taken offline on the laptop arrives with its status history and its own 受付番号', async () => {
    const { hub, office, laptop } = await officeAndLaptop();
    const clinic = await office.call<ClinicView>('clinics.create', { name: '鹿屋中央病院' });
    await syncUntilConverged(hub, [office, laptop]);

    await laptop.core.sync.stop();
    const taken = await takeInquiry(laptop, clinic.id);
    expect(taken.inquiry.receiptNumber.startsWith('B')).toBe(true);
    // Meanwhile the office takes one of its own: the numbers never collide.
    const atCounter = await office.call<InquiryView>('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'counter', content: '窓口で相談' });
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [office, laptop]);

    const arrived = await office.call<InquiryView>('inquiries.get', { id: taken.inquiry.id });
    expect(arrived.inquiry).toMatchObject({ receiptNumber: taken.inquiry.receiptNumber, status: 'quote_presented', clinicId: clinic.id });
    expect(arrived.history.map((entry) => entry.to)).toEqual(taken.history.map((entry) => entry.to));
    expect(arrived.history).toHaveLength(3);
    expect(atCounter.inquiry.receiptNumber).not.toBe(taken.inquiry.receiptNumber);
    expect((await laptop.call<InquiryView>('inquiries.get', { id: atCounter.inquiry.id })).inquiry.receiptNumber).toBe(atCounter.inquiry.receiptNumber);
    for (const machine of [office, laptop]) expect(await differences(hub, machine)).toEqual([]);
  });

  it('an inquiry that reaches a machine before its clinic waits, then applies when the clinic comes', async () => {
    const fieldHub = await startHub();
    const officeHub = await startHub();
    const laptop = await openMachine();
    laptop.core.sync.start(connectionTo(fieldHub, machineUsers[2]));
    const clinic = await laptop.call<ClinicView>('clinics.create', { name: '志布志クリニック' });
    const taken = await takeInquiry(laptop, clinic.id);
    await syncUntilConverged(fieldHub, [laptop]);

    const office = await openMachine();
    office.core.sync.start(connectionTo(officeHub, machineUsers[0]));
    const children = [...(await hubDocs(fieldHub)).keys()].filter((id) => id.startsWith('inquiries:') || id.startsWith('inquiry_status_history:'));
    expect(children).toHaveLength(4);
    await copyDocs(fieldHub, officeHub, children);
    await office.core.sync.syncNow();
    expect(await office.core.dispatch('inquiries.get', { id: taken.inquiry.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(pendingDocIds(office)).toEqual([...children].sort());

    // The clinic comes, with the 担当 (a solicitor, as 見積提示済 needs) the inquiry names.
    await copyDocs(fieldHub, officeHub, [`clinics:${clinic.id}`, `staff:${taken.inquiry.staffId}`]);
    await syncUntilConverged(officeHub, [office]);
    const arrived = await office.call<InquiryView>('inquiries.get', { id: taken.inquiry.id });
    expect(arrived.inquiry.receiptNumber).toBe(taken.inquiry.receiptNumber);
    expect(arrived.history).toHaveLength(3);
    expect(pendingDocIds(office)).toEqual([]);
    expect(await differences(officeHub, office)).toEqual([]);
  });
});
