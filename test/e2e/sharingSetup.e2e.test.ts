import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
const counterPc = { name: 'counter-pc-1', password: 'pc1-secret' };

let hub: CouchHub;
beforeAll(async () => {
  hub = await startCouchHub({ users: [counterPc] });
});
afterAll(() => hub?.stop());

/** Screenshots for the session's record, only when asked (SHOTS_DIR). */
const shotsDir = process.env.SHOTS_DIR;
const shoot = async (page: Page, name: string, region: string) => {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.getByRole('region', { name: region }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
};

describe('設定 → 複数の端末で使う', () => {
  test('a wrong password is told as such; the right one joins and the menu shows 同期済み', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');
    const sharing = page.getByRole('region', { name: '複数の端末で使う' });
    // Not sharing: the menu says nothing about it.
    await sharing.getByRole('button', { name: '接続を確認' }).waitFor();
    expect(await page.getByRole('status', { name: '同期の状態' }).count()).toBe(0);

    await sharing.getByLabel('ハブのアドレス').fill(hub.dbUrl);
    await sharing.getByLabel('ユーザー名').fill(counterPc.name);
    await sharing.getByLabel('パスワード').fill('not-the-password');
    await sharing.getByRole('button', { name: '接続を確認' }).click();
    await sharing.getByText(hubMessages.unauthorized).waitFor();
    await shoot(page, '01-check-wrong-password', '複数の端末で使う');

    await sharing.getByLabel('パスワード').fill(counterPc.password);
    await sharing.getByRole('button', { name: '接続を確認' }).click();
    await sharing.getByText(/ハブに接続できました/).waitFor();
    // This machine's own prefix (A) is free on an empty hub, so it is what is offered.
    expect(await sharing.getByLabel('端末の記号').inputValue()).toBe('A');
    await shoot(page, '02-check-ok', '複数の端末で使う');

    await sharing.getByRole('button', { name: '参加する' }).click();
    const indicator = page.getByRole('status', { name: '同期の状態' });
    await indicator.getByRole('button', { name: /^同期済み/ }).waitFor();
    await sharing.getByText(hub.dbUrl).waitFor();
    await shoot(page, '03-joined', '複数の端末で使う');

    // The hub holds this machine's claim of its prefix.
    expect((await hub.request('GET', '/cyber-counter/prefix:A')).body).toMatchObject({ machineId: expect.any(String) });
    expect(await callPreview(app.preview, 'sync.status', {})).toMatchObject({ state: 'synced', user: counterPc.name });
    // The password is kept in the data folder for the preview, readable only by this user.
    const secrets = path.join(app.preview.dataDir, 'secrets');
    for (const name of fs.readdirSync(secrets)) expect(fs.statSync(path.join(secrets, name)).mode & 0o777).toBe(0o600);

    await sharing.getByRole('button', { name: '共有をやめる…' }).click();
    const dialog = page.getByRole('dialog', { name: '共有をやめる' });
    await dialog.getByRole('button', { name: '共有をやめる' }).click();
    await sharing.getByRole('button', { name: '接続を確認' }).waitFor();
    await expect.poll(() => page.getByRole('status', { name: '同期の状態' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
