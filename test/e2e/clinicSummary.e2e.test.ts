import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { answerNextQuestion } from './support/confirmDialog.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
// `SHOTS_DIR=/tmp/shots-summary` keeps a picture of each step; without it nothing is written.
const shotsDir = process.env.SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** A FAX sheet made by the print centre for the clinic and recorded as faxed, as the print screen does it. */
async function faxedTo(clinicId: string, faxNumber: string): Promise<void> {
  const started = await callPreview<{ jobId: string }>(app.preview, 'jobs.start', { kind: 'documents.render', input: { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: [clinicId] } });
  let job: { state: string; result?: { file: { fileId: string } } };
  do {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await callPreview(app.preview, 'jobs.get', { jobId: started.jobId });
  } while (job.state === 'queued' || job.state === 'running');
  expect(job.state).toBe('succeeded');
  await callPreview(app.preview, 'documents.recordOutput', { fileId: job.result!.file.fileId, action: 'printed', sentBy: 'fax', faxNumber });
}

async function openClinic(page: Page, kana: string, name: string) {
  await page.getByLabel('検索', { exact: true }).fill(kana);
  await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name, exact: true }).click();
  return page.getByRole('region', { name, exact: true });
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');

describe('one place to act on a clinic', () => {
  test('the opened clinic is a summary: how to reach it, its open inquiry, the last document; 問い合わせを登録 a few Tabs from the search', async () => {
    const staff = await callPreview<{ id: string }>(app.preview, 'staff.create', { name: '窓口 一郎' });
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', {
      name: '指宿ゆのさと医院', nameKana: 'いぶすきゆのさといいん', kind: 'clinic_no_beds', postalCode: '891-0402', address: '鹿児島県指宿市十町1-2',
      phone: '0993-22-1111', fax: '0993-22-1112', contactPerson: '事務長 山川',
    });
    const today = tokyoToday();
    const { inquiry } = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id, receivedOn: today, channel: 'phone', content: '資料がほしい', staffId: staff.id, nextActionOn: today,
    });
    await faxedTo(clinic.id, '0993-22-1112');
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    const opened = await openClinic(page, 'いぶすきゆのさと', '指宿ゆのさと医院');
    const summary = opened.getByRole('region', { name: '医療機関の概要' });
    const fact = (label: string) => summary.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    await expectText(fact('電話'), '0993-22-1111');
    await expectText(fact('FAX'), '0993-22-1112');
    await expectText(fact('所在地'), '〒891-0402鹿児島県指宿市十町1-2');
    await expectText(fact('先方ご担当者'), '事務長 山川');
    await expectText(fact('当方担当'), '窓口 一郎');
    await expectText(fact('種別'), '無床診療所');
    const open = summary.getByRole('list', { name: '対応中の問い合わせ' }).getByRole('listitem');
    await expectText(open, new RegExp(`${inquiry.receiptNumber}.*新規.*次回対応日：本日`));
    await expectText(summary.locator('.clinic-summary-output'), /FAX問い合わせ票.*FAX（0993-22-1112）/);
    // The form is not what opens: no field to type into until 編集.
    expect(await opened.getByRole('textbox', { name: '電話番号' }).count()).toBe(0);
    // Phone numbers never break inside.
    expect(await fact('電話').evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    await shot(page, 'clinic-summary');

    await open.getByRole('button', { name: inquiry.receiptNumber }).click();
    const detail = page.getByRole('dialog', { name: `問い合わせ ${inquiry.receiptNumber}` });
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await page.getByLabel('検索', { exact: true }).focus();
    let tabs = 0;
    while ((await focusedText(page)) !== '問い合わせを登録' && tabs < 30) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs).toBeLessThanOrEqual(6);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('編集 turns the summary into the form; 保存 shows the new phone in the summary, Esc gives up a change after asking', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '枕崎かつお内科', nameKana: 'まくらざきかつおないか', kind: 'clinic_no_beds', phone: '0993-72-0001', fax: '0993-72-0002' });
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    const opened = await openClinic(page, 'まくらざきかつお', '枕崎かつお内科');
    const summary = opened.getByRole('region', { name: '医療機関の概要' });
    const edit = opened.getByRole('button', { name: '編集', exact: true });
    await edit.click();
    // The keyboard lands on the first field, ready to type.
    expect(await focusedLabel(page)).toBe('医療機関名');
    expect(await summary.count()).toBe(0);
    const phone = opened.getByRole('textbox', { name: '電話番号' });
    await phone.fill('0993726666');
    await shot(page, 'clinic-edit');
    await phone.press('Enter');
    await expectText(summary.locator('dd.nowrap').first(), '0993-72-6666');
    expect(await focusedText(page)).toBe('編集');

    await edit.click();
    await opened.getByRole('textbox', { name: 'FAX番号' }).fill('0993-72-9999');
    const asked = answerNextQuestion(page, 'accept');
    await page.keyboard.press('Escape');
    expect(await asked).toMatch('入力した内容は保存されていません');
    await summary.waitFor();
    await expectText(summary, /0993-72-0002/);
    expect(await focusedText(page)).toBe('編集');
    const stored = await callPreview<{ items: { phone: string; fax: string }[] }>(app.preview, 'clinics.search', { query: 'まくらざきかつお' });
    expect(stored.items[0]).toMatchObject({ phone: '0993-72-6666', fax: '0993-72-0002' });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a caller not yet on file: the clinic is registered with the inquiry in the same dialog, and a name on file is warned about', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '川内ほたる眼科', nameKana: 'せんだいほたるがんか', kind: 'clinic_no_beds', phone: '0996-20-0001' });
    const { context, page, problems } = await openCounterPage(app, '問い合わせ');
    await page.getByRole('button', { name: '問い合わせを登録', exact: true }).click();
    await page.getByRole('dialog', { name: '問い合わせを登録：医療機関を選ぶ' }).getByRole('button', { name: '新しい医療機関として登録' }).click();
    const form = page.getByRole('dialog', { name: '問い合わせを登録', exact: true });
    await form.waitFor();
    expect(await focusedLabel(page)).toBe('医療機関名');
    await page.keyboard.type('阿久根しおさい医院');
    await shot(page, 'new-caller-dialog');
    await form.getByRole('textbox', { name: '電話番号' }).fill('0996-72-0001');
    await form.getByRole('textbox', { name: 'ご担当者名' }).fill('受付 田中');
    await form.getByRole('textbox', { name: '内容' }).fill('パンフレットを送ってほしい');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const byName = await callPreview<{ items: { id: string; phone: string; contactPerson: string }[] }>(app.preview, 'clinics.search', { query: '阿久根しおさい' });
    expect(byName.items).toMatchObject([{ phone: '0996-72-0001', contactPerson: '受付 田中' }]);
    const inquiries = await callPreview<{ items: { content: string }[] }>(app.preview, 'inquiries.list', { clinicId: byName.items[0]!.id });
    expect(inquiries.items).toMatchObject([{ content: 'パンフレットを送ってほしい' }]);

    // The same name as a clinic on file: the clinic form's warning, and the inquiry can go to that clinic instead.
    // The saved inquiry opens at once, as it does for a clinic on file.
    const saved = page.getByRole('dialog', { name: /^問い合わせ A-/ });
    await saved.waitFor();
    await page.keyboard.press('Escape');
    await saved.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '問い合わせを登録', exact: true }).click();
    await page.getByRole('dialog', { name: '問い合わせを登録：医療機関を選ぶ' }).getByRole('button', { name: '新しい医療機関として登録' }).click();
    await form.getByRole('textbox', { name: '医療機関名' }).fill('川内ほたる眼科');
    await form.getByRole('textbox', { name: '内容' }).fill('見積がほしい');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    const warning = page.getByRole('alertdialog', { name: '同じ医療機関が登録されている可能性があります' });
    await expectText(warning, /川内ほたる眼科.*医療機関名が同じ/);
    await shot(page, 'new-caller-duplicate');
    await warning.getByRole('button', { name: 'この医療機関で登録する' }).click();
    await expectText(form.locator('.dialog-context'), /川内ほたる眼科/);
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const same = await callPreview<{ items: { id: string }[] }>(app.preview, 'clinics.search', { query: '川内ほたる' });
    expect(same.items).toHaveLength(1);
    const theirs = await callPreview<{ items: { content: string }[] }>(app.preview, 'inquiries.list', { clinicId: same.items[0]!.id });
    expect(theirs.items).toMatchObject([{ content: '見積がほしい' }]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a caller found nowhere: the words searched come into the new clinic, and 送付不要 is saved with its reason', async () => {
    const { context, page, problems } = await openCounterPage(app, '問い合わせ');
    const chooser = page.getByRole('dialog', { name: '問い合わせを登録：医療機関を選ぶ' });
    const form = page.getByRole('dialog', { name: '問い合わせを登録', exact: true });
    const startNewCaller = async (typed: string) => {
      await page.getByRole('button', { name: '問い合わせを登録', exact: true }).click();
      await chooser.getByLabel('医療機関を探す').fill(typed);
      await expectText(chooser, new RegExp(`「${typed}」の検索結果：0件`));
      await chooser.getByRole('button', { name: '新しい医療機関として登録' }).click();
      await form.waitFor();
    };

    // Words in kana are the ふりがな; the clerk goes on with the name.
    await startNewCaller('こくぶさくら');
    expect(await form.getByRole('textbox', { name: 'ふりがな' }).inputValue()).toBe('こくぶさくら');
    expect(await form.getByRole('textbox', { name: '医療機関名' }).inputValue()).toBe('');
    await form.getByRole('button', { name: 'キャンセル' }).click();
    await form.waitFor({ state: 'detached' });

    await startNewCaller('国分さくら内科');
    expect(await form.getByRole('textbox', { name: '医療機関名' }).inputValue()).toBe('国分さくら内科');
    // The caller asks for no mail: the box and its reason are both here, and a missing reason is said next to it.
    await form.getByRole('checkbox', { name: '送付不要' }).check();
    await form.getByRole('textbox', { name: '内容' }).fill('資料は窓口で受け取る');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    const reason = form.getByRole('textbox', { name: '送付不要の理由' });
    await expectText(form.locator('.clinic-field-noMailingReason .field-error'), /送付不要の理由を入力してください/);
    expect(await focusedLabel(page)).toBe('送付不要の理由');
    await reason.fill('電話で送付不要と言われた');
    await shot(page, 'new-caller-no-mailing');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const stored = await callPreview<{ items: { name: string; noMailing: boolean; noMailingReason: string }[] }>(app.preview, 'clinics.search', { query: '国分さくら' });
    expect(stored.items).toMatchObject([{ name: '国分さくら内科', noMailing: true, noMailingReason: '電話で送付不要と言われた' }]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
