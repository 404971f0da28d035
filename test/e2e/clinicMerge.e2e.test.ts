import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { answerNextQuestion } from './support/confirmDialog.ts';
import { expectText } from './support/screens.ts';
import { editOpenClinic } from './support/clinicPanel.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
let context: BrowserContext;
let page: Page;
let problems: string[];

afterEach(async () => {
  await context?.close();
});

// `SCREENSHOTS_DIR=/tmp/shots29-merge npm run test:e2e -- clinicMerge` keeps a picture of each step.
const shotsDir = process.env.SCREENSHOTS_DIR;
const shoot = async (name: string) => {
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `merge-${name}.png`) });
};

const openClinic = (name: string) => page.getByRole('region', { name, exact: true });
const inquiriesOf = (clinic: Locator) => clinic.getByRole('table', { name: 'この医療機関の問い合わせ' });

/** The same clinic registered twice: from the roster (会員番号) and again at the counter, where an inquiry was taken. */
async function registerDuplicate(): Promise<string> {
  await callPreview(app.preview, 'clinics.create', { name: '霧島眼科', phone: '0995-45-0000', memberNumber: 'K-100' });
  const duplicate = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '霧島眼科医院', phone: '0995-45-1111', contactPerson: '霧島 一郎' });
  const created = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', { clinicId: duplicate.id, receivedOn: '2026-12-01', channel: 'phone' });
  return created.inquiry.receiptNumber;
}

async function openFromList(name: string): Promise<Locator> {
  await page.getByLabel('検索', { exact: true }).fill('霧島');
  await page.getByText('「霧島」の検索結果').waitFor();
  await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name, exact: true }).click();
  const region = openClinic(name);
  await summaryOf(region).waitFor();
  return region;
}

/** The read-only top of an opened clinic. */
const summaryOf = (region: Locator) => region.getByRole('region', { name: '医療機関の概要' });

describe('重複をまとめる', () => {
  test('a clerk merges two records of one clinic, sees the inquiry under the kept one, and undoes the merge', async () => {
    const receipt = await registerDuplicate();
    ({ context, page, problems } = await openCounterPage(app, '医療機関'));
    const kept = await openFromList('霧島眼科');
    await kept.getByRole('button', { name: '重複をまとめる…' }).click();
    const dialog = page.getByRole('dialog', { name: '重複をまとめる' });

    // 1. The other record, found by its phone number and chosen with the keyboard.
    const picker = dialog.getByRole('combobox', { name: 'まとめる相手の記録' });
    await picker.fill('0995451111');
    await dialog.getByRole('option', { name: /霧島眼科医院/ }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    const keep = dialog.getByRole('group', { name: '残す記録' });
    expect(await keep.getByRole('radio', { name: /電話 0995-45-0000/ }).isChecked()).toBe(true);
    await shoot('1-pick');
    await dialog.getByRole('button', { name: '次へ' }).click();

    // 2. The newer record's values are chosen; the clerk keeps the roster's name.
    const choice = (field: string, value: string, side: '残す記録' | 'まとめる記録') =>
      dialog.getByRole('group', { name: field }).getByRole('radio', { name: new RegExp(`^${value}\\s*（${side}）$`) });
    await shoot('2-fields');
    expect(await choice('電話番号', '0995-45-1111', 'まとめる記録').isChecked()).toBe(true);
    await choice('医療機関名', '霧島眼科', '残す記録').check();
    expect(await choice('会員番号', 'K-100', '残す記録').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '次へ' }).click();

    // 3. What will move, said before anything is written.
    await expectText(dialog, /「霧島眼科医院」の問い合わせ1件（見積0件を含む）と送付記録0件が「霧島眼科」に移ります/);
    await expectText(dialog, /電話番号・ご担当者名を、まとめる記録の値にします/);
    await shoot('3-confirm');
    // The confirm step opens on its first line: an Enter held over from 次へ merges nothing unread.
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('button', { name: 'まとめる' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'まとめる' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expectText(page.getByRole('status'), '2件の記録を「霧島眼科」にまとめました（「霧島眼科医院」はアーカイブしました）');

    await expectText(summaryOf(kept), /0995-45-1111/);
    await expectText(summaryOf(kept), /K-100/);
    await inquiriesOf(kept).getByRole('row').filter({ hasText: receipt }).waitFor();
    const history = kept.getByRole('region', { name: 'まとめた記録' });
    await history.scrollIntoViewIfNeeded();
    await shoot('4-merged');
    // The duplicate has left the list.
    await expect.poll(() => page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '霧島眼科医院', exact: true }).count()).toBe(0);

    const question = answerNextQuestion(page, 'accept');
    await kept.getByRole('button', { name: 'まとめを取り消す' }).click();
    expect(await question).toMatch(/「霧島眼科医院」のまとめを取り消しますか/);
    await expectText(page.getByRole('status'), /のまとめを取り消しました/);
    await expectText(summaryOf(kept), /0995-45-0000/);
    await expect.poll(() => inquiriesOf(kept).count()).toBe(0);
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '霧島眼科医院', exact: true }).click();
    await inquiriesOf(openClinic('霧島眼科医院')).getByRole('row').filter({ hasText: receipt }).waitFor();
    expect(problems).toEqual([]);
  });

  test('the duplicate warning of an edit offers to merge with the record found, the unsaved input given up first', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '国分歯科', phone: '0995-46-0000' });
    await callPreview(app.preview, 'clinics.create', { name: '国分歯科クリニック', phone: '0995-46-1111' });
    ({ context, page, problems } = await openCounterPage(app, '医療機関'));
    await page.getByLabel('検索', { exact: true }).fill('国分歯科');
    await page.getByText('「国分歯科」の検索結果').waitFor();
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '国分歯科', exact: true }).click();
    const kept = await editOpenClinic(openClinic('国分歯科'));
    // The clerk types the other record's phone number: the warning finds it.
    await kept.getByLabel('電話番号', { exact: true }).fill('0995-46-1111');
    await kept.getByRole('button', { name: '保存' }).click();
    const warning = page.getByRole('alertdialog', { name: '同じ医療機関が登録されている可能性があります' });
    await warning.getByRole('button', { name: 'この記録とまとめる…' }).waitFor();
    await shoot('6-duplicate-warning');
    const question = answerNextQuestion(page, 'accept');
    await warning.getByRole('button', { name: 'この記録とまとめる…' }).click();
    expect(await question).toMatch(/保存せずに、重複をまとめる手続きに進みますか/);
    const dialog = page.getByRole('dialog', { name: '重複をまとめる' });
    await expectText(dialog.getByRole('group', { name: '残す記録' }), /国分歯科クリニック/);
    await dialog.getByRole('button', { name: '次へ' }).click();
    await dialog.getByRole('group', { name: '医療機関名' }).getByRole('radio', { name: /^国分歯科\s*（残す記録）$/ }).check();
    await dialog.getByRole('button', { name: '次へ' }).click();
    await dialog.getByRole('button', { name: 'まとめる' }).click();
    await expectText(page.getByRole('status'), '2件の記録を「国分歯科」にまとめました（「国分歯科クリニック」はアーカイブしました）');
    // The input given up is gone: the clinic shows the record as merged.
    await expectText(summaryOf(kept), /0995-46-1111/);
    // The keyboard is back on 編集, where the edit began, not lost to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('編集');
    expect(problems).toEqual([]);
  });

  test('a duplicate marked 送付不要 keeps the merged record 送付不要: the dialog shows the difference, and undo gives it back', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '霧島の内科', phone: '0995-47-0000' });
    await callPreview(app.preview, 'clinics.create', { name: '霧島の内科医院', phone: '0995-47-0000', noMailing: true, noMailingReason: '辞退' });
    ({ context, page, problems } = await openCounterPage(app, '医療機関'));
    const kept = await openFromList('霧島の内科');
    await kept.getByRole('button', { name: '重複をまとめる…' }).click();
    const dialog = page.getByRole('dialog', { name: '重複をまとめる' });
    await dialog.getByRole('combobox', { name: 'まとめる相手の記録' }).fill('霧島の内科医院');
    await dialog.getByRole('option', { name: /霧島の内科医院/ }).click();
    await dialog.getByRole('group', { name: '残す記録' }).getByRole('radio', { name: /^霧島の内科\s/ }).check();
    await dialog.getByRole('button', { name: '次へ' }).click();

    const mailing = dialog.getByRole('group', { name: '送付不要' });
    await expectText(mailing, /送付する\s*（残す記録）/);
    await expectText(mailing, /送付不要（辞退）\s*（まとめる記録）/);
    await expectText(mailing, /まとめた後の記録は送付不要（理由：辞退）になります/);
    await dialog.getByRole('group', { name: '医療機関名' }).getByRole('radio', { name: /^霧島の内科\s*（残す記録）$/ }).check();
    await shoot('7-no-mailing-differs');
    await dialog.getByRole('button', { name: '次へ' }).click();
    await expectText(dialog, /「霧島の内科」の送付不要を、まとめる記録の値にします/);
    await dialog.getByRole('button', { name: 'まとめる' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expectText(summaryOf(kept), /辞退（一括作成では除きます）/);

    const question = answerNextQuestion(page, 'accept');
    await kept.getByRole('button', { name: 'まとめを取り消す' }).click();
    await question;
    await expectText(page.getByRole('status'), /のまとめを取り消しました/);
    await expect.poll(() => summaryOf(kept).getByText(/一括作成では除きます/).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('the merged-away record says where it went and opens the kept one', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '隼人内科', phone: '0995-42-0000' });
    const duplicate = await callPreview<{ id: string; revision: number }>(app.preview, 'clinics.create', { name: '隼人内科医院', phone: '0995-42-1111' });
    const found = await callPreview<{ items: { id: string; name: string; revision: number }[] }>(app.preview, 'clinics.search', { query: '隼人内科' });
    const target = found.items.find((c) => c.name === '隼人内科')!;
    await callPreview(app.preview, 'clinics.merge', { keptId: target.id, mergedId: duplicate.id, keptRevision: target.revision, mergedRevision: duplicate.revision });
    ({ context, page, problems } = await openCounterPage(app, '医療機関'));
    await page.getByLabel('アーカイブを表示').check();
    await page.getByLabel('検索', { exact: true }).fill('隼人');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '隼人内科医院', exact: true }).click();
    const merged = openClinic('隼人内科医院');
    await expectText(merged, /この記録は「隼人内科」にまとめられています/);
    await shoot('5-merged-away-record');
    expect(await merged.getByRole('button', { name: '復元' }).count()).toBe(0);
    await merged.getByRole('button', { name: 'まとめ先の記録を開く' }).click();
    await summaryOf(openClinic('隼人内科')).waitFor();
    expect(problems).toEqual([]);
  });
});
