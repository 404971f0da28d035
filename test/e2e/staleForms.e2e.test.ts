import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { editOpenClinic } from './support/clinicPanel.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();

// Screens for people to check the Japanese layout by eye, only when asked for.
const shotsDir = process.env.SCREENSHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
}

interface StoredClinic {
  id: string;
  revision: number;
  name: string;
  nameKana: string;
  phone: string;
  memo: string;
}

/** Someone else edits the clinic (another window, soon another machine) through the host. */
async function editElsewhere(id: string, patch: Partial<StoredClinic>): Promise<StoredClinic> {
  const now = await callPreview<StoredClinic>(app.preview, 'clinics.get', { id });
  const { name, nameKana, phone, memo } = { ...now, ...patch };
  return callPreview(app.preview, 'clinics.update', { id, clinic: { name, nameKana, phone, memo }, expectedRevision: now.revision });
}

/** Page problems apart from the refused save itself: Chromium logs every 409 answer to the console. */
const unexpected = (problems: string[]) => problems.filter((problem) => !problem.includes('409 (Conflict)'));

async function openClinic(page: Page, name: string) {
  await page.goto(app.preview.url);
  await openScreen(page, '医療機関');
  await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name }).click();
  return editOpenClinic(page.getByRole('region', { name }));
}

describe('a stale clinic form cannot undo someone else’s edit', () => {
  test('保存 is refused with what changed, and re-applying keeps both edits', async () => {
    const clinic = await callPreview<StoredClinic>(app.preview, 'clinics.create', {
      name: '霧島中央クリニック',
      nameKana: 'きりしまちゅうおうくりにっく',
      phone: '0995-12-3456',
    });
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const panel = await openClinic(page, '霧島中央クリニック');
    await panel.getByLabel('メモ', { exact: true }).fill('午後に再訪');

    await editElsewhere(clinic.id, { phone: '0995-99-0000' });
    // The form keeps what was typed and says quietly that the record moved on.
    await expectText(panel.getByRole('status').filter({ hasText: 'ほかの画面で変更されました' }), /この記録はほかの画面で変更されました/);
    expect(await panel.getByLabel('メモ', { exact: true }).inputValue()).toBe('午後に再訪');
    expect(await panel.getByLabel('電話番号', { exact: true }).inputValue()).toBe('0995-12-3456');

    await panel.getByRole('button', { name: '保存', exact: true }).click();
    const refusal = panel.getByRole('alert').filter({ hasText: '保存しませんでした' });
    await refusal.waitFor();
    const changes = refusal.getByRole('table');
    const phoneRow = changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '電話番号' }) });
    await expectText(phoneRow.getByRole('cell').nth(0), '0995-12-3456');
    await expectText(phoneRow.getByRole('cell').nth(1), '0995-99-0000');
    await expectText(phoneRow.getByRole('cell').nth(2), '（変更なし）');
    // Nothing was written: the other edit is intact.
    expect(await callPreview<StoredClinic>(app.preview, 'clinics.get', { id: clinic.id })).toMatchObject({ phone: '0995-99-0000', memo: '' });
    await shot(page, 'clinic-conflict');

    await refusal.getByRole('button', { name: '最新の記録にあなたの入力を反映' }).click();
    expect(await panel.getByLabel('電話番号', { exact: true }).inputValue()).toBe('0995-99-0000');
    expect(await panel.getByLabel('メモ', { exact: true }).inputValue()).toBe('午後に再訪');
    await panel.getByRole('button', { name: '保存', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '保存しました' }), '霧島中央クリニックを保存しました');
    expect(await callPreview<StoredClinic>(app.preview, 'clinics.get', { id: clinic.id })).toMatchObject({
      phone: '0995-99-0000',
      memo: '午後に再訪',
    });
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  test('再読み込み gives up the edit and shows the record as it is now', async () => {
    const clinic = await callPreview<StoredClinic>(app.preview, 'clinics.create', { name: '桜島こども医院', phone: '099-221-0001' });
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const panel = await openClinic(page, '桜島こども医院');
    await panel.getByLabel('メモ', { exact: true }).fill('この入力は捨てる');
    await editElsewhere(clinic.id, { name: '桜島こども医院 分院' });

    await panel.getByRole('button', { name: '保存', exact: true }).click();
    const refusal = panel.getByRole('alert').filter({ hasText: '保存しませんでした' });
    await refusal.getByRole('button', { name: '最新の記録を読み込む（入力を破棄）' }).click();

    expect(await refusal.count()).toBe(0);
    expect(await page.getByLabel('医療機関名', { exact: true }).inputValue()).toBe('桜島こども医院 分院');
    expect(await page.getByLabel('メモ', { exact: true }).inputValue()).toBe('');
    expect(await callPreview<StoredClinic>(app.preview, 'clinics.get', { id: clinic.id })).toMatchObject({ name: '桜島こども医院 分院', memo: '' });
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  test('a form with nothing typed simply shows the newer record', async () => {
    const clinic = await callPreview<StoredClinic>(app.preview, 'clinics.create', { name: '指宿みなと病院', phone: '0993-22-0000' });
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const panel = await openClinic(page, '指宿みなと病院');
    // The form shows the record before the other window edits it (an edit landing while the form
    // is still loading is not what this test is about).
    await expect.poll(() => panel.getByLabel('電話番号', { exact: true }).inputValue()).toBe('0993-22-0000');

    await editElsewhere(clinic.id, { phone: '0993-22-1111' });

    await expect.poll(() => panel.getByLabel('電話番号', { exact: true }).inputValue()).toBe('0993-22-1111');
    await context.close();
  });
});

describe('a stale inquiry cannot undo someone else’s 状況 change', () => {
  test('a 状況 change chosen before another window moved the inquiry is refused, and 再読み込み shows where it stands', async () => {
    const clinic = await callPreview<StoredClinic>(app.preview, 'clinics.create', { name: '鹿屋ひまわり内科' });
    const { inquiry } = await callPreview<{ inquiry: { id: string; receiptNumber: string; revision: number } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id,
      receivedOn: '2026-11-24',
      channel: 'phone',
    });
    const { context, page, problems } = await openCounterPage(app, '問い合わせ');
    await page.getByRole('table', { name: '問い合わせの一覧' }).getByRole('button', { name: inquiry.receiptNumber, exact: true }).click();
    const detail = page.getByRole('dialog', { name: `問い合わせ ${inquiry.receiptNumber}` });
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '資料送付済' });

    // Another window records that the clinic declined.
    await callPreview(app.preview, 'inquiries.changeStatus', { id: inquiry.id, to: 'declined', expectedRevision: inquiry.revision });
    await detail.getByRole('status').filter({ hasText: 'ほかの画面で変更されました' }).waitFor();
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();

    const refusal = detail.getByRole('alert').filter({ hasText: '保存しませんでした' });
    const statusRow = refusal.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '状況' }) });
    await expectText(statusRow.getByRole('cell').nth(0), '新規');
    await expectText(statusRow.getByRole('cell').nth(1), '見送り');
    // The 状況 the clerk chose, which was not saved, stands beside them.
    await expectText(statusRow.getByRole('cell').nth(2), '資料送付済');
    await shot(page, 'inquiry-status-conflict');
    expect(await callPreview<{ inquiry: { status: string } }>(app.preview, 'inquiries.get', { id: inquiry.id })).toMatchObject({
      inquiry: { status: 'declined' },
    });

    await refusal.getByRole('button', { name: '最新の記録を読み込む（入力を破棄）' }).click();
    await expectText(detail.getByLabel('変更後の状況', { exact: true }).locator('option:checked'), '見送り（現在）');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe('a stale rename cannot undo someone else’s', () => {
  test('renaming a staff member another window renamed first is refused with both names, and 反映 saves the new one', async () => {
    const staff = await callPreview<{ id: string; name: string; revision: number }>(app.preview, 'staff.create', { name: '窓口 花子' });
    const { context, page, problems } = await openCounterPage(app, '設定');
    await page.getByRole('button', { name: '窓口 花子さんの名前を変更' }).click();
    await page.getByLabel('「窓口 花子」さんの新しい名前', { exact: true }).fill('窓口 はなこ');
    const editor = page.getByRole('row').filter({ has: page.getByRole('textbox', { name: /さんの新しい名前$/ }) });

    await callPreview(app.preview, 'staff.update', { id: staff.id, name: '窓口 花子（本店）', expectedRevision: staff.revision });
    await editor.getByRole('button', { name: '保存', exact: true }).click();

    const refusal = page.getByRole('alert').filter({ hasText: '保存しませんでした' });
    const nameRow = refusal.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '名前' }) });
    await expectText(nameRow.getByRole('cell').nth(0), '窓口 花子');
    await expectText(nameRow.getByRole('cell').nth(1), '窓口 花子（本店）');
    await expectText(nameRow.getByRole('cell').nth(2), '窓口 はなこ');
    await shot(page, 'staff-rename-conflict');

    await refusal.getByRole('button', { name: '最新の記録にあなたの入力を反映' }).click();
    await editor.getByRole('button', { name: '保存', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '変更しました' }), '「窓口 花子（本店）」さんの名前を「窓口 はなこ」に変更しました。');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
