import type { Locator, Page } from 'playwright-core';
import type { CouchHub } from '../../helpers/couchHub.ts';
import { openScreen } from './screens.ts';

/** 設定 → 複数の端末で使う up to a successful 接続を確認: address, user, password. Returns the section. */
export async function checkHubThroughSettings(page: Page, hub: CouchHub, user: { name: string; password: string }): Promise<Locator> {
  await openScreen(page, '設定');
  const sharing = page.getByRole('region', { name: '複数の端末で使う' });
  await sharing.getByLabel('ハブのアドレス').fill(hub.dbUrl);
  await sharing.getByLabel('ユーザー名').fill(user.name);
  await sharing.getByLabel('パスワード').fill(user.password);
  await sharing.getByRole('button', { name: '接続を確認' }).click();
  await sharing.getByText(/ハブに接続できました/).waitFor();
  return sharing;
}

/** 設定 → 複数の端末で使う, as the clerk does it: address, user, password, 接続を確認, 参加する. */
export async function joinThroughSettings(page: Page, hub: CouchHub, user: { name: string; password: string }, prefix: string): Promise<void> {
  const sharing = await checkHubThroughSettings(page, hub, user);
  await sharing.getByLabel('端末の記号').fill(prefix);
  await sharing.getByRole('button', { name: '参加する' }).click();
  await page.getByRole('status', { name: '同期の状態' }).getByRole('button', { name: /^同期済み/ }).waitFor({ timeout: 60_000 });
}
