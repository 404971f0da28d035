import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { createClinic, getClinic, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { createInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { setClinicArchived } from '../../electron/core/db/repos/clinicRecords.ts';
import { ackOutbox, countUnsent, queueAllSharedRecords, readOutbox } from '../../electron/core/sync/outbox.ts';
import { stampChanges } from '../../electron/core/sync/recordDocs.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import { importCsv } from '../helpers/importJobs.ts';
import { drain, syncMachine } from '../helpers/syncMachines.ts';
import { startTestHost, uploadFile } from '../helpers/testHost.ts';

const clinic = (input: object) => clinicInputSchema.parse(input);

describe('the outbox of changes to send', () => {
  it('queues nothing while this machine does not share, and only the changed fields once it does', () => {
    const clock = { now: new Date('2026-11-20T01:00:00.000Z') };
    const pc = syncMachine('office-1', clock);
    setSharing(pc.db, false);
    const saved = createClinic(pc.db, clinic({ name: '鹿児島眼科', phone: '099-111-2222' }), pc.ctx);
    expect(countUnsent(pc.db)).toBe(0);

    setSharing(pc.db, true);
    clock.now = new Date('2026-11-20T01:05:00.000Z');
    updateClinic(pc.db, saved.id, { ...clinic({ name: '鹿児島眼科', phone: '099-111-3333' }) }, pc.ctx, saved.revision);
    const [entry] = readOutbox(pc.db, 10);
    expect(entry).toMatchObject({ docId: `clinics:${saved.id}`, table: 'clinics', recordId: saved.id, gone: false });
    // phone_digits and revision changed too, but they never leave this machine.
    expect(Object.keys(entry!.fields).sort()).toEqual(['phone', 'updated_at']);
    expect(entry!.fields.phone).toBe('099-111-3333');
  });

  it("catches clinics the import worker writes through its own connection", async () => {
    const t = await startTestHost();
    const side = openDatabase(t.core.dbPath);
    setSharing(side, true);
    const fileId = await uploadFile(t, '名簿.csv', Buffer.from('\ufeff医療機関名,電話番号\r\n指宿内科,0993-22-1111\r\n枕崎歯科,0993-72-2222\r\n'));
    expect(await importCsv(t, fileId)).toMatchObject({ imported: 2 });
    const entries = readOutbox(side, 10);
    expect(entries.map((e) => e.fields.name).sort()).toEqual(['指宿内科', '枕崎歯科']);
    expect(entries.every((e) => e.table === 'clinics' && e.fields.phone !== undefined && !('name_norm' in e.fields))).toBe(true);
    side.close();
  });

  it('keeps a field edited again after it was read queued when the older read is acknowledged', () => {
    const pc = syncMachine('office-1');
    const saved = createClinic(pc.db, clinic({ name: '出水医院' }), pc.ctx);
    const read = readOutbox(pc.db, 10);
    updateClinic(pc.db, saved.id, clinic({ name: '出水医院', memo: '午後のみ' }), pc.ctx, saved.revision);
    ackOutbox(pc.db, read);
    const [left] = readOutbox(pc.db, 10);
    expect(left?.fields).toMatchObject({ memo: '午後のみ' });
    expect(left?.fields).not.toHaveProperty('name');
  });

  it('writes nothing new when the same changes are drained twice (a crash before the acknowledgement)', () => {
    const pc = syncMachine('office-1');
    createClinic(pc.db, clinic({ name: '川内クリニック' }), pc.ctx);
    const [entry] = readOutbox(pc.db, 10);
    const first = stampChanges(undefined, entry!, { machineId: 'office-1', counter: 1, schema: 11 })!;
    expect(first.fields).toMatchObject({ name: '川内クリニック' });
    expect(first.stamps.name).toEqual({ t: first.fields.created_at, m: 'office-1', c: 1 });
    expect(stampChanges({ ...first, _rev: '1-a' }, entry!, { machineId: 'office-1', counter: 2, schema: 11 })).toBeNull();
  });

  it('keeps the fields a newer app wrote when this one stamps its edit', () => {
    const pc = syncMachine('office-1');
    const saved = createClinic(pc.db, clinic({ name: '霧島医院' }), pc.ctx);
    const [created] = drain(pc);
    pc.store.set(created!._id, { ...created!, fields: { ...created!.fields, email: 'info@example.jp' }, stamps: { ...created!.stamps, email: { t: '2026-11-20T00:00:00.000Z', m: 'new-app', c: 9 } } });
    updateClinic(pc.db, saved.id, clinic({ name: '霧島医院', memo: '新しい版の端末と共有' }), pc.ctx, saved.revision);
    const [edited] = drain(pc);
    expect(edited?.fields).toMatchObject({ email: 'info@example.jp', memo: '新しい版の端末と共有' });
    expect(edited?.stamps.email).toEqual({ t: '2026-11-20T00:00:00.000Z', m: 'new-app', c: 9 });
  });

  it('sends a purged record as a deletion without fields', () => {
    const pc = syncMachine('office-1');
    const saved = createClinic(pc.db, clinic({ name: '閉院した医院' }), pc.ctx);
    drain(pc);
    setClinicArchived(pc.db, saved.id, true, pc.ctx);
    purgeArchived(pc.db);
    const [entry] = readOutbox(pc.db, 10);
    expect(entry).toMatchObject({ gone: true, row: null });
    const [deletion] = drain(pc);
    expect(deletion).toMatchObject({ _id: `clinics:${saved.id}`, _deleted: true, fields: {}, stamps: {} });
  });

  it('queues every shared record whole when the first machine fills the hub', () => {
    const pc = syncMachine('office-1');
    setSharing(pc.db, false);
    const a = createClinic(pc.db, clinic({ name: '阿久根医院' }), pc.ctx);
    createInquiry(pc.db, a.id, { receivedOn: '2026-11-20', channel: 'phone', content: '資料希望', nextActionOn: null, staffId: null }, pc.ctx);
    setSharing(pc.db, true);
    expect(queueAllSharedRecords(pc.db)).toBe(3);
    const docs = drain(pc);
    expect(docs.map((d) => d.table).sort()).toEqual(['clinics', 'inquiries', 'inquiry_status_history']);
    expect(docs.find((d) => d.table === 'inquiries')?.fields).toMatchObject({ clinic_id: a.id, content: '資料希望', status: 'new' });
    expect(countUnsent(pc.db)).toBe(0);
  });

  it('forgets what was queued when this machine leaves sharing, and keeps every record', () => {
    const pc = syncMachine('office-1');
    const saved = createClinic(pc.db, clinic({ name: '指宿医院' }), pc.ctx);
    expect(countUnsent(pc.db)).toBe(1);
    setSharing(pc.db, false);
    expect(countUnsent(pc.db)).toBe(0);
    updateClinic(pc.db, saved.id, clinic({ name: '指宿医院', memo: '共有をやめた後' }), pc.ctx, saved.revision);
    expect(countUnsent(pc.db)).toBe(0);
    expect(getClinic(pc.db, saved.id)?.memo).toBe('共有をやめた後');
  });
});
