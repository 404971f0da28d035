import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/openTestCore.ts';
import { call, startTestHost, type TestHost } from '../helpers/testHost.ts';

/** One counter PC: its prefix, its staff member at the counter, and `inquiries` issued 受付番号. */
async function counter(prefix: string, staffName: string, clinicName: string, inquiries: number) {
  const t = await startTestHost();
  const staff = (await call(t, 'staff.create', { name: staffName })).body.result;
  await call(t, 'settings.update', { receiptPrefix: prefix, currentStaffId: staff.id });
  const clinic = (await call(t, 'clinics.create', { name: clinicName })).body.result;
  for (let i = 0; i < inquiries; i++) await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone' });
  return { t, staff, clinic };
}

const identity = async (t: TestHost) => ({
  machineId: (await call(t, 'app.info', {})).body.result.machineId,
  settings: (await call(t, 'settings.get', {})).body.result,
});

const nextReceipt = async (t: TestHost, clinicId: string) =>
  (await call(t, 'inquiries.create', { clinicId, receivedOn: '2026-11-25', channel: 'counter' })).body.result.inquiry.receiptNumber as string;

describe('restore keeps this machine this machine', () => {
  it("restoring another PC's backup brings its data, not its machine id, prefix, staff member or receipt numbers", async () => {
    const here = await counter('A', '窓口 花子', '霧島眼科', 3);
    const there = await counter('B', '支所 太郎', '指宿内科', 5);
    const before = await identity(here.t);
    // The other PC's backup arrives on a USB stick (as a plain file in its backups folder here).
    const theirs = (await call(there.t, 'backups.create', {})).body.result;
    const arrived = 'backup-20261201T010000Z-imported.sqlite3';
    fs.mkdirSync(path.join(here.t.dataDir, 'backups'), { recursive: true });
    fs.copyFileSync(path.join(there.t.dataDir, 'backups', theirs.fileName), path.join(here.t.dataDir, 'backups', arrived));

    expect((await call(here.t, 'backups.restore', { fileName: arrived })).body.ok).toBe(true);
    const names = (await call(here.t, 'clinics.search', { query: '', includeArchived: true })).body.result.items.map((c: { name: string }) => c.name);
    expect(names).toEqual(['指宿内科']);
    expect(await identity(here.t)).toEqual(before);
    expect((await identity(here.t)).machineId).not.toBe((await identity(there.t)).machineId);
    // The staff member at this counter is still known, and still records the changes made here.
    const staffNames = (await call(here.t, 'staff.list', { includeInactive: true })).body.result.items.map((s: { name: string }) => s.name).sort();
    expect(staffNames).toEqual(['支所 太郎', '窓口 花子'].sort());
    // This PC goes on from its own last number, and the other PC's numbers stay theirs.
    expect(await nextReceipt(here.t, there.clinic.id)).toMatch(/^A-2026-0*4$/);
    // After a restart too: the identity is in the restored file, not only in memory.
    await here.t.core.close();
    const reopened = await openTestCore(here.t.dataDir);
    expect(await reopened.dispatch('app.info', {})).toMatchObject({ ok: true, result: { machineId: before.machineId } });
    expect(await reopened.dispatch('settings.get', {})).toMatchObject({ ok: true, result: before.settings });
  });

  it("restoring this PC's own older backup never issues a 受付番号 twice", async () => {
    const here = await counter('A', '窓口 花子', '霧島眼科', 1);
    const older = (await call(here.t, 'backups.create', {})).body.result;
    await call(here.t, 'inquiries.create', { clinicId: here.clinic.id, receivedOn: '2026-11-24', channel: 'phone' });
    await call(here.t, 'inquiries.create', { clinicId: here.clinic.id, receivedOn: '2026-11-24', channel: 'phone' });
    expect((await call(here.t, 'backups.restore', { fileName: older.fileName })).body.ok).toBe(true);
    // Numbers 2 and 3 were handed out (a FAX may carry them): the next one is 4, not 2 again.
    expect(await nextReceipt(here.t, here.clinic.id)).toMatch(/^A-2026-0*4$/);
  });
});
