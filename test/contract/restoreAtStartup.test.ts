import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreDamagedDataDir } from '../../electron/core/openCore.ts';
import { openTestCore } from '../helpers/openTestCore.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';

/** One counter PC with its own prefix and clinic, on a clock of its own. */
async function counter(prefix: string, clinicName: string, now = () => new Date()) {
  const t = await startTestHost({ now });
  await call(t, 'settings.update', { receiptPrefix: prefix });
  const clinic = (await call(t, 'clinics.create', { name: clinicName })).body.result;
  await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone' });
  return t;
}

const machineIdOf = async (t: TestHost) => (await call(t, 'app.info', {})).body.result.machineId as string;

/** The other PC's newest backup, placed in this PC's folder as a copy brought back on a USB stick. */
async function bringBackupOf(there: TestHost, here: TestHost): Promise<void> {
  const theirs = (await call(there, 'backups.create', {})).body.result;
  const bytes = fs.readFileSync(path.join(there.dataDir, 'backups', theirs.fileName));
  const fileId = await uploadFile(here, 'usb.sqlite3', bytes, 'backupFile');
  expect((await call(here, 'backups.addFromFile', { fileId })).body.ok).toBe(true);
}

/** The database file is lost (deleted with its WAL) and the start-up recovery restores a backup. */
async function loseDatabaseAndRecover(t: TestHost) {
  await t.host.close();
  await t.core.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(t.dataDir, `cyber-counter.sqlite3${suffix}`), { force: true });
  restoreDamagedDataDir(t.dataDir);
  return openTestCore(t.dataDir);
}

const clinicNames = async (core: Awaited<ReturnType<typeof openTestCore>>) => {
  const found = (await core.dispatch('clinics.search', { query: '' })) as { ok: true; result: { items: { name: string }[] } };
  return found.result.items.map((c) => c.name);
};

describe('the backup a lost database is replaced by at start-up', () => {
  it("is this PC's own, not a newer copy brought from another PC, and this PC keeps its machine id", async () => {
    const here = await counter('A', '霧島眼科');
    const there = await counter('B', '指宿内科');
    await call(here, 'backups.create', {});
    await bringBackupOf(there, here);
    const ownId = await machineIdOf(here);
    const reopened = await loseDatabaseAndRecover(here);
    expect(await clinicNames(reopened)).toEqual(['霧島眼科']);
    expect(await reopened.dispatch('app.info', {})).toMatchObject({ ok: true, result: { machineId: ownId } });
    await reopened.close();
  });

  it("when only another PC's copy is left, brings its data but never that PC's machine id or receipt prefix", async () => {
    const here = await counter('A', '霧島眼科');
    const there = await counter('B', '指宿内科');
    await bringBackupOf(there, here);
    const reopened = await loseDatabaseAndRecover(here);
    expect(await clinicNames(reopened)).toEqual(['指宿内科']);
    const info = (await reopened.dispatch('app.info', {})) as { ok: true; result: { machineId: string } };
    expect(info.result.machineId).not.toBe(await machineIdOf(there));
    expect(await reopened.dispatch('settings.get', {})).toMatchObject({ ok: true, result: { receiptPrefix: expect.not.stringMatching(/^B$/) } });
    await reopened.close();
  });
});

describe('a backup brought back from another PC', () => {
  it('is listed and restored by when its data was taken there, not by when it arrived here', async () => {
    const there = await counter('B', '指宿内科', () => new Date('2026-12-01T01:30:00Z'));
    const here = await counter('A', '霧島眼科', () => new Date('2026-12-03T08:21:00Z'));
    await bringBackupOf(there, here);
    const [listed] = (await call(here, 'backups.list', {})).body.result.items as { fileName: string; madeAt: string; createdAt: string; reason: string }[];
    expect(listed).toMatchObject({ reason: 'imported', madeAt: '2026-12-01T01:30:00.000Z', createdAt: '2026-12-03T08:21:00Z' });
    const restored = (await call(here, 'backups.restore', { fileName: listed!.fileName })).body.result;
    // 10:30 in Japan on 1 December, the hour the other PC took it.
    expect(restored.message).toContain('12月1日 10:30 のバックアップ（医療機関 1件・問い合わせ 1件）を復元しました');
  });
});
