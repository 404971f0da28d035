import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/core/log/logger.ts';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { openTestCore } from '../helpers/openTestCore.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { call, startTestHost, type TestHost } from '../helpers/testHost.ts';

const pc1 = { name: 'pc1', password: 'pc1-very-secret-password' };
const pc2 = { name: 'pc2', password: 'pc2-very-secret-password' };

let hub: CouchHub;
beforeAll(async () => {
  hub = await startCouchHub({ users: [pc1, pc2] });
});
afterAll(() => hub?.stop());

const access = (user: { name: string; password: string }) => ({ url: hub.dbUrl, user: user.name, password: user.password });
const clinic = { name: '鹿児島中央クリニック', nameKana: 'かごしまちゅうおうくりにっく' };

/** What a refused join must leave as it was: not sharing, no password kept, the prefix unchanged. */
async function expectNothingChanged(t: TestHost, prefix: string) {
  expect((await call(t, 'sync.status', {})).body.result).toMatchObject({ state: 'off', hubUrl: null });
  expect(fs.existsSync(path.join(t.dataDir, 'secrets')) ? fs.readdirSync(path.join(t.dataDir, 'secrets')) : []).toEqual([]);
  expect((await call(t, 'settings.get', {})).body.result.receiptPrefix).toBe(prefix);
}

describe('joining sharing (設定 → 複数の端末で使う → 参加する)', () => {
  it('a wrong password is refused next to the password field and changes nothing, on the hub either', async () => {
    const t = await startTestHost();
    const res = await call(t, 'sync.join', { ...access({ ...pc1, password: 'wrong' }), receiptPrefix: 'W' });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: hubMessages.unauthorized, fields: { password: hubMessages.unauthorized } } });
    await expectNothingChanged(t, 'A');
    expect((await hub.request('GET', '/cyber-counter/prefix:W')).status).toBe(404);
  });

  it('a prefix another machine claimed is refused; the same machine may take another one', async () => {
    const first = await startTestHost();
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'K' })).body.ok).toBe(true);
    const second = await startTestHost();
    const refused = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'k' });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { receiptPrefix: hubMessages.prefixTaken('K') } } });
    await expectNothingChanged(second, 'A');
    // 接続を確認 lists the taken prefix, so the form can offer free ones.
    expect((await call(second, 'sync.checkHub', access(pc2))).body.result.takenPrefixes).toContain('K');
    const joined = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'M' });
    expect(joined.body.ok).toBe(true);
    expect((await call(second, 'settings.get', {})).body.result.receiptPrefix).toBe('M');
    await call(first, 'sync.leave', {});
    await call(second, 'sync.leave', {});
  });

  it('a machine holding records is not mixed with a hub holding records unless it gives its own up, after a backup', async () => {
    const fresh = await startCouchHub({ users: [pc1, pc2] });
    const join = (t: TestHost, user: typeof pc1, receiptPrefix: string, replaceLocal = false) =>
      call(t, 'sync.join', { url: fresh.dbUrl, user: user.name, password: user.password, receiptPrefix, replaceLocal });
    const names = async (t: TestHost) => (await call(t, 'clinics.search', { query: '' })).body.result.items.map((c: { name: string }) => c.name);
    try {
      // The first machine fills the empty hub with its records.
      const first = await startTestHost();
      await call(first, 'clinics.create', { name: 'ハブの医院', nameKana: 'はぶのいいん' });
      expect((await join(first, pc1, 'Q')).body.ok).toBe(true);
      await expect.poll(async () => (await call(first, 'sync.status', {})).body.result.unsent, { timeout: 60_000 }).toBe(0);
      await expect.poll(async () => (await call(first, 'sync.checkHub', { url: fresh.dbUrl, user: pc1.name, password: pc1.password })).body.result.hubHasRecords, { timeout: 60_000 }).toBe(true);

      const t = await startTestHost();
      await call(t, 'clinics.create', clinic);
      const refused = await join(t, pc2, 'R');
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: hubMessages.bothHaveRecords } });
      await expectNothingChanged(t, 'A');
      expect((await call(t, 'backups.list', {})).body.result.items).toEqual([]);
      expect(await names(t)).toEqual([clinic.name]);

      const joined = await join(t, pc2, 'R', true);
      expect(joined.body).toMatchObject({ ok: true, result: { hubUrl: fresh.dbUrl, user: pc2.name } });
      // The records given up are in a verified backup taken before; the hub's took their place.
      expect((await call(t, 'backups.list', {})).body.result.items).toMatchObject([{ reason: 'before-restore', counts: { clinics: 1 } }]);
      await expect.poll(() => names(t), { timeout: 60_000 }).toEqual(['ハブの医院']);
      await call(t, 'sync.leave', {});
      await call(first, 'sync.leave', {});
    } finally {
      await fresh.stop();
    }
  });

  it('leaving keeps every record and forgets the password; the hub address is no longer shown', async () => {
    const t = await startTestHost();
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    const fresh = await startCouchHub({ users: [pc1] });
    try {
      expect((await call(t, 'sync.join', { url: fresh.dbUrl, user: pc1.name, password: pc1.password, receiptPrefix: 'L' })).body.ok).toBe(true);
      expect((await call(t, 'sync.leave', {})).body.result).toMatchObject({ state: 'off', hubUrl: null, user: null });
      expect((await call(t, 'clinics.get', { id: created.id })).body.result).toMatchObject({ name: clinic.name });
      expect(fs.readdirSync(path.join(t.dataDir, 'secrets'))).toEqual([]);
      expect((await call(t, 'sync.now', {})).body).toMatchObject({ ok: false, error: { message: hubMessages.notSharing } });
    } finally {
      await fresh.stop();
    }
  });

  it('a sharing machine cannot change its prefix to one another machine holds; a free one is claimed on the hub', async () => {
    const first = await startTestHost();
    const second = await startTestHost();
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'S' })).body.ok).toBe(true);
    expect((await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'T' })).body.ok).toBe(true);
    const refused = await call(second, 'settings.update', { receiptPrefix: 'S' });
    expect(refused.body).toMatchObject({ ok: false, error: { fields: { receiptPrefix: hubMessages.prefixTaken('S') } } });
    expect((await call(second, 'settings.get', {})).body.result.receiptPrefix).toBe('T');
    expect((await call(second, 'settings.update', { receiptPrefix: 'U' })).body.result.receiptPrefix).toBe('U');
    expect((await hub.request('GET', '/cyber-counter/prefix:U')).status).toBe(200);
    await call(first, 'sync.leave', {});
    await call(second, 'sync.leave', {});
  });

  it('a machine that joined shares again after a restart, with the password it kept', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    expect((await first.dispatch('sync.join', { ...access(pc1), receiptPrefix: 'V' })).ok).toBe(true);
    await first.close();
    const again = await openTestCore(dataDir);
    // Replication starts on its own at open; the first round ends with the hub answering.
    await expect
      .poll(async () => ((await again.dispatch('sync.status', {})) as { result: { state: string } }).result.state, { timeout: 60_000 })
      .toMatch(/^(synced|sending)$/);
    expect(await again.dispatch('sync.status', {})).toMatchObject({ ok: true, result: { hubUrl: hub.dbUrl, user: pc1.name, message: null } });
    await again.dispatch('sync.leave', {});
  });

  it('a machine whose kept password is gone says so instead of pretending to work alone', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    expect((await first.dispatch('sync.join', { ...access(pc1), receiptPrefix: 'X' })).ok).toBe(true);
    await first.close();
    fs.rmSync(path.join(dataDir, 'secrets'), { recursive: true });
    const again = await openTestCore(dataDir);
    expect(await again.dispatch('sync.status', {})).toMatchObject({ ok: true, result: { state: 'unreachable', hubUrl: hub.dbUrl, message: hubMessages.passwordMissing } });
    await again.dispatch('sync.leave', {});
  });

  it('the password never reaches the log', async () => {
    const lines: string[] = [];
    const record = (message: string, meta?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
    const log: Logger = { info: record, warn: record, error: record };
    const t = await startTestHost({ log });
    await call(t, 'sync.checkHub', access({ ...pc1, password: 'a-wrong-password' }));
    await call(t, 'sync.join', { ...access(pc1), receiptPrefix: 'P' });
    await call(t, 'sync.now', {});
    await call(t, 'sync.leave', {});
    expect(lines.length).toBeGreaterThan(0);
    const logged = lines.join('\n');
    for (const secret of [pc1.password, 'a-wrong-password', Buffer.from(`${pc1.name}:${pc1.password}`).toString('base64')]) expect(logged).not.toContain(secret);
  });
});
