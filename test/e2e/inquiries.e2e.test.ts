import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { newCounterContext } from './support/browser.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { answerNextQuestion, confirmDialog, confirmQuestion } from './support/confirmDialog.ts';

const app = useCounterApp();



/** The text of the option a select shows. */
function selectedLabel(select: Locator): Promise<string> {
  return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? '');
}

/** The Japanese message tied to a field through aria-describedby (its error comes first). */
async function fieldMessage(page: Page, control: Locator): Promise<Locator> {
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  return page.locator(`[id="${describedBy.split(' ')[0]}"]`);
}

/** 問い合わせ screen → 問い合わせを登録 → choose the clinic: the registration form opens. */
async function openRegistration(page: Page, clinicKana: string, clinicName: string): Promise<Locator> {
  await openScreen(page, '問い合わせ');
  await page.getByRole('button', { name: '問い合わせを登録', exact: true }).click();
  const picker = page.getByRole('dialog', { name: '問い合わせを登録：医療機関を選ぶ' });
  await picker.getByLabel('医療機関を探す', { exact: true }).fill(clinicKana);
  await picker.getByRole('button', { name: new RegExp(clinicName) }).click();
  const form = page.getByRole('dialog', { name: '問い合わせを登録', exact: true });
  await form.waitFor();
  return form;
}

describe('問い合わせ', () => {

  test('registered with the counter staff, moved forward with a follow-up today, due on ホーム, and going back needs a reason', async () => {
    const clinicName = '桜島みなと内科クリニック';
    const today = tokyoToday();
    const receipt = `A-${today.slice(0, 4)}-0001`;
    const { context, page, problems } = await openCounterPage(app);

    // Nobody chosen for this machine yet: ホーム says so, gently.
    await page.getByText('この端末で対応する担当者が選ばれていません。', { exact: false }).waitFor();

    // 設定: add a staff member and make them this machine's.
    await openScreen(page, '設定');
    await page.getByLabel('新しい担当者の名前', { exact: true }).fill('窓口 花子');
    await page.getByRole('button', { name: '追加', exact: true }).click();
    await page.getByText('「窓口 花子」さんを追加しました。').waitFor();
    const staffRow = page.getByRole('table', { name: '担当者の一覧' }).getByRole('row').filter({ hasText: '窓口 花子' });
    await expectText(staffRow.getByRole('cell').nth(1), '有効');
    await page.getByRole('combobox', { name: 'この端末で対応する担当者', exact: true }).selectOption({ label: '窓口 花子' });
    await page.getByText('この端末の担当者を「窓口 花子」にしました。').waitFor();

    // 医療機関: register the clinic, open it from the list, and register an inquiry from there.
    await openScreen(page, '医療機関');
    await page.getByRole('button', { name: '新規登録', exact: true }).click();
    const clinicForm = page.getByRole('dialog', { name: '医療機関の新規登録' });
    await clinicForm.getByLabel('医療機関名', { exact: true }).fill(clinicName);
    await clinicForm.getByLabel('ふりがな', { exact: true }).fill('さくらじまみなとないかくりにっく');
    await clinicForm.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => clinicForm.count()).toBe(0);
    await page.getByLabel('検索', { exact: true }).fill('さくらじま');
    await page.getByText('「さくらじま」の検索結果').waitFor();
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: clinicName, exact: true }).click();
    const clinic = page.getByRole('region', { name: clinicName, exact: true });
    await clinic.getByRole('button', { name: '問い合わせを登録', exact: true }).click();

    // 受付日 is today in Japan and 担当者 is the machine's staff member.
    const form = page.getByRole('dialog', { name: '問い合わせを登録', exact: true });
    await form.getByText(clinicName).waitFor();
    expect(await form.getByLabel('受付日', { exact: true }).inputValue()).toBe(today);
    expect(await selectedLabel(form.getByLabel('担当者', { exact: true }))).toBe('窓口 花子');
    await form.getByRole('radio', { name: '電話', exact: true }).check();
    const content = form.getByLabel('内容', { exact: true });
    await content.click();
    await content.pressSequentially('サイバー保険の資料を希望');
    await content.press('Enter'); // a new line, not a save
    await content.pressSequentially('院長が検討中');
    expect(await form.isVisible()).toBe(true);
    expect(await content.inputValue()).toBe('サイバー保険の資料を希望\n院長が検討中');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => form.count()).toBe(0);

    // The clinic's list shows it with its 受付番号; choosing it opens the detail.
    const clinicInquiries = clinic.getByRole('table', { name: 'この医療機関の問い合わせ' });
    const clinicRow = clinicInquiries.getByRole('row').filter({ hasText: receipt });
    await clinicRow.getByRole('cell', { name: '新規', exact: true }).waitFor();
    await clinicRow.getByRole('cell', { name: '窓口 花子', exact: true }).waitFor();
    await clinicRow.getByRole('button', { name: receipt, exact: true }).click();

    const detail = page.getByRole('dialog', { name: `問い合わせ ${receipt}` });
    await expectText(detail.getByRole('heading', { level: 2 }), `問い合わせ ${receipt}`);

    // 新規 → 資料送付済, with the next follow-up today.
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '資料送付済' });
    const statusChange = detail.getByRole('region', { name: '状況の変更' });
    await statusChange.getByRole('button', { name: '今日', exact: true }).click();
    expect(await statusChange.getByLabel('次回対応日', { exact: true }).inputValue()).toBe(today);
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();
    await expectText(detail.getByRole('status'), '状況を「資料送付済」に変更しました。');
    const history = detail.getByRole('table', { name: '状況の変更の履歴' });
    const forward = history.getByRole('row').filter({ hasText: '新規 → 資料送付済' });
    await expectText(forward.getByRole('cell').nth(2), '窓口 花子');
    await detail.getByRole('button', { name: '閉じる', exact: true }).click();
    expect(await detail.count()).toBe(0);
    await clinicRow.getByText('本日', { exact: true }).waitFor();

    // 問い合わせ: the list puts it first and marks it 本日.
    await openScreen(page, '問い合わせ');
    const listRow = page.getByRole('table', { name: '問い合わせの一覧' }).getByRole('row').filter({ hasText: receipt });
    await expectText(listRow.getByRole('cell').nth(1), clinicName);
    await expectText(listRow.getByRole('cell').nth(4), '資料送付済');
    await listRow.getByText('本日', { exact: true }).waitFor();

    // ホーム: among today's follow-ups, and the banner is gone.
    await openScreen(page, 'ホーム');
    const due = page.getByRole('table', { name: '本日・期限切れの対応' });
    const dueRow = due.getByRole('row').filter({ hasText: receipt });
    await expectText(dueRow.getByRole('cell').nth(1), clinicName);
    await dueRow.getByText('本日', { exact: true }).waitFor();
    expect(await page.getByText('この端末で対応する担当者が選ばれていません。', { exact: false }).count()).toBe(0);

    // Back to 新規: a reason is required.
    await dueRow.getByRole('button', { name: receipt }).click();
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '新規' });
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();
    const reasonDialog = page.getByRole('dialog', { name: '状況を戻す理由' });
    const reason = reasonDialog.getByLabel('理由', { exact: true });
    await reasonDialog.getByRole('button', { name: '変更する', exact: true }).click();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expectText(await fieldMessage(page, reason), '理由を入力してください');
    expect(await reasonDialog.isVisible()).toBe(true);
    await reason.fill('院長から資料の再送を頼まれたため');
    await reasonDialog.getByRole('button', { name: '変更する', exact: true }).click();
    await expectText(detail.getByRole('status'), '状況を「新規」に変更しました。');
    const back = history.getByRole('row').filter({ hasText: '資料送付済 → 新規' });
    await expectText(back.getByRole('cell').nth(3), '院長から資料の再送を頼まれたため');
    // The 受付番号 stays the same after every change.
    await expectText(detail.getByRole('heading', { level: 2 }), `問い合わせ ${receipt}`);
    await page.keyboard.press('Escape');
    expect(await detail.count()).toBe(0);

    // 日付の表示 → 和暦: dates on the records screens follow.
    await openScreen(page, '設定');
    await page.getByRole('radio', { name: /^和暦/ }).check();
    await page.getByText('日付を和暦で表示します。').waitFor();
    await openScreen(page, '問い合わせ');
    await expectText(listRow.getByRole('cell').nth(2), /^令和\d+年\d+月\d+日$/);

    expect(problems).toEqual([]);
    await context.close();
  });

  test('the form keeps Enter for new lines in 内容, asks before Esc throws input away, and points out a missing 受付日', async () => {
    const clinicName = '錦江台こどもクリニック';
    await callPreview(app.preview, 'clinics.create', { name: clinicName, nameKana: 'きんこうだいこどもくりにっく' });
    const { context, page, problems } = await openCounterPage(app);

    const form = await openRegistration(page, 'きんこうだい', clinicName);
    const receivedOn = form.getByLabel('受付日', { exact: true });
    // The first field has focus, so the clerk can start at once.
    expect(await page.evaluate('document.activeElement.id')).toBe(await receivedOn.getAttribute('id'));
    await form.getByLabel('内容', { exact: true }).fill('電話で問い合わせ');

    // Esc with input: asked first in the app's own dialog, the safe choice focused; Esc again stays in the form.
    await page.keyboard.press('Escape');
    expect(await confirmQuestion(page)).toBe('入力した内容は保存されていません。入力をやめて閉じますか？');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('入力に戻る');
    await page.keyboard.press('Escape');
    await confirmDialog(page).waitFor({ state: 'hidden' });
    expect(await form.isVisible()).toBe(true);

    await receivedOn.fill('');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    expect(await receivedOn.getAttribute('aria-invalid')).toBe('true');
    await expectText(await fieldMessage(page, receivedOn), '受付日を入力してください');

    const dropped = answerNextQuestion(page, 'accept');
    await page.keyboard.press('Escape');
    await dropped;
    await expect.poll(() => form.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// Runs after the tests above: it registers an inquiry of its own, and they count 受付番号 from 0001.
describe('問い合わせの詳細', () => {
  test('closing an inquiry with a 状況 change chosen but not applied asks first', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '指宿みなみ医院' });
    const { inquiry } = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id,
      receivedOn: tokyoToday(),
      channel: 'phone',
    });
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    await page.goto(app.preview.url);
    await openScreen(page, '問い合わせ');
    await page.getByRole('button', { name: new RegExp(inquiry.receiptNumber) }).first().click();
    const detail = page.getByRole('dialog', { name: new RegExp(inquiry.receiptNumber) });
    await detail.getByLabel('変更後の状況').selectOption({ label: '資料送付済' });

    const kept = answerNextQuestion(page, 'dismiss');
    await page.keyboard.press('Escape');
    expect(await kept).toContain('まだ反映されていません');
    expect(await detail.isVisible()).toBe(true);

    const dropped = answerNextQuestion(page, 'accept');
    await detail.getByRole('button', { name: '閉じる' }).click();
    await dropped;
    await detail.waitFor({ state: 'hidden' });
    await context.close();
  });

  test('a follow-up is logged apart from the 内容 with the next 次回対応日, and the inquiry is no longer overdue on ホーム', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '阿久根みなと医院' });
    const weekAgo = new Date(`${tokyoToday()}T00:00:00Z`);
    weekAgo.setUTCDate(weekAgo.getUTCDate() - 7);
    const { inquiry } = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id,
      receivedOn: weekAgo.toISOString().slice(0, 10),
      channel: 'fax',
      content: 'FAXで資料請求',
      nextActionOn: weekAgo.toISOString().slice(0, 10),
    });
    const { context, page, problems } = await openCounterPage(app);
    const due = page.getByRole('region', { name: '本日・期限切れの対応' });
    await expectText(due, new RegExp(inquiry.receiptNumber));

    await openScreen(page, '問い合わせ');
    await page.getByRole('button', { name: new RegExp(inquiry.receiptNumber) }).first().click();
    const detail = page.getByRole('dialog', { name: new RegExp(inquiry.receiptNumber) });
    const log = detail.getByRole('region', { name: '対応記録' });
    await log.getByText('まだ対応記録はありません。').waitFor();
    const form = log.getByRole('form', { name: '対応記録を追加' });
    await form.getByRole('radio', { name: '電話', exact: true }).check();
    await form.getByLabel('メモ', { exact: true }).fill('資料到着を確認。院内で検討中');
    // The overdue date is what this call answers: the field starts empty, and a suggestion fills it.
    expect(await form.getByLabel('次回対応日', { exact: true }).inputValue()).toBe('');
    await form.getByRole('button', { name: '1週間後', exact: true }).click();
    await form.getByRole('button', { name: '対応記録を追加', exact: true }).click();
    await expectText(log.getByRole('status'), /^対応記録を追加し、次回対応日を.+にしました。$/);
    const rows = log.getByRole('table', { name: '対応記録の一覧' }).getByRole('row');
    await expectText(rows.nth(1), /電話.*資料到着を確認。院内で検討中/);
    await expectText(detail.getByText('内容', { exact: true }).locator('xpath=following-sibling::dd[1]'), 'FAXで資料請求');
    await detail.getByRole('button', { name: '閉じる', exact: true }).click();

    await openScreen(page, 'ホーム');
    await expect.poll(async () => ((await due.count()) > 0 ? await due.innerText() : '')).not.toContain(inquiry.receiptNumber);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the 次回対応日 alone has its own button, a date before 受付日 is refused, and focus stays in the dialog', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '南さつま内科', nameKana: 'みなみさつまないか' });
    const { inquiry } = await callPreview<{ inquiry: { receiptNumber: string; receivedOn: string } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id,
      receivedOn: tokyoToday(),
      channel: 'phone',
    });
    const { context, page, problems } = await openCounterPage(app, '問い合わせ');
    // Found by the clinic's name typed in かな, among the inquiries of the tests before.
    await page.getByLabel('医療機関名・内容で探す', { exact: true }).fill('みなみさつま');
    const rows = page.getByRole('table', { name: '問い合わせの一覧' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    await expectText(rows.nth(1), new RegExp(`${inquiry.receiptNumber}.*南さつま内科`));
    await page.getByRole('button', { name: new RegExp(inquiry.receiptNumber) }).first().click();
    const detail = page.getByRole('dialog', { name: new RegExp(inquiry.receiptNumber) });
    const statusChange = detail.getByRole('region', { name: '状況の変更' });
    const date = statusChange.getByLabel('次回対応日', { exact: true });
    const dateOnly = detail.getByRole('button', { name: '次回対応日だけ変更', exact: true });

    // A year typed wrong: the day before 受付日 is refused beside the field, nothing saved.
    const dayBefore = new Date(`${inquiry.receivedOn}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await date.fill(dayBefore.toISOString().slice(0, 10));
    await dateOnly.click();
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    await expectText(await fieldMessage(page, date), '次回対応日は受付日以降の日にしてください');

    // The next business day, with the 状況 still 新規: only the date moves, and focus stays in the dialog.
    await statusChange.getByRole('button', { name: '翌営業日', exact: true }).click();
    await dateOnly.click();
    await detail.getByText('次回対応日を変更しました。').waitFor();
    expect(await selectedLabel(detail.getByLabel('変更後の状況', { exact: true }))).toBe('新規（現在）');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    expect(await detail.getByRole('table', { name: '状況の変更の履歴' }).getByRole('row').count()).toBe(2);

    // A 状況 change keeps focus in the dialog too.
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '資料送付済' });
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();
    await detail.getByText('状況を「資料送付済」に変更しました。').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('status-to');
    expect(problems.filter((p) => !p.includes('422') || !p.includes('inquiries.changeStatus'))).toEqual([]);
    await context.close();
  });
});
