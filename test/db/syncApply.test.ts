import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { createClinic, getClinic, setClinicArchived, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { changeInquiryStatus, createInquiry, getInquiry, inquiryHistory } from '../../electron/core/db/repos/inquiries.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { applyRemoteDocs, replaceSharedRecords, retryHeld, rowsDeletedBy, sharedRecordCount } from '../../electron/core/sync/applyRemote.ts';
import { countUnsent, readOutbox } from '../../electron/core/sync/outbox.ts';
import { readCheckpoint } from '../../electron/core/sync/syncState.ts';
import type { RecordDoc } from '../../electron/core/sync/syncPorts.ts';
import { drain, syncMachine, type SyncMachine } from '../helpers/syncMachines.ts';

const clinic = (input: object) => clinicInputSchema.parse(input);
const atHubTime = (machine: SyncMachine) => ({ now: machine.ctx.now, clockOffsetMs: 0 });
const names = (m: SyncMachine, query: string) => findClinics(m.db, { query, limit: 10, includeArchived: false }).items.map((c) => c.name);

describe('applying documents from other machines', () => {
  it('finds a clinic that arrived from another machine by its ふりがな and its phone number', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    createClinic(laptop.db, clinic({ name: '鹿屋こども医院', nameKana: 'カノヤコドモイイン', phone: '0994-40-1234' }), laptop.ctx);
    const result = applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
    expect(result).toEqual({ areas: ['clinics'], held: 0, waiting: 0 });
    expect(names(pc, 'かのや')).toEqual(['鹿屋こども医院']);
    expect(names(pc, '0994401234')).toEqual(['鹿屋こども医院']);
    expect(names(pc, 'こども')).toEqual(['鹿屋こども医院']);
  });

  it('derives the 市町村 of a clinic from another machine here, and never sends a 市町村 of its own', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const saved = createClinic(laptop.db, clinic({ name: '栗野医院', postalCode: '899-6201' }), laptop.ctx);
    const sent = drain(laptop);
    expect(sent.every((doc) => !('municipality' in doc.fields))).toBe(true);
    applyRemoteDocs(pc.db, sent, '1', atHubTime(pc));
    expect(getClinic(pc.db, saved.id)?.municipality).toBe('湧水町');
    updateClinic(laptop.db, saved.id, clinic({ name: '栗野医院', address: '霧島市国分中央3-1' }), laptop.ctx, saved.revision);
    applyRemoteDocs(pc.db, drain(laptop), '2', atHubTime(pc));
    expect(getClinic(pc.db, saved.id)?.municipality).toBe('霧島市');
    expect(findClinics(pc.db, { query: '', limit: 10, includeArchived: false, municipality: '霧島市' }).items.map((c) => c.id)).toEqual([saved.id]);
    expect(countUnsent(pc.db)).toBe(0);
  });

  it('never queues what it applied to be sent back', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const saved = createClinic(laptop.db, clinic({ name: '志布志医院' }), laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
    updateClinic(laptop.db, saved.id, clinic({ name: '志布志医院', memo: '火曜休診' }), laptop.ctx, saved.revision);
    applyRemoteDocs(pc.db, drain(laptop), '2', atHubTime(pc));
    expect(getClinic(pc.db, saved.id)?.memo).toBe('火曜休診');
    expect(countUnsent(pc.db)).toBe(0);
  });

  it('keeps an inquiry that arrives before its clinic waiting, then applies it with its history when the clinic comes', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const home = createClinic(laptop.db, clinic({ name: '垂水医院' }), laptop.ctx);
    const inquiry = createInquiry(laptop.db, home.id, { receivedOn: '2026-11-20', channel: 'visit', content: '訪問で相談', nextActionOn: null, staffId: null }, laptop.ctx);
    const docs = drain(laptop);
    const clinicDoc = docs.find((d) => d.table === 'clinics')!;

    expect(applyRemoteDocs(pc.db, docs.filter((d) => d !== clinicDoc), '1', atHubTime(pc))).toMatchObject({ waiting: 2 });
    expect(getInquiry(pc.db, inquiry.id)).toBeUndefined();

    expect(applyRemoteDocs(pc.db, [clinicDoc], '2', atHubTime(pc))).toMatchObject({ waiting: 0 });
    expect(getInquiry(pc.db, inquiry.id)).toMatchObject({ receiptNumber: inquiry.receiptNumber, clinicName: '垂水医院', content: '訪問で相談' });
    expect(inquiryHistory(pc.db, inquiry.id).map((h) => h.to)).toEqual(['new']);
  });

  it('holds a change stamped more than two minutes ahead of the hub, and applies it once the clock has caught up', () => {
    const clock = { now: new Date('2026-11-20T01:00:00.000Z') };
    const pc = syncMachine('office-1', clock);
    const fast = syncMachine('fast-laptop', { now: new Date('2026-11-20T01:10:00.000Z') });
    createClinic(fast.db, clinic({ name: '未来の医院' }), fast.ctx);
    expect(applyRemoteDocs(pc.db, drain(fast), '1', { now: () => clock.now, clockOffsetMs: 0 })).toMatchObject({ held: 1 });
    expect(names(pc, '未来')).toEqual([]);

    clock.now = new Date('2026-11-20T01:09:00.000Z');
    expect(retryHeld(pc.db, { now: () => clock.now, clockOffsetMs: 0 })).toMatchObject({ held: 0, areas: ['clinics'] });
    expect(names(pc, '未来')).toEqual(['未来の医院']);
  });

  it('judges "ahead" by the hub\'s clock: a machine whose own clock is slow still applies a change made now', () => {
    const slowClock = { now: new Date('2026-11-20T00:50:00.000Z') };
    const pc = syncMachine('office-1', slowClock);
    const laptop = syncMachine('laptop', { now: new Date('2026-11-20T01:00:00.000Z') });
    createClinic(laptop.db, clinic({ name: '時計の遅い端末へ' }), laptop.ctx);
    const tenMinutesSlow = -10 * 60 * 1000;
    expect(applyRemoteDocs(pc.db, drain(laptop), '1', { now: () => slowClock.now, clockOffsetMs: tenMinutesSlow })).toMatchObject({ held: 0, areas: ['clinics'] });
  });

  it('commits the checkpoint with its batch: a batch that fails part-way leaves neither its rows nor its checkpoint', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    createClinic(laptop.db, clinic({ name: '最初の医院' }), laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
    createClinic(laptop.db, clinic({ name: '二番目の医院' }), laptop.ctx);
    const [good] = drain(laptop);
    const broken = { _id: 'clinics:0190a000-0000-7000-8000-00000000dead', table: 'clinics', schema: 11, fields: { name: '壊れた文書' } } as unknown as RecordDoc;
    expect(() => applyRemoteDocs(pc.db, [good!, broken], '2', atHubTime(pc))).toThrow();
    expect(readCheckpoint(pc.db)).toBe('1');
    expect(names(pc, '二番目')).toEqual([]);
    expect(applyRemoteDocs(pc.db, [good!], '2', atHubTime(pc)).areas).toEqual(['clinics']);
    expect(readCheckpoint(pc.db)).toBe('2');
  });

  it('leaves a field with an unsent local edit alone and applies the other fields of the same record', () => {
    const clock = { now: new Date('2026-11-20T01:00:00.000Z') };
    const pc = syncMachine('office-1', clock);
    const laptop = syncMachine('laptop', clock);
    const saved = createClinic(laptop.db, clinic({ name: '伊集院医院', phone: '099-273-0000' }), laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
    clock.now = new Date('2026-11-20T01:01:00.000Z');
    const here = getClinic(pc.db, saved.id)!;
    updateClinic(pc.db, saved.id, clinic({ name: '伊集院医院', phone: '099-273-1111' }), pc.ctx, here.revision);
    updateClinic(laptop.db, saved.id, clinic({ name: '伊集院医院', phone: '099-273-2222', memo: '院長が窓口' }), laptop.ctx, saved.revision);
    applyRemoteDocs(pc.db, drain(laptop), '2', atHubTime(pc));
    expect(getClinic(pc.db, saved.id)).toMatchObject({ phone: '099-273-1111', memo: '院長が窓口' });
    expect(readOutbox(pc.db, 10)[0]?.fields).toMatchObject({ phone: '099-273-1111' });
  });

  it('refuses a form opened before a remote edit arrived, as it would after an edit on this machine', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const saved = createClinic(laptop.db, clinic({ name: '国分医院' }), laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
    const openedForm = getClinic(pc.db, saved.id)!;
    updateClinic(laptop.db, saved.id, clinic({ name: '国分中央医院' }), laptop.ctx, saved.revision);
    applyRemoteDocs(pc.db, drain(laptop), '2', atHubTime(pc));
    expect(() => updateClinic(pc.db, saved.id, clinic({ name: '国分医院', memo: '古い画面から' }), pc.ctx, openedForm.revision)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('removes a purged clinic and its inquiry from search and lists on the other machine', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const gone = createClinic(laptop.db, clinic({ name: '閉院した眼科' }), laptop.ctx);
    const inquiry = createInquiry(laptop.db, gone.id, { receivedOn: '2026-11-20', channel: 'phone', content: '', nextActionOn: null, staffId: null }, laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc));
    setClinicArchived(laptop.db, gone.id, true, laptop.ctx);
    changeInquiryStatus(laptop.db, inquiry.id, { to: 'declined', reason: '閉院', expectedRevision: 1 }, laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '2', atHubTime(pc));
    expect(purgeArchived(laptop.db)).toMatchObject({ clinics: 1, inquiries: 1 });
    const deletions = drain(laptop).map((d) => ({ _id: d._id, _deleted: true as const }));
    // The clinic, its inquiry and the inquiry's two lines of history.
    expect(rowsDeletedBy(pc.db, deletions)).toBe(4);
    expect(applyRemoteDocs(pc.db, deletions, '3', atHubTime(pc))).toMatchObject({ waiting: 0 });
    expect(rowsDeletedBy(pc.db, deletions)).toBe(0);
    expect(getClinic(pc.db, gone.id)).toBeUndefined();
    expect(getInquiry(pc.db, inquiry.id)).toBeUndefined();
    expect(findClinics(pc.db, { query: '閉院', limit: 10, includeArchived: true }).items).toEqual([]);
  });

  it('keeps a record a remote purge removed when this machine edited it offline (the live revision wins)', () => {
    const clock = { now: new Date('2026-11-20T01:00:00.000Z') };
    const pc = syncMachine('office-1', clock);
    const laptop = syncMachine('laptop', clock);
    const saved = createClinic(pc.db, clinic({ name: '復活する医院' }), pc.ctx);
    applyRemoteDocs(laptop.db, drain(pc), '1', atHubTime(laptop));
    setClinicArchived(pc.db, saved.id, true, pc.ctx);
    applyRemoteDocs(laptop.db, drain(pc), '2', atHubTime(laptop));
    clock.now = new Date('2026-11-20T02:00:00.000Z');
    updateClinic(laptop.db, saved.id, clinic({ name: '復活する医院', memo: '外出先で追記' }), laptop.ctx, getClinic(laptop.db, saved.id)!.revision);
    purgeArchived(pc.db);
    const deletions = drain(pc).map((d) => ({ _id: d._id, _deleted: true as const }));
    applyRemoteDocs(laptop.db, deletions, '3', atHubTime(laptop));
    expect(getClinic(laptop.db, saved.id)?.memo).toBe('外出先で追記');
    expect(countUnsent(laptop.db)).toBe(1);
  });

  it('ignores receipt-prefix claims and the hub\'s minimum schema, which are not records', () => {
    const pc = syncMachine('office-1');
    const others = [{ _id: 'prefix:B', machine: 'laptop' }, { _id: 'meta:minimum-schema', schema: 11 }] as unknown as RecordDoc[];
    expect(applyRemoteDocs(pc.db, others, '5', atHubTime(pc))).toEqual({ areas: [], held: 0, waiting: 0 });
    expect(readCheckpoint(pc.db)).toBe('5');
  });

  it("empties this machine's shared records before it takes the hub's, keeping receipt numbers already issued", () => {
    const pc = syncMachine('office-1');
    const mine = createClinic(pc.db, clinic({ name: '手元だけの医院' }), pc.ctx);
    const first = createInquiry(pc.db, mine.id, { receivedOn: '2026-11-20', channel: 'phone', content: '', nextActionOn: null, staffId: null }, pc.ctx);
    expect(sharedRecordCount(pc.db)).toBe(3);
    replaceSharedRecords(pc.db);
    expect(sharedRecordCount(pc.db)).toBe(0);
    expect(countUnsent(pc.db)).toBe(0);
    expect(names(pc, '手元')).toEqual([]);
    const again = createClinic(pc.db, clinic({ name: '取り直した医院' }), pc.ctx);
    const next = createInquiry(pc.db, again.id, { receivedOn: '2026-11-20', channel: 'phone', content: '', nextActionOn: null, staffId: null }, pc.ctx);
    expect(next.receiptNumber).not.toBe(first.receiptNumber);
  });

  it('keeps a clinic whose 会員番号 a clinic here already holds waiting, and applies the rest of the batch', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    createClinic(pc.db, clinic({ name: '事務所で登録した医院', memberNumber: 'K-0001' }), pc.ctx);
    createClinic(laptop.db, clinic({ name: '外出先で登録した医院', memberNumber: 'K-0001' }), laptop.ctx);
    createClinic(laptop.db, clinic({ name: '同じ便で届く医院' }), laptop.ctx);
    expect(applyRemoteDocs(pc.db, drain(laptop), '1', atHubTime(pc))).toMatchObject({ waiting: 1, areas: ['clinics'] });
    expect(names(pc, '医院').sort()).toEqual(['事務所で登録した医院', '同じ便で届く医院']);
    expect(readCheckpoint(pc.db)).toBe('1');
  });

  it('brings a purged clinic back when this machine added an inquiry to it offline', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const saved = createClinic(pc.db, clinic({ name: '外出先で相談を受けた医院' }), pc.ctx);
    applyRemoteDocs(laptop.db, drain(pc), '1', atHubTime(laptop));
    setClinicArchived(pc.db, saved.id, true, pc.ctx);
    applyRemoteDocs(laptop.db, drain(pc), '2', atHubTime(laptop));
    const inquiry = createInquiry(laptop.db, saved.id, { receivedOn: '2026-11-20', channel: 'visit', content: '訪問先で相談', nextActionOn: null, staffId: null }, laptop.ctx);
    purgeArchived(pc.db);
    const deletions = drain(pc).map((d) => ({ _id: d._id, _deleted: true as const }));
    expect(applyRemoteDocs(laptop.db, deletions, '3', atHubTime(laptop))).toMatchObject({ waiting: 0 });
    expect(getInquiry(laptop.db, inquiry.id)?.clinicName).toBe('外出先で相談を受けた医院');
    const resent = drain(laptop);
    expect(resent.map((d) => d.table).sort()).toEqual(['clinics', 'inquiries', 'inquiry_status_history']);
    expect(resent.find((d) => d.table === 'clinics')?.fields).toMatchObject({ name: '外出先で相談を受けた医院' });
    applyRemoteDocs(pc.db, resent, '4', atHubTime(pc));
    expect(getInquiry(pc.db, inquiry.id)?.clinicName).toBe('外出先で相談を受けた医院');
  });

  it('applies the fields it knows of a document a newer app wrote, and stores nothing of the others', () => {
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    createClinic(laptop.db, clinic({ name: '新しい版の医院' }), laptop.ctx);
    const [doc] = drain(laptop);
    const newer = { ...doc!, schema: 12, fields: { ...doc!.fields, email: 'info@example.jp' }, stamps: { ...doc!.stamps, email: doc!.stamps.name! } };
    expect(applyRemoteDocs(pc.db, [newer], '1', atHubTime(pc))).toEqual({ areas: ['clinics'], held: 0, waiting: 0 });
    expect(names(pc, '新しい版')).toEqual(['新しい版の医院']);
  });
});
