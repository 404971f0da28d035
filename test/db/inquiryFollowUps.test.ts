import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { followUpInputSchema, type FollowUpInput } from '../../shared/domain/inquiryFollowUp.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { createInquiry, getInquiry, homeSummary, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { addFollowUp, followUpsOf } from '../../electron/core/db/repos/inquiryFollowUps.ts';
import { createStaff } from '../../electron/core/db/repos/staff.ts';
import { updateSettings } from '../../electron/core/db/repos/settings.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import { drain, syncMachine, type SyncMachine } from '../helpers/syncMachines.ts';

function overdueInquiry(machine: SyncMachine) {
  const clinic = createClinic(machine.db, clinicInputSchema.parse({ name: '出水ひふ科' }), machine.ctx);
  return createInquiry(machine.db, clinic.id, { receivedOn: '2026-11-10', channel: 'fax', content: '資料請求', nextActionOn: '2026-11-12', staffId: null }, machine.ctx);
}
const add = (machine: SyncMachine, input: FollowUpInput) => addFollowUp(machine.db, followUpInputSchema.parse(input), machine.ctx);

describe('対応記録 of an inquiry', () => {
  it('is kept apart from the 内容, with who and how, and the next 次回対応日 it leads to takes the item off ホーム’s overdue list', () => {
    const machine = syncMachine('office-1');
    const staff = createStaff(machine.db, '窓口 花子', machine.ctx);
    updateSettings(machine.db, { currentStaffId: staff.id });
    const inquiry = overdueInquiry(machine);
    expect(homeSummary(machine.db, '2026-11-20').due.map((i) => i.id)).toEqual([inquiry.id]);

    add(machine, { inquiryId: inquiry.id, doneOn: '2026-11-20', how: 'phone', note: '資料は届いたとのこと。院長と相談して連絡をくださる', nextActionOn: '2026-11-27', expectedRevision: inquiry.revision });
    expect(followUpsOf(machine.db, inquiry.id)).toMatchObject([{ doneOn: '2026-11-20', how: 'phone', staffName: '窓口 花子' }]);
    expect(getInquiry(machine.db, inquiry.id)).toMatchObject({ content: '資料請求', nextActionOn: '2026-11-27', status: 'new' });
    expect(homeSummary(machine.db, '2026-11-20').due).toEqual([]);

    // A second record without a new date leaves the date alone; the latest comes first.
    add(machine, { inquiryId: inquiry.id, doneOn: '2026-11-20', how: 'fax', note: '見積依頼書をFAX', expectedRevision: getInquiry(machine.db, inquiry.id)!.revision });
    expect(followUpsOf(machine.db, inquiry.id).map((f) => f.how)).toEqual(['fax', 'phone']);
    expect(getInquiry(machine.db, inquiry.id)?.nextActionOn).toBe('2026-11-27');
    expect(() => machine.db.prepare("UPDATE inquiry_follow_ups SET note = '書き換え'").run()).toThrow(/never edited/);
  });

  it('refuses a day in the future or before 受付日, and a stale form’s new date, saving nothing', () => {
    const machine = syncMachine('office-1');
    const inquiry = overdueInquiry(machine);
    const base = { inquiryId: inquiry.id, how: 'visit' as const, note: '訪問', expectedRevision: inquiry.revision };
    expect(() => add(machine, { ...base, doneOn: '2026-11-21' })).toThrow('未来の日');
    expect(() => add(machine, { ...base, doneOn: '2026-11-09' })).toThrow('受付日より前');
    // Someone else edited the inquiry since the form opened: the record and the date go together or not at all.
    updateInquiry(machine.db, inquiry.id, { receivedOn: '2026-11-10', channel: 'fax', content: '資料請求（追記）', nextActionOn: '2026-11-12', staffId: null }, machine.ctx, inquiry.revision);
    expect(() => add(machine, { ...base, doneOn: '2026-11-20', nextActionOn: '2026-11-30' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(followUpsOf(machine.db, inquiry.id)).toEqual([]);
    expect(getInquiry(machine.db, inquiry.id)?.nextActionOn).toBe('2026-11-12');
  });

  it('replicates to the other machines', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    for (const m of [pc, laptop]) setSharing(m.db, true);
    const inquiry = overdueInquiry(pc);
    add(pc, { inquiryId: inquiry.id, doneOn: '2026-11-20', how: 'counter', note: '来所、パンフレットを手渡し', nextActionOn: '2026-11-25', expectedRevision: inquiry.revision });
    applyRemoteDocs(laptop.db, drain(pc), '1', { now: laptop.ctx.now, clockOffsetMs: 0 });
    expect(followUpsOf(laptop.db, inquiry.id)).toMatchObject([{ how: 'counter', note: '来所、パンフレットを手渡し' }]);
    expect(getInquiry(laptop.db, inquiry.id)?.nextActionOn).toBe('2026-11-25');
  });
});
