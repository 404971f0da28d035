import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { changeInquiryStatus, createInquiry, getInquiry, listInquiries, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { iterateInquiriesForExport } from '../../electron/core/db/repos/inquiryExport.ts';
import { inquiriesWithSameReceiptNumber } from '../../electron/core/db/repos/sameReceiptNumber.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { mergeLeaves } from '../../electron/core/sync/mergeLeaves.ts';
import { queueAllSharedRecords } from '../../electron/core/sync/outbox.ts';
import { listNotices } from '../../electron/core/sync/syncNotices.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import { drain, syncMachine, type SyncMachine } from '../helpers/syncMachines.ts';

const atHubTime = (machine: SyncMachine) => ({ now: machine.ctx.now, clockOffsetMs: 0 });
const today = '2026-11-20' as const;

/** A machine that took one inquiry on its own, numbered with the default prefix, and then joined. */
function machineThatWorkedAlone(machineId: string, clinicName: string) {
  const machine = syncMachine(machineId);
  setSharing(machine.db, false);
  const clinic = createClinic(machine.db, clinicInputSchema.parse({ name: clinicName }), machine.ctx);
  const inquiry = createInquiry(machine.db, clinic.id, { receivedOn: '2026-11-18', channel: 'phone', content: `${clinicName}からの相談`, nextActionOn: null, staffId: null }, machine.ctx);
  setSharing(machine.db, true);
  queueAllSharedRecords(machine.db);
  return { machine, clinic, inquiry };
}

function twoMachinesReplicated() {
  const pc = machineThatWorkedAlone('office-1', '鹿屋こども医院');
  const laptop = machineThatWorkedAlone('laptop', '志布志眼科');
  const fromPc = drain(pc.machine);
  const fromLaptop = drain(laptop.machine);
  applyRemoteDocs(pc.machine.db, fromLaptop, '1', atHubTime(pc.machine));
  applyRemoteDocs(laptop.machine.db, fromPc, '1', atHubTime(laptop.machine));
  return { pc, laptop };
}

const parked = (m: SyncMachine) => m.db.prepare('SELECT doc_id, reason FROM sync_pending').all();

describe('one 受付番号 issued on two machines before they shared', () => {
  it('both machines show both inquiries after replication, each under its own clinic, numbers unchanged, nothing waiting', () => {
    const { pc, laptop } = twoMachinesReplicated();
    expect(pc.inquiry.receiptNumber).toBe('A-2026-0001');
    expect(laptop.inquiry.receiptNumber).toBe('A-2026-0001');
    for (const { machine } of [pc, laptop]) {
      expect(parked(machine)).toEqual([]);
      expect(getInquiry(machine.db, pc.inquiry.id)).toMatchObject({ receiptNumber: 'A-2026-0001', clinicName: '鹿屋こども医院', content: '鹿屋こども医院からの相談', receiptNumberShared: true });
      expect(getInquiry(machine.db, laptop.inquiry.id)).toMatchObject({ receiptNumber: 'A-2026-0001', clinicName: '志布志眼科', content: '志布志眼科からの相談', receiptNumberShared: true });
      const listed = listInquiries(machine.db, { today, limit: 100 });
      expect(listed.items.map((i) => [i.receiptNumber, i.clinicName]).sort()).toEqual([['A-2026-0001', '志布志眼科'], ['A-2026-0001', '鹿屋こども医院']]);
    }
  });

  it('looking the number up finds both, and each inquiry’s detail names the other by its clinic', () => {
    const { pc, laptop } = twoMachinesReplicated();
    createInquiry(pc.machine.db, pc.clinic.id, { receivedOn: '2026-11-19', channel: 'counter', content: '', nextActionOn: null, staffId: null }, pc.machine.ctx);
    const found = listInquiries(pc.machine.db, { receiptNumber: 'A-2026-0001', today, limit: 100 });
    expect(found.total).toBe(2);
    expect(found.items.map((i) => i.clinicName).sort()).toEqual(['志布志眼科', '鹿屋こども医院']);
    expect(inquiriesWithSameReceiptNumber(pc.machine.db, pc.inquiry.id)).toEqual([{ id: laptop.inquiry.id, clinicName: '志布志眼科', receivedOn: '2026-11-18', archivedAt: null }]);
    expect(inquiriesWithSameReceiptNumber(laptop.machine.db, laptop.inquiry.id)).toEqual([
      { id: pc.inquiry.id, clinicName: '鹿屋こども医院', receivedOn: '2026-11-18', archivedAt: null },
    ]);
    // A number this machine issued once is not marked.
    expect(listInquiries(pc.machine.db, { receiptNumber: 'A-2026-0002', today, limit: 100 }).items).toEqual([expect.objectContaining({ receiptNumberShared: false })]);
  });

  it('a change to one of them reaches the other machine on that inquiry only', () => {
    const { pc, laptop } = twoMachinesReplicated();
    changeInquiryStatus(laptop.machine.db, laptop.inquiry.id, { to: 'materials_sent', reason: '', expectedRevision: laptop.inquiry.revision }, laptop.machine.ctx);
    applyRemoteDocs(pc.machine.db, drain(laptop.machine), '2', atHubTime(pc.machine));
    expect(parked(pc.machine)).toEqual([]);
    expect(getInquiry(pc.machine.db, laptop.inquiry.id)?.status).toBe('materials_sent');
    expect(getInquiry(pc.machine.db, pc.inquiry.id)?.status).toBe('new');
  });

  it('the export has both rows, each with its clinic', () => {
    const { pc } = twoMachinesReplicated();
    expect([...iterateInquiriesForExport(pc.machine.db, false)].map((i) => `${i.receiptNumber} ${i.clinicName}`).sort()).toEqual([
      'A-2026-0001 志布志眼科',
      'A-2026-0001 鹿屋こども医院',
    ]);
  });

  it('a conflict notice on one of them names its clinic beside the number', () => {
    const { pc, laptop } = twoMachinesReplicated();
    const edit = (m: SyncMachine, content: string) =>
      updateInquiry(m.db, laptop.inquiry.id, { receivedOn: '2026-11-18', channel: 'phone', content, nextActionOn: null, staffId: null }, m.ctx, getInquiry(m.db, laptop.inquiry.id)!.revision);
    edit(pc.machine, '窓口で追記');
    edit(laptop.machine, 'ノートで追記');
    const [mine] = drain(pc.machine);
    const [theirs] = drain(laptop.machine);
    const { doc, notices } = mergeLeaves([mine!, theirs!]);
    applyRemoteDocs(pc.machine.db, [doc, ...notices], '2', atHubTime(pc.machine));
    const names = { self: 'office-1', prefixes: new Map([['office-1', 'A'], ['laptop', 'L']]) };
    expect(listNotices(pc.machine.db, { recordId: laptop.inquiry.id, includeResolved: false }, names).map((n) => n.recordLabel)).toEqual(['A-2026-0001（志布志眼科）']);
  });
});
