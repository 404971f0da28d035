import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { chooseOneClinic, expectPreview, makePdf, readPdf, savePdf } from './support/printScreen.ts';
import { expectText } from './support/screens.ts';
import { callPreview, runPreviewJob } from './support/startPreview.ts';

const app = useCounterApp();
const shotsDir = process.env.SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, name) });
}

const kirishima = (n: number) => ({ postalCode: `899-43${String(n).padStart(2, '0')}`, address: `鹿児島県霧島市国分中央${n}-1` });
const ids: Record<string, string> = {};

beforeAll(async () => {
  const create = async (name: string, fields: Record<string, unknown>) => {
    ids[name] = (await callPreview<{ id: string }>(app.preview, 'clinics.create', { name, kind: 'clinic_no_beds', ...fields })).id;
  };
  await create('霧島郵送内科', { ...kirishima(1), fax: '0995-00-0001' });
  await create('霧島郵送眼科', { ...kirishima(2) });
  await create('霧島郵送小児科', { ...kirishima(4), fax: '0995-00-0004' });
  await create('霧島郵送皮膚科', { ...kirishima(5), fax: '0995-00-0005' });
  await create('霧島郵送病院', { ...kirishima(6), kind: 'hospital', bedCount: 60, fax: '0995-00-0006' });
  await create('鹿屋郵送内科', { postalCode: '893-0001', address: '鹿児島県鹿屋市本町1-1', fax: '0994-00-0001' });
  // 対応中: an inquiry not yet closed.
  await callPreview(app.preview, 'inquiries.create', { clinicId: ids['霧島郵送小児科'], receivedOn: '2026-11-20', channel: 'phone' });
  // Already sent something: on the document trail.
  const made = await runPreviewJob<{ file: { fileId: string } }>(app.preview, 'documents.render', { documents: ['inquiryFaxSheet'], clinicIds: [ids['霧島郵送皮膚科']] });
  await callPreview(app.preview, 'documents.recordOutput', { fileId: made.result!.file.fileId, action: 'printed', sentBy: 'post' });
});

const mailing = (page: Page) => page.getByRole('radio', { name: '複数の医療機関（一括作成）' });
const count = (page: Page) => page.locator('.print-batch-count');
const preview = (page: Page) => page.getByRole('region', { name: 'プレビュー' });

/** 種別 無床診療所 and 市町村 霧島市, as a clerk narrows a mailing down. */
async function kirishimaClinicsWithoutBeds(page: Page): Promise<void> {
  await mailing(page).check();
  await page.getByRole('group', { name: '種別' }).getByRole('checkbox', { name: '無床診療所' }).check();
  await page.getByLabel('市町村', { exact: true }).selectOption('霧島市');
}

describe('一括作成: recipients, 送付不要 and FAX', () => {
  test('a clinic is marked 送付不要 on its form, and the reason is asked for next to the field', async () => {
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    await dialog.getByLabel('医療機関名', { exact: true }).fill('霧島郵送外科');
    await dialog.getByLabel('郵便番号', { exact: true }).fill('899-4303');
    await dialog.getByLabel('所在地', { exact: true }).fill('鹿児島県霧島市国分中央3-1');
    await dialog.getByLabel('種別', { exact: true }).selectOption('無床診療所');
    await dialog.getByLabel('FAX番号', { exact: true }).fill('0995-00-0003');
    await dialog.getByRole('checkbox', { name: '送付不要' }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    const reason = dialog.getByLabel('送付不要の理由', { exact: true });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('送付不要の理由を入力してください（例：先方より辞退の連絡あり）').waitFor();
    await reason.fill('先方より送付不要の連絡あり');
    await reason.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('種別, 市町村, 状況 and 「まだ何も送っていない」 give the count before anything is made; 送付不要 is left out and said', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    await kirishimaClinicsWithoutBeds(page);
    // 内科, 眼科, 外科 (送付不要), 小児科 (対応中), 皮膚科 (sent before): the hospital and 鹿屋 are not.
    await expectText(count(page), '該当 5件。うち送付不要の1件は作成時に除きます。');
    await page.getByRole('group', { name: '状況（問い合わせから）' }).getByRole('checkbox', { name: '問い合わせなし' }).check();
    await expectText(count(page), '該当 4件。うち送付不要の1件は作成時に除きます。');
    await page.getByRole('checkbox', { name: 'まだ何も送っていない' }).check();
    await expectText(count(page), '該当 3件。うち送付不要の1件は作成時に除きます。');
    // The words typed narrow the same list further.
    await page.getByLabel('医療機関を絞り込む').fill('外科');
    await expectText(count(page), '該当 1件。うち送付不要の1件は作成時に除きます。');
    await page.getByLabel('医療機関を絞り込む').fill('郵送');
    await expectText(count(page), '該当 3件。うち送付不要の1件は作成時に除きます。');
    const list = page.getByRole('list', { name: '該当する医療機関' });
    await expectText(list.locator('.no-mailing-badge'), '送付不要（先方より送付不要の連絡あり）');
    await count(page).scrollIntoViewIfNeeded();
    await shot(page, 'mailing-picker.png');

    await page.getByRole('button', { name: '該当する全件を選ぶ' }).click();
    await page.getByRole('status').filter({ hasText: '該当 3件を選びました。' }).waitFor();
    await page.getByRole('group', { name: '送付方法' }).getByRole('radio', { name: '郵送' }).check();
    await makePdf(page);
    await expectText(preview(page).locator('.print-mailing-outcome'), '送付不要の1件は除きました。');
    await expectText(preview(page).locator('.print-file-meta'), '2ページ（2件の医療機関）');
    await expectPreview(page);
    await shot(page, 'mailing-result.png');
    const saved = readPdf((await savePdf(page)).bytes);
    expect(saved.text).toContain('霧島郵送内科');
    expect(saved.text).not.toContain('霧島郵送外科');
    await preview(page).getByRole('status').filter({ hasText: '2件の医療機関に送付の記録を残しました。' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('clinics chosen before the filters changed stay chosen, are counted as outside them, and can be left out', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    await kirishimaClinicsWithoutBeds(page);
    await expectText(count(page), '該当 5件。うち送付不要の1件は作成時に除きます。');
    await page.getByRole('button', { name: '該当する全件を選ぶ' }).click();
    const chosenMessage = page.getByRole('status').filter({ hasText: '該当 5件を選びました。' });
    await chosenMessage.waitFor();
    // Narrowed afterwards: the line about the earlier matches goes, the choice stays and says what is outside.
    await page.getByRole('group', { name: '状況（問い合わせから）' }).getByRole('checkbox', { name: '問い合わせなし' }).check();
    await expectText(count(page), '該当 4件。うち送付不要の1件は作成時に除きます。');
    await chosenMessage.waitFor({ state: 'detached' });
    await expectText(page.locator('.print-batch-selected'), '選択中：5件（うち1件は今の条件に当てはまりません）');
    await page.locator('.print-batch-selected').scrollIntoViewIfNeeded();
    await shot(page, 'mailing-chosen-outside.png');
    await page.getByRole('button', { name: '当てはまらない1件を外す' }).click();
    await page.getByRole('status').filter({ hasText: '条件に当てはまらない1件を選択から外しました。' }).waitFor();
    await expectText(page.locator('.print-batch-selected'), '選択中：4件');
    await makePdf(page);
    // 4 chosen, 送付不要 left out when made (not saved: the later tests count the trail).
    await expectText(preview(page).locator('.print-file-meta'), '3ページ（3件の医療機関）');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a FAX mailing lists the clinics without a FAX number first: やめる, 除いて作成 or 郵送に回す', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    await kirishimaClinicsWithoutBeds(page);
    await expectText(count(page), '該当 5件。うち送付不要の1件は作成時に除きます。');
    await page.getByRole('button', { name: '該当する全件を選ぶ' }).click();
    await page.getByRole('status').filter({ hasText: '該当 5件を選びました。' }).waitFor();
    await page.getByRole('group', { name: '送付方法' }).getByRole('radio', { name: 'FAX' }).check();

    const render = page.getByRole('button', { name: 'PDFを作成', exact: true });
    const dialog = page.getByRole('alertdialog', { name: 'FAX番号のない医療機関があります' });
    await render.click();
    await dialog.waitFor();
    expect(await dialog.getByRole('listitem').allInnerTexts()).toEqual(['霧島郵送眼科']);
    await dialog.getByText('選んだうち1件はFAX番号が登録されていないため').waitFor();
    // The safe choice has the focus: Enter alone makes nothing, nor does Esc.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('やめる');
    await shot(page, 'mailing-without-fax.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await preview(page).locator('.print-file-name').count()).toBe(0);

    await render.click();
    await dialog.getByRole('button', { name: '除いて作成' }).click();
    await expectText(preview(page).locator('.print-mailing-outcome'), '送付不要の1件は除きました。FAX番号のない1件は除きました。');
    await expectText(preview(page).locator('.print-file-meta'), '3ページ（3件の医療機関）');

    await render.click();
    await dialog.getByRole('button', { name: '郵送に回す' }).click();
    await expectText(
      preview(page).locator('.print-mailing-outcome'),
      '送付不要の1件は除きました。FAX番号のない1件は郵送として記録します。郵送に回す医療機関（PDFの最後）：霧島郵送眼科',
    );
    await expectText(preview(page).locator('.print-file-meta'), '4ページ（4件の医療機関）');
    // The 送付方法 chosen before goes with the PDF; the clinic without a number is recorded as 郵送.
    expect(await preview(page).getByRole('radio', { name: 'FAX', exact: true }).isChecked()).toBe(true);
    await savePdf(page);
    await preview(page).getByRole('status').filter({ hasText: '4件の医療機関に送付の記録を残しました。' }).waitFor();
    const trail = async (name: string) =>
      (await callPreview<{ items: { sentBy: string }[] }>(app.preview, 'documents.history', { clinicId: ids[name] })).items.map((o) => o.sentBy);
    expect(await trail('霧島郵送眼科')).toEqual(['post', 'post']);
    expect(await trail('霧島郵送小児科')).toEqual(['fax']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a 送付不要 clinic printed on its own is allowed, with a warning', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    await chooseOneClinic(page, '郵送外科', '霧島郵送外科');
    await page.getByRole('status').filter({ hasText: 'この医療機関は「送付不要」です（先方より送付不要の連絡あり）' }).waitFor();
    await makePdf(page);
    await expectText(preview(page).locator('.print-file-meta'), '1ページ');
    expect(problems).toEqual([]);
    await context.close();
  });
});
