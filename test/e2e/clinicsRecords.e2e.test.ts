import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { answerNextQuestion } from './support/confirmDialog.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { editOpenClinic } from './support/clinicPanel.ts';
import { callPreview } from './support/startPreview.ts';
import { useCounterApp } from './support/counterApp.ts';

const app = useCounterApp();
let context: BrowserContext;
let page: Page;
let problems: string[];



/** A fresh window on the 医療機関 screen. */
async function openClinicsScreen(): Promise<void> {
  context = await newCounterContext(app.browser);
  page = await context.newPage();
  problems = collectPageProblems(page);
  await page.goto(app.preview.url);
  await openScreen(page, '医療機関');
}

afterEach(async () => {
  await context?.close();
});

const newClinicDialog = () => page.getByRole('dialog', { name: '医療機関の新規登録' });
const clinicList = () => page.getByRole('table', { name: '医療機関の一覧' });
const openClinic = (name: string) => page.getByRole('region', { name, exact: true });
const field = (scope: Locator, label: string) => scope.getByLabel(label, { exact: true });

async function searchFor(text: string): Promise<void> {
  await page.getByLabel('検索', { exact: true }).fill(text);
  await page.getByText(`「${text}」の検索結果`).waitFor();
}

/** Opens a clinic from the list by its name, as a clerk clicks it, and (unless archived) 編集 for its form. */
async function chooseInList(name: string, edit = true): Promise<Locator> {
  await clinicList().getByRole('button', { name, exact: true }).click();
  const region = openClinic(name);
  if (edit) return editOpenClinic(region);
  await region.getByRole('region', { name: '医療機関の概要' }).waitFor();
  return region;
}

describe('医療機関の記録', () => {
  test('a clinic registered through the full form is stored in canonical form and found by half-width kana and by phone digits', async () => {
    await openClinicsScreen();
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = newClinicDialog();
    await field(dialog, '医療機関名').fill('鹿児島中央みなみ診療所');
    await field(dialog, 'ふりがな').fill('かごしまちゅうおうみなみしんりょうじょ');
    await field(dialog, '種別').selectOption({ label: '有床診療所' });
    await field(dialog, '病床数').fill('１２');
    await field(dialog, '郵便番号').fill('８９０００５３');
    await expect.poll(() => field(dialog, '所在地').inputValue()).toBe('鹿児島県鹿児島市中央町');
    await field(dialog, '所在地').fill('鹿児島県鹿児島市中央町12-3');
    await field(dialog, '電話番号').fill('（０９９）２５４ー８１２６');
    await field(dialog, 'FAX番号').fill('０９９－２５４－８１２７');
    await field(dialog, 'ご担当者名').fill('山田 花子');
    await field(dialog, '会員番号').fill('K-1001');
    // Enter in メモ is a new line, not 保存.
    const memo = field(dialog, 'メモ');
    await memo.fill('一行目');
    await memo.press('End');
    await memo.press('Enter');
    await memo.pressSequentially('二行目');
    expect(await memo.inputValue()).toBe('一行目\n二行目');
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByRole('button', { name: '保存' }).click();
    await expectText(page.getByRole('status'), '鹿児島中央みなみ診療所を登録しました');
    expect(await dialog.count()).toBe(0);

    // The new clinic opens beside the list, showing what was stored.
    const clinic = await editOpenClinic(openClinic('鹿児島中央みなみ診療所'));
    expect(await field(clinic, '郵便番号').inputValue()).toBe('890-0053');
    expect(await field(clinic, '所在地').inputValue()).toBe('鹿児島県鹿児島市中央町12-3');
    expect(await field(clinic, '電話番号').inputValue()).toBe('099-254-8126');
    expect(await field(clinic, 'FAX番号').inputValue()).toBe('099-254-8127');
    expect(await field(clinic, '病床数').inputValue()).toBe('12');
    expect(await field(clinic, 'メモ').inputValue()).toBe('一行目\n二行目');

    await searchFor('ｶｺﾞｼﾏﾁｭｳｵｳﾐﾅﾐ');
    await expectText(page.getByText('「ｶｺﾞｼﾏﾁｭｳｵｳﾐﾅﾐ」の検索結果'), '「ｶｺﾞｼﾏﾁｭｳｵｳﾐﾅﾐ」の検索結果：1件');
    await clinicList().getByRole('button', { name: '鹿児島中央みなみ診療所' }).waitFor();

    await searchFor('0992548126');
    const row = clinicList().getByRole('row').filter({ hasText: '鹿児島中央みなみ診療所' });
    await expectText(row.getByRole('cell').last(), '099-254-8126');
    expect(problems).toEqual([]);
  });

  test('the postal code never overwrites a 所在地 the clerk typed, only its own earlier fill', async () => {
    await openClinicsScreen();
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = newClinicDialog();
    const address = field(dialog, '所在地');
    const postal = field(dialog, '郵便番号');

    await postal.fill('890-0053');
    await expect.poll(() => address.inputValue()).toBe('鹿児島県鹿児島市中央町');
    // Still the automatic fill: a new code replaces it.
    await postal.fill('8900062');
    await expect.poll(() => address.inputValue()).toBe('鹿児島県鹿児島市与次郎');

    await address.fill('鹿児島市与次郎1-1 手入力ビル');
    const lookup = page.waitForResponse((r) => r.url().endsWith('/api/call/postal.lookup'));
    await postal.fill('８９２－０８１６');
    await lookup;
    await page.waitForTimeout(200);
    expect(await address.inputValue()).toBe('鹿児島市与次郎1-1 手入力ビル');
    expect(problems).toEqual([]);
  });

  test('a 有床診療所 with 25 beds is explained next to 病床数 and not saved', async () => {
    await openClinicsScreen();
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call/clinics.create')) creates.push(request.postData() ?? '');
    });
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = newClinicDialog();
    await field(dialog, '医療機関名').fill('二十五床クリニック');
    await field(dialog, '種別').selectOption({ label: '有床診療所' });
    const beds = field(dialog, '病床数');
    await beds.fill('25');

    // Explained as soon as both are set, before any 保存.
    expect(await beds.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await beds.getAttribute('aria-describedby')) ?? '').split(' ')[0];
    await expectText(page.locator(`[id="${errorId}"]`), /有床診療所の病床数は1〜19床です/);

    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForTimeout(300);
    expect(creates).toEqual([]);
    expect(await dialog.isVisible()).toBe(true);

    // Choosing 病院 makes 25 beds right, and the explanation goes.
    await field(dialog, '種別').selectOption({ label: '病院' });
    expect(await beds.getAttribute('aria-invalid')).toBe('false');
    expect(problems).toEqual([]);
  });

  test('a phone number that cannot be right is pointed out next to the field in Japanese', async () => {
    await openClinicsScreen();
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = newClinicDialog();
    await field(dialog, '医療機関名').fill('番号まちがい医院');
    const fax = field(dialog, 'FAX番号');
    await fax.fill('099-254');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect(await fax.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await fax.getAttribute('aria-describedby')) ?? '').split(' ')[0];
    await expectText(page.locator(`[id="${errorId}"]`), /FAX番号の桁数または市外局番が正しくありません/);
    expect(await page.evaluate('document.activeElement.id')).toBe(await fax.getAttribute('id'));
  });

  test('an edit is saved and shown in its stored form', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '紫原なおし歯科', nameKana: 'むらさきばるなおししか', phone: '099-285-1111' });
    await openClinicsScreen();
    await searchFor('紫原なおし');
    let clinic = await chooseInList('紫原なおし歯科');
    await field(clinic, 'ご担当者名').fill('事務長 田中');
    await field(clinic, '電話番号').fill('0992851112');
    await clinic.getByRole('button', { name: '保存' }).click();
    await expectText(page.getByRole('status'), '紫原なおし歯科を保存しました');
    // Saved, the clinic shows as its summary again, with the number as stored.
    await expectText(clinic.getByRole('region', { name: '医療機関の概要' }), /099-285-1112/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '医療機関' }).waitFor();
    await searchFor('0992851112');
    clinic = await chooseInList('紫原なおし歯科');
    expect(await field(clinic, 'ご担当者名').inputValue()).toBe('事務長 田中');
    expect(problems).toEqual([]);
  });

  test('an archived clinic leaves the search, shows with 「アーカイブを表示」, and comes back when restored', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '吉野アーカイブ内科', nameKana: 'よしのあーかいぶないか', phone: '099-243-0000' });
    await openClinicsScreen();
    await searchFor('吉野アーカイブ');
    const clinic = await chooseInList('吉野アーカイブ内科');

    const question = answerNextQuestion(page, 'accept');
    await clinic.getByRole('button', { name: 'アーカイブ' }).click();
    expect(await question).toContain('アーカイブしますか');
    await expectText(page.getByRole('status'), /吉野アーカイブ内科をアーカイブしました/);
    await expect.poll(() => clinic.count()).toBe(0);
    await expectText(page.getByText('「吉野アーカイブ」の検索結果'), '「吉野アーカイブ」の検索結果：0件');

    await page.getByLabel('アーカイブを表示').check();
    const row = clinicList().getByRole('row').filter({ hasText: '吉野アーカイブ内科' });
    await expectText(row.getByText('アーカイブ済み'), 'アーカイブ済み');

    const archived = await chooseInList('吉野アーカイブ内科', false);
    // Nothing to edit until it is restored.
    expect(await archived.getByRole('button', { name: '編集', exact: true }).count()).toBe(0);
    await archived.getByRole('button', { name: '復元' }).click();
    await expectText(page.getByRole('status'), '吉野アーカイブ内科を復元しました');
    await editOpenClinic(archived);
    expect(await field(archived, '医療機関名').isEditable()).toBe(true);

    await page.getByLabel('アーカイブを表示').uncheck();
    await expectText(page.getByText('「吉野アーカイブ」の検索結果'), '「吉野アーカイブ」の検索結果：1件');
    expect(await row.getByText('アーカイブ済み').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('「元に戻す」 right after archiving brings the clinic back', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '伊敷うっかり眼科', phone: '099-229-0000' });
    await openClinicsScreen();
    await searchFor('伊敷うっかり');
    const clinic = await chooseInList('伊敷うっかり眼科');
    void answerNextQuestion(page, 'accept');
    await clinic.getByRole('button', { name: 'アーカイブ' }).click();
    await expectText(page.getByText('「伊敷うっかり」の検索結果'), '「伊敷うっかり」の検索結果：0件');

    await page.getByRole('button', { name: '元に戻す' }).click();
    await expectText(page.getByRole('status'), '伊敷うっかり眼科を復元しました');
    await expectText(page.getByText('「伊敷うっかり」の検索結果'), '「伊敷うっかり」の検索結果：1件');
    await openClinic('伊敷うっかり眼科').getByRole('region', { name: '医療機関の概要' }).waitFor();
    expect(problems).toEqual([]);
  });

  test('a second clinic with the same phone number is warned about, and 「既存の記録を開く」 opens the first', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '谷山ひかりクリニック', phone: '099-260-1234', memberNumber: 'T-77' });
    await openClinicsScreen();
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call/clinics.create')) creates.push(request.postData() ?? '');
    });
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = newClinicDialog();
    await field(dialog, '医療機関名').fill('たにやま光クリニック');
    await field(dialog, '電話番号').fill('0992601234');
    await dialog.getByRole('button', { name: '保存' }).click();

    const warning = page.getByRole('alertdialog', { name: '同じ医療機関が登録されている可能性があります' });
    const match = warning.getByRole('row').filter({ hasText: '谷山ひかりクリニック' });
    await expectText(match.getByRole('cell').nth(1), '099-260-1234');
    await expectText(match.getByRole('cell').nth(2), 'T-77');
    await expectText(match.getByRole('cell').nth(3), '電話番号が同じ');

    // 戻る keeps everything that was typed.
    await warning.getByRole('button', { name: '戻る' }).click();
    await expect.poll(() => warning.count()).toBe(0);
    expect(await field(dialog, '医療機関名').inputValue()).toBe('たにやま光クリニック');

    await dialog.getByRole('button', { name: '保存' }).click();
    const question = answerNextQuestion(page, 'accept');
    await warning.getByRole('button', { name: '既存の記録を開く' }).click();
    expect(await question).toContain('保存されていません');
    const first = await editOpenClinic(openClinic('谷山ひかりクリニック'));
    await expect.poll(() => field(first, '電話番号').inputValue()).toBe('099-260-1234');
    expect(await dialog.count()).toBe(0);
    expect(creates).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('「このまま保存」 saves a clinic that only shares its name with another', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '中央内科', phone: '099-224-0000' });
    await openClinicsScreen();
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = newClinicDialog();
    await field(dialog, '医療機関名').fill('中央内科');
    await field(dialog, '電話番号').fill('0995-45-1234');
    await dialog.getByRole('button', { name: '保存' }).click();
    const warning = page.getByRole('alertdialog', { name: '同じ医療機関が登録されている可能性があります' });
    await expectText(warning.getByRole('row').filter({ hasText: '099-224-0000' }).getByRole('cell').nth(3), '医療機関名が同じ');
    await warning.getByRole('button', { name: 'このまま保存' }).click();
    await expectText(page.getByRole('status'), '中央内科を登録しました');
    expect(await dialog.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('a 会員番号 already in use is pointed out next to 会員番号 when saving an edit', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '会員番号もち病院', kind: 'hospital', memberNumber: 'M-500' });
    await callPreview(app.preview, 'clinics.create', { name: '番号なし医院' });
    await openClinicsScreen();
    await searchFor('番号なし医院');
    const clinic = await chooseInList('番号なし医院');
    await field(clinic, '会員番号').fill('Ｍ－５００');
    await clinic.getByRole('button', { name: '保存' }).click();
    const warning = page.getByRole('alertdialog', { name: '同じ医療機関が登録されている可能性があります' });
    await expectText(warning.getByRole('row').filter({ hasText: '会員番号もち病院' }).getByRole('cell').nth(3), '会員番号が同じ');
    // The server would refuse it, so the warning does not offer to save anyway.
    expect(await warning.getByRole('button', { name: 'このまま保存' }).isDisabled()).toBe(true);
    await warning.getByRole('button', { name: '戻る' }).click();
    expect(await field(clinic, '会員番号').inputValue()).toBe('Ｍ－５００');
    expect(problems).toEqual([]);
  });

  test('unsaved changes are asked about before another clinic or another screen replaces them', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '確認テスト一医院', phone: '099-251-0001' });
    await callPreview(app.preview, 'clinics.create', { name: '確認テスト二医院', phone: '099-251-0002' });
    await openClinicsScreen();
    await searchFor('確認テスト');
    const first = await chooseInList('確認テスト一医院');
    await field(first, 'ご担当者名').fill('書きかけ');

    let question = answerNextQuestion(page, 'dismiss');
    await clinicList().getByRole('button', { name: '確認テスト二医院' }).click();
    expect(await question).toContain('保存されていません');
    expect(await field(first, 'ご担当者名').inputValue()).toBe('書きかけ');

    question = answerNextQuestion(page, 'dismiss');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('button', { name: 'ホーム' }).click();
    expect(await question).toContain('保存されていません');
    await page.getByRole('heading', { level: 1, name: '医療機関' }).waitFor();
    expect(await field(first, 'ご担当者名').inputValue()).toBe('書きかけ');

    question = answerNextQuestion(page, 'dismiss');
    await field(first, 'ご担当者名').press('Escape');
    expect(await question).toContain('保存されていません');
    expect(await first.isVisible()).toBe(true);

    question = answerNextQuestion(page, 'accept');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('button', { name: 'ホーム' }).click();
    await question;
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    expect(problems).toEqual([]);
  });

  test('an inquiry registered from the clinic shows in that clinic’s list', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '問い合わせ元クリニック', phone: '099-252-0000' });
    await openClinicsScreen();
    await searchFor('問い合わせ元');
    const clinic = await chooseInList('問い合わせ元クリニック');
    await clinic.getByRole('button', { name: '問い合わせを登録' }).click();
    const dialog = page.getByRole('dialog', { name: '問い合わせを登録' });
    await dialog.getByLabel('内容', { exact: true }).fill('パンフレットを送ってほしい');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expectText(page.getByRole('status'), /問い合わせ元クリニックの問い合わせを登録しました/);
    const receipt = /受付番号 (\S+)）/.exec((await page.getByRole('status').textContent()) ?? '')?.[1] ?? '';
    const inquiries = clinic.getByRole('table', { name: 'この医療機関の問い合わせ' });
    await expect.poll(() => inquiries.getByRole('row').count()).toBe(2);
    await inquiries.getByRole('row').filter({ hasText: receipt }).waitFor();
    expect(problems).toEqual([]);
  });
});
