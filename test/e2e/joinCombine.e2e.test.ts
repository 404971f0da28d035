import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { joinCombineMessages } from '../../shared/messages/joinCombineMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { newCounterContext } from './support/browser.ts';
import { useCounterApp } from './support/counterApp.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { checkHubThroughSettings } from './support/joinHub.ts';
import { openScreen } from './support/screens.ts';
import { callPreview, startPreview, type RunningPreview } from './support/startPreview.ts';

const app = useCounterApp();
const office = { name: 'office-pc', password: 'office-pc-password' };
const counter = { name: 'counter-pc', password: 'counter-pc-password' };

const longName = '医療法人社団 霧島会 鹿児島県霧島市国分地区総合医療センター附属 眼科・耳鼻咽喉科クリニック';

/** What the office PC registered and shared first: the hub's records. */
const hubClinics = [
  { name: '霧島眼科', phone: '0995-45-1234', memberNumber: '001234', address: '霧島市国分中央1-1' },
  { name: '隼人内科', phone: '0995-42-0001', address: '霧島市隼人町1' },
  { name: '国分歯科', address: '霧島市国分2-2' },
  { name: longName, phone: '0995-40-5555', address: '霧島市国分野口北5-5 霧島メディカルビル3階' },
  { name: '医療法人桜会 さくら病院', phone: '099-111-2222' },
  { name: '谷山こども医院', address: '鹿児島市谷山中央1-1' },
  { name: '鹿屋中央病院', phone: '0994-00-0000' },
];

/** The same roster typed on the counter PC before sharing: other ids, one other phone, one clinic only here. */
const localClinics = [
  { name: '霧島眼科', phone: '0995-45-9999', memberNumber: '001234', address: '霧島市国分中央1-1' },
  { name: '隼人内科', phone: '0995-42-0001' },
  { name: '国分歯科', phone: '0995-46-7777', address: '霧島市国分2-2' },
  { name: longName, phone: '0995-40-5555' },
  // Shares the hospital's switchboard but is another institution: left as two records.
  { name: 'さくら病院附属クリニック', phone: '099-111-2222' },
  // The same clinic, its address never typed in here: staff say yes.
  { name: '谷山こども医院' },
  { name: '出水ひふ科' },
];

/** The rest of a roster both PCs imported: enough pairs that the list shows a hundred at a time. */
const roster = Array.from({ length: 120 }, (_, i) => ({ name: `名簿の医院${String(i + 1).padStart(3, '0')}`, memberNumber: `M${String(i + 1).padStart(5, '0')}` }));

/** Closed and archived on the office PC before sharing; the counter PC still has it: a pair the merge refuses. */
const closed = { name: '旧・吉野医院', phone: '099-244-0000' };

let hub: CouchHub;
let officePc: RunningPreview;
beforeAll(async () => {
  hub = await startCouchHub({ users: [office, counter] });
  officePc = await startPreview();
});
afterAll(async () => {
  await officePc?.stop();
  await hub?.stop();
});

/** Screenshots for the session's record, only when asked (SHOTS_DIR). */
const shoot = async (page: Page, name: string, at: Locator) => {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

describe('設定 → 複数の端末で使う: 照合してまとめる', () => {
  test('a counter PC holding the same roster joins the hub keeping one record per clinic, merging the pairs staff confirmed', { timeout: 240_000 }, async () => {
    for (const clinic of [...hubClinics, ...roster]) await callPreview(officePc, 'clinics.create', clinic);
    await callPreview(officePc, 'clinics.archive', { id: (await callPreview<{ id: string }>(officePc, 'clinics.create', closed)).id });
    await callPreview(officePc, 'sync.join', { url: hub.dbUrl, user: office.name, password: office.password, receiptPrefix: 'A' });
    await callPreview(officePc, 'sync.now', {});
    await expect.poll(async () => (await callPreview<{ unsent: number }>(officePc, 'sync.status', {})).unsent, { timeout: 60_000 }).toBe(0);
    for (const clinic of [...localClinics, ...roster, closed]) await callPreview(app.preview, 'clinics.create', clinic);
    // The counter's smallest window: long names must wrap, not push the list off screen.
    const context = await newCounterContext(app.browser, { width: 1024, height: 768 });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(app.preview.url);
    const sharing = await checkHubThroughSettings(page, hub, counter);

    // The hub holds records: staff choose how this machine's join them, 照合してまとめる first.
    const choice = sharing.getByRole('group', { name: joinCombineMessages.choiceLegend });
    expect(await choice.getByRole('radio', { name: /照合してまとめる（おすすめ）/ }).isChecked()).toBe(true);
    expect(await choice.getByRole('radio', { name: /この端末の記録をハブの記録で置き換える/ }).isChecked()).toBe(false);
    await shoot(page, '01-choice', choice);

    await sharing.getByRole('button', { name: '参加する' }).click();
    const preview = sharing.getByRole('region', { name: '照合の結果' });
    const counts = preview.getByRole('definition');
    await preview.waitFor({ timeout: 60_000 });
    // Keyboard users start reading at the preview's heading.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('照合の結果');
    expect(await counts.allTextContents()).toEqual(['125組', '2組', '1件', '1件']);

    const matched = preview.getByRole('region', { name: /^同じ医療機関と判断した組/ });
    const uncertain = preview.getByRole('region', { name: /^確認が必要な組/ });
    // Each matched pair says which rule paired it; all are ticked until staff say otherwise.
    const byMember = matched.getByRole('checkbox', { name: 'ハブの「霧島眼科」とこの端末の「霧島眼科」をまとめる' });
    expect(await byMember.isChecked()).toBe(true);
    expect(await matched.getByRole('row', { name: /霧島眼科/ }).getByText('会員番号が一致').count()).toBe(1);
    expect(await matched.getByRole('row', { name: /隼人内科/ }).getByText('電話番号が一致').count()).toBe(1);
    expect(await matched.getByRole('row', { name: /国分歯科/ }).getByText('名称と所在地が一致').count()).toBe(1);
    // A hundred pairs are drawn at first, the rest on さらに表示.
    expect(await matched.getByRole('checkbox', { checked: true }).count()).toBe(100);
    await matched.getByRole('button', { name: 'さらに表示' }).press('Enter');
    expect(await matched.getByRole('checkbox', { checked: true }).count()).toBe(125);
    // The keyboard goes on from the first pair just shown.
    const firstNew = await matched.getByRole('checkbox').nth(100).getAttribute('aria-label');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(firstNew);
    expect(await matched.getByRole('button', { name: 'さらに表示' }).count()).toBe(0);
    // すべて外す and すべて選ぶ act on the whole list.
    await matched.getByRole('button', { name: 'すべて外す' }).click();
    expect(await matched.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await matched.getByRole('button', { name: 'すべて選ぶ' }).click();
    expect(await matched.getByRole('checkbox', { checked: true }).count()).toBe(125);
    // Unticking a pair that shares a 会員番号 says this machine's record gives the number up.
    const sameNumber = matched.getByRole('row', { name: /名簿の医院120/ });
    await sameNumber.getByRole('checkbox').uncheck();
    await sameNumber.getByText(joinCombineMessages.sameMemberNumberApart).waitFor();
    await shoot(page, '02-preview-same-number-apart', sameNumber);
    await sameNumber.getByRole('checkbox').check();
    expect(await sameNumber.getByText(joinCombineMessages.sameMemberNumberApart).count()).toBe(0);
    // Staff leave one pair (paired by phone) as two records.
    await matched.getByRole('checkbox', { name: `ハブの「${longName}」とこの端末の「${longName}」をまとめる` }).uncheck();
    await matched.getByText('（まとめる：124組）').waitFor();
    await shoot(page, '02-preview-matched', matched.getByRole('row', { name: /隼人内科/ }));
    await shoot(page, '02-preview-long-name', matched.getByRole('row', { name: /国分地区総合医療センター/ }));

    // Uncertain pairs start unticked, each with its reason in words; staff tick the one that is the same clinic.
    const sakura = uncertain.getByRole('checkbox', { name: 'ハブの「医療法人桜会 さくら病院」とこの端末の「さくら病院附属クリニック」をまとめる' });
    const taniyama = uncertain.getByRole('checkbox', { name: 'ハブの「谷山こども医院」とこの端末の「谷山こども医院」をまとめる' });
    expect([await sakura.isChecked(), await taniyama.isChecked()]).toEqual([false, false]);
    await uncertain.getByText('電話番号は同じで名称が違います（同じ法人の別の施設かもしれません）').waitFor();
    await uncertain.getByText('名称は同じで、片方に所在地がありません').waitFor();
    await taniyama.focus();
    await page.keyboard.press('Space');
    expect(await taniyama.isChecked()).toBe(true);
    await preview.getByRole('region', { name: /^ハブだけにある医療機関/ }).getByText('鹿屋中央病院').waitFor();
    await preview.getByRole('region', { name: /^この端末だけにある医療機関/ }).getByText('出水ひふ科').waitFor();
    await shoot(page, '03-preview-uncertain', uncertain);

    await preview.getByRole('button', { name: '参加してまとめる' }).click();
    const confirm = page.getByRole('dialog', { name: '参加してまとめる' });
    await confirm.getByText(joinCombineMessages.confirmMerge('125')).waitFor();
    await confirm.getByText(joinCombineMessages.confirmUnticked('2')).waitFor();
    await confirm.getByText(joinCombineMessages.confirmInquiries).waitFor();
    await shoot(page, '04-confirm', confirm);
    // A double click joins once: one backup, no second attempt refused.
    await confirm.getByRole('button', { name: '参加してまとめる' }).dblclick();
    await shoot(page, '04b-joining', confirm);

    const result = sharing.getByRole('region', { name: 'まとめた結果' });
    await result.waitFor({ timeout: 120_000 });
    await result.getByText('124組をまとめました。').waitFor();
    // The pair whose hub record is archived is left as two records, named, with why.
    await result.getByText(joinCombineMessages.resultNotMergedLead('1')).waitFor();
    await result.getByRole('listitem').filter({ hasText: `「${closed.name}」` }).getByText(hubMessages.combineHubArchived).waitFor();
    expect(await result.getByText(/before-join/).count()).toBe(1);
    const backups = await callPreview<{ items: { reason: string }[] }>(app.preview, 'backups.list', {});
    expect(backups.items.filter((backup) => backup.reason === 'before-join')).toHaveLength(1);
    expect(await sharing.getByText(/参加できませんでした|すでに共有しています/).count()).toBe(0);
    await page.getByRole('status', { name: '同期の状態' }).waitFor();
    await shoot(page, '05-result', result);

    // One record per clinic: the hub's, the one only here, the switchboard neighbour and the pair unticked kept apart.
    const live = await callPreview<{ items: { name: string }[] }>(app.preview, 'clinics.search', { query: '', limit: 200 });
    const expected = [...hubClinics, ...roster, { name: 'さくら病院附属クリニック' }, { name: '出水ひふ科' }, { name: longName }, closed].map((clinic) => clinic.name);
    expect(live.items.map((clinic) => clinic.name).sort()).toEqual(expected.sort());
    await openScreen(page, '医療機関');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    await page.getByLabel('検索').fill('さくら');
    await list.getByRole('button', { name: 'さくら病院附属クリニック', exact: true }).waitFor();
    await expect.poll(async () => (await list.getByRole('row').count()) - 1).toBe(2);
    await page.getByLabel('検索').fill('谷山');
    await list.getByRole('button', { name: '谷山こども医院', exact: true }).waitFor();
    await expect.poll(async () => (await list.getByRole('row').count()) - 1).toBe(1);
    await page.getByLabel('検索').fill('名簿の医院120');
    await list.getByRole('button', { name: '名簿の医院120', exact: true }).waitFor();
    await expect.poll(async () => (await list.getByRole('row').count()) - 1).toBe(1);
    await shoot(page, '06-clinics-list', list);

    expect(problems).toEqual([]);
    await callPreview(app.preview, 'sync.leave', {});
    await callPreview(officePc, 'sync.leave', {});
    await context.close();
  });

  test('この端末の記録をハブの記録で置き換える still takes the hub’s records instead of this machine’s, after a backup', { timeout: 180_000 }, async () => {
    // The counter PC left sharing and typed a clinic in since: replacing gives it up for the hub's records.
    await callPreview(app.preview, 'clinics.create', { name: '置き換えで消える医院' });
    const context = await newCounterContext(app.browser, { width: 1024, height: 768 });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(app.preview.url);
    const sharing = await checkHubThroughSettings(page, hub, counter);
    await sharing.getByRole('radio', { name: /この端末の記録をハブの記録で置き換える/ }).check();
    await sharing.getByLabel('端末の記号').fill('C');
    await sharing.getByRole('button', { name: '参加する' }).click();
    await sharing.getByText(hub.dbUrl).waitFor({ timeout: 120_000 });
    // No preview was shown for it: nothing was matched or merged.
    expect(await sharing.getByRole('region', { name: '照合の結果' }).count()).toBe(0);

    const found = async (query: string) => (await callPreview<{ items: unknown[] }>(app.preview, 'clinics.search', { query })).items.length;
    expect(await found('置き換えで消える医院')).toBe(0);
    expect(await found('鹿屋中央病院')).toBe(1);
    const backups = await callPreview<{ items: { reason: string }[] }>(app.preview, 'backups.list', {});
    expect(backups.items.filter((backup) => backup.reason === 'before-restore')).toHaveLength(1);
    expect(problems).toEqual([]);
    await callPreview(app.preview, 'sync.leave', {});
    await context.close();
  });

  test('a hub that fills up after 接続を確認 refuses a plain join and the choice appears, with why', { timeout: 180_000 }, async () => {
    const laterHub = await startCouchHub({ users: [office, counter] });
    try {
      const context = await newCounterContext(app.browser, { width: 1024, height: 768 });
      const page = await context.newPage();
      const problems = collectPageProblems(page);
      await page.goto(app.preview.url);
      await openScreen(page, '設定');
      const sharing = page.getByRole('region', { name: '複数の端末で使う' });
      await sharing.getByLabel('ハブのアドレス').fill(laterHub.dbUrl);
      await sharing.getByLabel('ユーザー名').fill(counter.name);
      await sharing.getByLabel('パスワード').fill(counter.password);
      await sharing.getByRole('button', { name: '接続を確認' }).click();
      await sharing.getByText(/ハブにはまだ記録がありません/).waitFor();
      expect(await sharing.getByRole('group', { name: joinCombineMessages.choiceLegend }).count()).toBe(0);

      // Meanwhile the office PC shares its records through the new hub.
      await callPreview(officePc, 'sync.join', { url: laterHub.dbUrl, user: office.name, password: office.password, receiptPrefix: 'A' });
      await callPreview(officePc, 'sync.now', {});
      await expect.poll(async () => (await callPreview<{ unsent: number }>(officePc, 'sync.status', {})).unsent, { timeout: 60_000 }).toBe(0);

      await sharing.getByLabel('端末の記号').fill('D');
      await sharing.getByRole('button', { name: '参加する' }).click();
      const choice = sharing.getByRole('group', { name: joinCombineMessages.choiceLegend });
      await choice.getByText(hubMessages.bothHaveRecords).waitFor();
      await sharing.getByText(/ハブにはすでに記録があります/).waitFor();
      await shoot(page, '07-refused-choice', choice);
      expect((await callPreview<{ state: string }>(app.preview, 'sync.status', {})).state).toBe('off');
      // 照合してまとめる is the choice already made: 参加する now shows what would be merged.
      await sharing.getByRole('button', { name: '参加する' }).click();
      await sharing.getByRole('region', { name: '照合の結果' }).waitFor({ timeout: 60_000 });
      // The refusal is an answer the page expected (the browser logs its status all the same).
      expect(problems.filter((problem) => !problem.includes('422 (Unprocessable Entity) (http://127.0.0.1') || !problem.includes('/api/call/sync.join)'))).toEqual([]);
      await context.close();
    } finally {
      await callPreview(officePc, 'sync.leave', {});
      await laterHub.stop();
    }
  });
});
