import { describe, expect, it } from 'vitest';
import { clinicInputSchema, type ClinicKind } from '../../shared/domain/clinic.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { createInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { markStep, stepMarksOf } from '../../electron/core/db/repos/inquirySteps.ts';
import { createStaff } from '../../electron/core/db/repos/staff.ts';
import { updateSettings } from '../../electron/core/db/repos/settings.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import { drain, syncMachine, type SyncMachine } from '../helpers/syncMachines.ts';

function inquiryAt(machine: SyncMachine, kind: ClinicKind, bedCount: number | null = null) {
  const clinic = createClinic(machine.db, clinicInputSchema.parse({ name: '霧島中央病院', kind, bedCount }), machine.ctx);
  return createInquiry(machine.db, clinic.id, { receivedOn: '2026-11-18', channel: 'phone', content: '', nextActionOn: null, staffId: null }, machine.ctx);
}

describe('the 告知書 steps of a hospital’s inquiry', () => {
  it('keeps who ticked a step and when, and an undo as a newer mark, never editing the first', () => {
    const machine = syncMachine('office-1');
    const staff = createStaff(machine.db, '山田 花子', machine.ctx);
    updateSettings(machine.db, { currentStaffId: staff.id });
    const inquiry = inquiryAt(machine, 'hospital', 120);
    markStep(machine.db, { inquiryId: inquiry.id, step: 'noticeFormRequested', doneOn: '2026-11-19' }, machine.ctx);
    expect(stepMarksOf(machine.db, inquiry.id)).toEqual([{ step: 'noticeFormRequested', doneOn: '2026-11-19', by: '山田 花子' }]);

    machine.ctx.now = () => new Date('2026-11-20T02:00:00.000Z');
    markStep(machine.db, { inquiryId: inquiry.id, step: 'noticeFormRequested', doneOn: null }, machine.ctx);
    expect(stepMarksOf(machine.db, inquiry.id)).toEqual([{ step: 'noticeFormRequested', doneOn: null, by: '山田 花子' }]);
    expect(machine.db.prepare('SELECT count(*) FROM inquiry_step_marks').pluck().get()).toBe(2);
    expect(() => machine.db.prepare("UPDATE inquiry_step_marks SET done_on = '2026-11-01'").run()).toThrow(/never edited/);
  });

  it('refuses a date in the future, before 受付日, and the steps on a clinic that needs no 告知書', () => {
    const machine = syncMachine('office-1');
    const hospital = inquiryAt(machine, 'geriatric_facility');
    expect(() => markStep(machine.db, { inquiryId: hospital.id, step: 'noticeFormReceived', doneOn: '2026-11-21' }, machine.ctx)).toThrow('未来の日');
    expect(() => markStep(machine.db, { inquiryId: hospital.id, step: 'noticeFormReceived', doneOn: '2026-11-17' }, machine.ctx)).toThrow('受付日より前');
    const clinic = inquiryAt(machine, 'clinic_no_beds', 0);
    expect(() => markStep(machine.db, { inquiryId: clinic.id, step: 'noticeFormRequested', doneOn: '2026-11-19' }, machine.ctx)).toThrow('病院・介護老人保健施設');
    expect(machine.db.prepare('SELECT count(*) FROM inquiry_step_marks').pluck().get()).toBe(0);
  });

  it('replicates to another machine, and goes with its inquiry when that is purged', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    for (const m of [pc, laptop]) setSharing(m.db, true);
    const inquiry = inquiryAt(pc, 'hospital', 80);
    markStep(pc.db, { inquiryId: inquiry.id, step: 'noticeFormReceived', doneOn: '2026-11-20' }, pc.ctx);
    applyRemoteDocs(laptop.db, drain(pc), '1', { now: laptop.ctx.now, clockOffsetMs: 0 });
    expect(stepMarksOf(laptop.db, inquiry.id)).toEqual([{ step: 'noticeFormReceived', doneOn: '2026-11-20', by: null }]);

    pc.db.prepare('UPDATE inquiries SET archived_at = ? WHERE id = ?').run('2026-11-20T03:00:00.000Z', inquiry.id);
    pc.db.prepare('UPDATE clinics SET archived_at = ?').run('2026-11-20T03:00:00.000Z');
    purgeArchived(pc.db);
    expect(pc.db.prepare('SELECT count(*) FROM inquiry_step_marks').pluck().get()).toBe(0);
  });
});
