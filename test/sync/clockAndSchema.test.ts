import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import type { CouchHub } from '../helpers/couchHub.ts';
import { connectionTo, differences, editClinic, hubDocs, machineUsers, notices, openMachine, startHub, syncUntilConverged, waitUntil, type ClinicView } from './machines.ts';

const twoDays = 2 * 24 * 60 * 60 * 1000;
const appSchema = migrations.length;

describe('clocks and app versions', () => {
  it('an edit made offline on a laptop whose clock is two days fast does not win over a newer office edit', async () => {
    const hub = await startHub();
    const office = await openMachine();
    const laptop = await openMachine({ clockOffsetMs: twoDays });
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    const clinic = await office.call<ClinicView>('clinics.create', { name: '枕崎病院', memo: '最初のメモ' });
    await syncUntilConverged(hub, [office, laptop]);
    expect(laptop.core.sync.status().state).toBe('clockSkew');

    // Out at a clinic, away from the hub, the laptop cannot know its clock is wrong.
    await laptop.core.sync.stop();
    await editClinic(laptop, clinic.id, { memo: 'ノートパソコンで書いたメモ' });
    // Later by more than the hub's Date header can tell apart: every machine's edits are put on
    // the hub's clock, measured to the second, so two edits within a second have no order to keep.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await editClinic(office, clinic.id, { memo: '事務所で後から書いたメモ' });
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [office, laptop]);

    for (const machine of [office, laptop]) {
      expect((await machine.call<ClinicView>('clinics.get', { id: clinic.id })).memo).toBe('事務所で後から書いたメモ');
      expect(notices(machine).map((notice) => notice.replaced)).toEqual(['ノートパソコンで書いたメモ']);
      expect(await differences(hub, machine)).toEqual([]);
    }
    // Back in touch with the hub, the laptop refuses new writes until its clock is put right.
    expect(await laptop.core.dispatch('clinics.create', { name: '新しい医療機関' })).toMatchObject({ ok: false, error: { code: 'CLOCK_SKEW' } });
  });

  it('an app older than the hub asks for stops sending, keeps receiving, and says so', async () => {
    const hub = await startHub();
    const older = await openMachine();
    older.core.sync.start(connectionTo(hub, machineUsers[1]));
    const clinic = await older.call<ClinicView>('clinics.create', { name: '阿久根医院', phone: '0996-72-0000' });
    await syncUntilConverged(hub, [older]);

    await hub.request('PUT', `${new URL(hub.dbUrl).pathname}/meta:minimum-schema`, { schema: appSchema + 1 }, hub.admin);
    await older.core.sync.syncNow();
    await waitUntil(() => older.core.sync.status().state === 'updateApp');
    expect(older.core.sync.status().message).toContain('このアプリを更新してください');

    await editClinic(older, clinic.id, { memo: '古いアプリで書いたメモ' });
    // Meanwhile an updated app elsewhere changes the phone number.
    await writeAsNewerApp(hub, `clinics:${clinic.id}`, { phone: '0996-72-1111' });
    await waitUntil(async () => {
      await older.core.sync.syncNow();
      return (await older.call<ClinicView>('clinics.get', { id: clinic.id })).phone === '0996-72-1111';
    });
    const onHub = (await hubDocs(hub)).get(`clinics:${clinic.id}`) as { fields: Record<string, unknown> };
    expect(onHub.fields.memo).not.toBe('古いアプリで書いたメモ');
    expect(older.core.sync.status().unsent).toBeGreaterThan(0);
    // What it wrote stays here, waiting for the update.
    expect((await older.call<ClinicView>('clinics.get', { id: clinic.id })).memo).toBe('古いアプリで書いたメモ');
  });

  it('fields written by a newer app are kept on the documents this one passes on', async () => {
    const hub = await startHub();
    const office = await openMachine();
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    const clinic = await office.call<ClinicView>('clinics.create', { name: '出水クリニック' });
    await syncUntilConverged(hub, [office]);

    await writeAsNewerApp(hub, `clinics:${clinic.id}`, { line_id: '@izumi-clinic' });

    await office.core.sync.syncNow();
    await editClinic(office, clinic.id, { memo: '更新後も残るか確認' });
    await syncUntilConverged(hub, [office]);
    const onHub = (await hubDocs(hub)).get(`clinics:${clinic.id}`) as { fields: Record<string, unknown> };
    expect(onHub.fields).toMatchObject({ line_id: '@izumi-clinic', memo: '更新後も残るか確認' });
  });
});

/** A revision written on the hub by a newer app on another machine: its own stamp, counter and schema. */
async function writeAsNewerApp(hub: CouchHub, id: string, changes: Record<string, unknown>) {
  const path = `${new URL(hub.dbUrl).pathname}/${id}`;
  const doc = (await hub.request('GET', path, undefined, hub.admin)).body as { fields: Record<string, unknown>; stamps: Record<string, unknown>; seen: Record<string, number> };
  const counter = (doc.seen['newer-app-machine'] ?? 0) + 1;
  const stamp = { t: new Date().toISOString(), m: 'newer-app-machine', c: counter };
  const stamps = Object.fromEntries(Object.keys(changes).map((field) => [field, stamp]));
  const newer = { ...doc, schema: appSchema + 1, fields: { ...doc.fields, ...changes }, stamps: { ...doc.stamps, ...stamps }, seen: { ...doc.seen, 'newer-app-machine': counter } };
  expect((await hub.request('PUT', path, newer, hub.admin)).status).toBe(201);
}
