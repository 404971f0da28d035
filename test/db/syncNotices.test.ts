import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { createClinic, getClinic, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { createStaff } from '../../electron/core/db/repos/staff.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { mergeLeaves } from '../../electron/core/sync/mergeLeaves.ts';
import { ackOutbox, readOutbox } from '../../electron/core/sync/outbox.ts';
import { countOpenNotices, dismissNotice, listNotices, putBackNotice, readNoticeOutbox } from '../../electron/core/sync/syncNotices.ts';
import { drain, syncMachine, type SyncMachine } from '../helpers/syncMachines.ts';

const clinic = (input: object) => clinicInputSchema.parse(input);
/** As the hub's `prefix:` claims name them: the office PC claimed A, the laptop L. */
const namesOn = (machine: SyncMachine) => ({ self: machine.ctx.machineId, prefixes: new Map([['office-1', 'A'], ['laptop', 'L']]) });
const atHubTime = (machine: SyncMachine) => ({ now: machine.ctx.now, clockOffsetMs: 0 });

/** Both machines changed the phone of one clinic while apart; the office PC resolves the conflict as the replication side does. */
function concurrentPhoneEdits() {
  const clock = { now: new Date('2026-11-20T01:00:00.000Z') };
  const pc = syncMachine('office-1', clock);
  const laptop = syncMachine('laptop', clock);
  const staff = createStaff(laptop.db, '山下', laptop.ctx);
  applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
  const saved = createClinic(pc.db, clinic({ name: '加治木医院', phone: '0995-62-0000' }), pc.ctx);
  applyRemoteDocs(laptop.db, drain(pc), '1', atHubTime(laptop));
  clock.now = new Date('2026-11-20T02:00:00.000Z');
  updateClinic(pc.db, saved.id, clinic({ name: '加治木医院', phone: '0995-62-1111' }), pc.ctx, saved.revision);
  clock.now = new Date('2026-11-20T02:10:00.000Z');
  updateClinic(laptop.db, saved.id, clinic({ name: '加治木医院', phone: '0995-62-2222' }), { ...laptop.ctx, staffId: staff.id }, saved.revision);
  const [mine] = drain(pc);
  const [theirs] = drain(laptop);
  const { doc, notices } = mergeLeaves([mine!, theirs!]);
  applyRemoteDocs(pc.db, [doc, ...notices], '2', atHubTime(pc));
  return { pc, laptop, saved, clock };
}

describe('conflict notices', () => {
  it('shows the kept and the replaced value, who wrote each, and where, in Japanese', () => {
    const { pc, saved } = concurrentPhoneEdits();
    expect(getClinic(pc.db, saved.id)?.phone).toBe('0995-62-2222');
    const [notice] = listNotices(pc.db, { recordId: saved.id, includeResolved: false }, namesOn(pc));
    expect(notice).toMatchObject({
      recordKind: 'clinic',
      recordId: saved.id,
      recordLabel: '加治木医院',
      fieldLabel: '電話番号',
      keptValue: '0995-62-2222',
      replacedValue: '0995-62-1111',
      kept: { machine: 'laptop', thisMachine: false, machinePrefix: 'L', staffName: '山下', at: '2026-11-20T02:10:00.000Z' },
      replaced: { machine: 'office-1', thisMachine: true, machinePrefix: 'A', staffName: null, at: '2026-11-20T02:00:00.000Z' },
      resolvedAt: null,
    });
    expect(countOpenNotices(pc.db)).toBe(1);
  });

  it('puts the replaced value back as an ordinary edit that goes to the other machines, and closes the notice everywhere', () => {
    const { pc, saved, clock } = concurrentPhoneEdits();
    ackOutbox(pc.db, readOutbox(pc.db, 10));
    const [notice] = listNotices(pc.db, { includeResolved: false }, namesOn(pc));
    clock.now = new Date('2026-11-20T03:00:00.000Z');
    const resolved = putBackNotice(pc.db, notice!.id, pc.ctx, namesOn(pc));
    expect(resolved.resolvedAt).toBe('2026-11-20T03:00:00.000Z');
    expect(getClinic(pc.db, saved.id)?.phone).toBe('0995-62-1111');
    expect(readOutbox(pc.db, 10)[0]?.fields).toMatchObject({ phone: '0995-62-1111' });
    expect(readNoticeOutbox(pc.db, 10).map((n) => n.doc)).toEqual([expect.objectContaining({ _id: `notice:${notice!.id}`, resolvedAt: '2026-11-20T03:00:00.000Z' })]);
    expect(listNotices(pc.db, { includeResolved: false }, namesOn(pc))).toEqual([]);
    expect(listNotices(pc.db, { includeResolved: true }, namesOn(pc))).toHaveLength(1);
  });

  it('refuses to put a value back over a later edit of the same field', () => {
    const { pc, saved } = concurrentPhoneEdits();
    const current = getClinic(pc.db, saved.id)!;
    updateClinic(pc.db, saved.id, clinic({ name: '加治木医院', phone: '0995-62-3333' }), pc.ctx, current.revision);
    const [notice] = listNotices(pc.db, { includeResolved: false }, namesOn(pc));
    expect(() => putBackNotice(pc.db, notice!.id, pc.ctx, namesOn(pc))).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('その後にも変更') }));
    expect(getClinic(pc.db, saved.id)?.phone).toBe('0995-62-3333');
    expect(countOpenNotices(pc.db)).toBe(1);
  });

  it('closes a notice and keeps the value that won when it is dismissed', () => {
    const { pc, saved } = concurrentPhoneEdits();
    const [notice] = listNotices(pc.db, { includeResolved: false }, namesOn(pc));
    dismissNotice(pc.db, notice!.id, pc.ctx, namesOn(pc));
    expect(getClinic(pc.db, saved.id)?.phone).toBe('0995-62-2222');
    expect(countOpenNotices(pc.db)).toBe(0);
  });

  it('tells clearly that a notice is gone', () => {
    const pc = syncMachine('office-1');
    expect(() => dismissNotice(pc.db, 'f'.repeat(64), pc.ctx, namesOn(pc))).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('通知が見つかりません') }));
  });

  it('names the clinics of a まとめ先 notice (two machines merged one duplicate into different records) by their names', () => {
    const pc = syncMachine('office-1');
    const duplicate = createClinic(pc.db, clinic({ name: '加治木医院（重複）' }), pc.ctx);
    const here = createClinic(pc.db, clinic({ name: '加治木医院' }), pc.ctx);
    const there = createClinic(pc.db, clinic({ name: '医療法人 加治木医院' }), pc.ctx);
    const side = (value: string, m: string, t: string) => JSON.stringify({ value, stamp: { t, m, c: 1 }, staffId: null });
    pc.db.prepare('INSERT INTO sync_notices (id, record_doc_id, field, kept, replaced, resolved_at) VALUES (?, ?, ?, ?, ?, NULL)').run(
      'e'.repeat(64), `clinics:${duplicate.id}`, 'merged_into', side(there.id, 'laptop', '2026-11-20T02:10:00.000Z'), side(here.id, 'office-1', '2026-11-20T02:00:00.000Z'),
    );
    const [notice] = listNotices(pc.db, { recordId: duplicate.id, includeResolved: false }, namesOn(pc));
    expect(notice).toMatchObject({ fieldLabel: 'まとめ先', keptValue: '医療法人 加治木医院', replacedValue: '加治木医院' });
  });
});
