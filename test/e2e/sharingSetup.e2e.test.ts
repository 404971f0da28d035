import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { selfSignedCertificate, startHubTlsProxy } from '../helpers/hubTlsProxy.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { openScreen } from './support/screens.ts';
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
    // Plain http works, with a word that https is the safer choice.
    await sharing.getByText(hubMessages.plainHttp).waitFor();
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
    expect(await callPreview(app.preview, 'sync.status', {})).toMatchObject({ state: expect.stringMatching(/^(synced|sending)$/), user: counterPc.name });
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

describe('the indicator when the hub goes away', () => {
  test('shows 接続できません under the menu, with no dialog, and the app keeps working alone', { timeout: 120_000 }, async () => {
    const lonely = await startCouchHub({ users: [counterPc] });
    const { context, page, problems } = await openCounterPage(app, '設定');
    try {
      const sharing = page.getByRole('region', { name: '複数の端末で使う' });
      await sharing.getByLabel('ハブのアドレス').fill(lonely.dbUrl);
      await sharing.getByLabel('ユーザー名').fill(counterPc.name);
      await sharing.getByLabel('パスワード').fill(counterPc.password);
      await sharing.getByLabel('端末の記号').fill('Z');
      await sharing.getByRole('button', { name: '参加する' }).click();
      const indicator = page.getByRole('status', { name: '同期の状態' });
      await indicator.getByRole('button', { name: /^同期済み/ }).waitFor();
      lonely.kill();
      await indicator.getByRole('button', { name: /^接続できません/ }).waitFor({ timeout: 90_000 });
      expect(await page.getByRole('dialog').count()).toBe(0);
      await shoot(page, '07-indicator-unreachable', '複数の端末で使う');
      // Working alone goes on: a clinic saved now waits to be sent.
      await callPreview(app.preview, 'clinics.create', { name: '鴨池みどり眼科' });
      await sharing.getByRole('button', { name: '共有をやめる…' }).click();
      await page.getByRole('dialog', { name: '共有をやめる' }).getByRole('button', { name: '共有をやめる' }).click();
      await sharing.getByRole('button', { name: '接続を確認' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await lonely.stop();
    }
  });
});

describe('a hub behind the office’s own certificate', () => {
  test('接続を確認 shows the certificate’s fingerprint; once pinned, the hub answers', async () => {
    const certificate = selfSignedCertificate();
    const proxy = await startHubTlsProxy(hub.origin, certificate);
    const { context, page, problems } = await openCounterPage(app, '設定');
    try {
      const sharing = page.getByRole('region', { name: '複数の端末で使う' });
      await sharing.getByLabel('ハブのアドレス').fill(`${proxy.origin}/cyber-counter`);
      await sharing.getByLabel('ユーザー名').fill(counterPc.name);
      await sharing.getByLabel('パスワード').fill(counterPc.password);
      await sharing.getByRole('button', { name: '接続を確認' }).click();
      await sharing.getByText(hubMessages.certificate).waitFor();
      await sharing.getByText(certificate.fingerprint).waitFor();
      await sharing.getByLabel('管理者に確認した指紋と同じなので、この指紋を登録する').check();
      await shoot(page, '06-pin-fingerprint', '複数の端末で使う');
      await sharing.getByRole('button', { name: '接続を確認' }).click();
      await sharing.getByText(/ハブに接続できました/).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      proxy.close();
    }
  });
});

describe('同期のお知らせ', () => {
  test('a phone number replaced by another machine’s concurrent edit shows on the clinic and in 設定 → 同期, and 元に戻す puts it back', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '天文館ひふ科', phone: '099-222-1111' });
    // The notice as replication applies it when two machines changed the phone at the same time.
    const db = openDatabase(path.join(app.preview.dataDir, 'cyber-counter.sqlite3'));
    try {
      applyRemoteDocs(
        db,
        [
          {
            _id: 'notice:e2e-phone',
            table: 'sync_notice',
            recordDocId: `clinics:${clinic.id}`,
            field: 'phone',
            kept: { value: '099-222-1111', stamp: { t: '2026-12-03T01:00:02.000Z', m: 'office-pc-2', c: 4 }, staffId: null },
            replaced: { value: '099-333-4444', stamp: { t: '2026-12-03T01:00:01.000Z', m: 'laptop-1', c: 9 }, staffId: null },
            resolvedAt: null,
          },
        ],
        'e2e-checkpoint',
        { now: () => new Date(), clockOffsetMs: 0 },
      );
    } finally {
      db.close();
    }
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '天文館ひふ科', exact: true }).click();
    const region = page.getByRole('region', { name: '天文館ひふ科', exact: true });
    await region.getByRole('button', { name: '同期のお知らせ 1件' }).click();
    await region.getByText('099-333-4444').waitFor();
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, '04-clinic-notice-badge.png') });

    await openScreen(page, '設定');
    const notices = page.getByRole('region', { name: '同期' });
    await notices.getByText(/天文館ひふ科」の電話番号/).waitFor();
    await shoot(page, '05-settings-notices', '同期');
    await notices.getByRole('button', { name: '天文館ひふ科の電話番号を元に戻す' }).click();
    // This machine left sharing in the test above: with no notice left, 同期 goes away altogether.
    await expect.poll(() => page.getByText(/天文館ひふ科」の電話番号/).count()).toBe(0);
    expect(await callPreview(app.preview, 'clinics.get', { id: clinic.id })).toMatchObject({ phone: '099-333-4444' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
