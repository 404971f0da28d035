import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { answerNextQuestion } from './support/confirmDialog.ts';

const app = useCounterApp();



describe('医療機関', () => {
  test('a clinic registered at the counter is found by half-width katakana, and again after a reload', async () => {
    // Another clinic that the search must leave out, arranged through the same contract the app uses.
    await callPreview(app.preview, 'clinics.create', { name: '霧島ファミリー歯科', nameKana: 'きりしまふぁみりーしか' });
    const { context, page, problems } = await openCounterPage(app);
    expect(page.url()).not.toContain('token=');

    await openScreen(page, '医療機関');
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    await dialog.getByLabel('医療機関名', { exact: true }).fill('カゴシマ中央クリニック');
    await dialog.getByLabel('ふりがな', { exact: true }).fill('かごしまちゅうおうくりにっく');
    await dialog.getByLabel('種別', { exact: true }).selectOption({ label: '有床診療所' });
    await dialog.getByLabel('電話番号', { exact: true }).fill('099-254-8126');
    await dialog.getByRole('button', { name: '保存' }).click();

    await expectText(page.getByRole('status'), 'カゴシマ中央クリニックを登録しました');
    expect(await dialog.count()).toBe(0);
    // The new clinic opens beside the list as its summary; 閉じる puts it away.
    const opened = page.getByRole('region', { name: 'カゴシマ中央クリニック' });
    await opened.getByRole('button', { name: '閉じる', exact: true }).click();
    await expect.poll(() => opened.count()).toBe(0);

    await page.getByLabel('検索', { exact: true }).fill('ｶｺﾞｼﾏ');
    await expectText(page.getByText('「ｶｺﾞｼﾏ」の検索結果'), '「ｶｺﾞｼﾏ」の検索結果：1件');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    const row = list.getByRole('row').filter({ hasText: 'カゴシマ中央クリニック' });
    await expectText(row.getByRole('cell').nth(2), '有床診療所');
    await expectText(row.getByRole('cell').nth(4), '099-254-8126');
    expect(await list.getByRole('cell', { name: '霧島ファミリー歯科' }).count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '医療機関' }).waitFor();
    await page.getByLabel('検索', { exact: true }).fill('かごしま');
    await expectText(page.getByText('「かごしま」の検索結果'), '「かごしま」の検索結果：1件');
    await list.getByRole('cell', { name: 'カゴシマ中央クリニック', exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a missing clinic name is pointed out next to the field and the form stays open', async () => {
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    const name = dialog.getByLabel('医療機関名', { exact: true });
    // The first field has focus, so the clerk can type straight away.
    expect(await page.evaluate('document.activeElement.id')).toBe(await name.getAttribute('id'));

    await dialog.getByLabel('電話番号', { exact: true }).fill('099-000-0000');
    await dialog.getByRole('button', { name: '保存' }).click();

    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
    await expectText(page.locator(`[id="${describedBy.split(' ')[0]}"]`), '医療機関名を入力してください');
    expect(await dialog.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('医療機関の入力操作', () => {
  test('Enter in the name field saves the clinic', async () => {
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    await dialog.getByLabel('医療機関名', { exact: true }).fill('姶良エンターキー眼科');
    await dialog.getByLabel('医療機関名', { exact: true }).press('Enter');
    await expectText(page.getByRole('status'), '姶良エンターキー眼科を登録しました');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('Enter that confirms an IME conversion does not save the form', async () => {
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    await page.goto(app.preview.url);
    await openScreen(page, '医療機関');
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    const name = dialog.getByLabel('医療機関名', { exact: true });
    await name.fill('出水');
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call/clinics.create')) creates.push(request.postData() ?? '');
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'くりにっく', selectionStart: 5, selectionEnd: 5 });
    await name.press('Enter');
    await page.waitForTimeout(500);
    expect(creates).toEqual([]);
    expect(await dialog.isVisible()).toBe(true);
    await context.close();
  });

  test('closing the form with unsaved input asks first, and staying keeps the input', async () => {
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    await page.goto(app.preview.url);
    await openScreen(page, '医療機関');
    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    const name = dialog.getByLabel('医療機関名', { exact: true });
    await name.fill('書きかけ医院');

    const kept = answerNextQuestion(page, 'dismiss');
    await name.press('Escape');
    expect(await kept).toContain('保存されていません');
    expect(await name.inputValue()).toBe('書きかけ医院');

    const dropped = answerNextQuestion(page, 'accept');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dropped;
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });

  test('nothing is searched while the IME is still converting; the search runs once it is confirmed', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '薩摩川内IMEクリニック', nameKana: 'さつませんだいくりにっく' });
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    await page.goto(app.preview.url);
    await openScreen(page, '医療機関');
    await page.getByText('新しく登録・更新した順').waitFor();
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call/clinics.search')) searches.push(request.postData() ?? '');
    });

    // Chromium's own IME entry points: a composition in progress, then its confirmation.
    const cdp = await context.newCDPSession(page);
    await page.getByLabel('検索', { exact: true }).focus();
    await cdp.send('Input.imeSetComposition', { text: 'さつま', selectionStart: 3, selectionEnd: 3 });
    await page.waitForTimeout(800);
    expect(searches).toEqual([]);

    await cdp.send('Input.insertText', { text: 'さつま' });
    await expectText(page.getByText('「さつま」の検索結果'), '「さつま」の検索結果：1件');
    expect(searches).toHaveLength(1);
    expect(JSON.parse(searches[0]!).query).toBe('さつま');
    await context.close();
  });
});

describe('設定', () => {
  test('CSV export downloads a file that lists the registered clinics', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '指宿なのはな病院', kind: 'hospital', phone: '0993-22-0000' });
    const { context, page, problems } = await openCounterPage(app, '設定');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSVを書き出す' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^医療機関一覧_.*\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toContain('指宿なのはな病院');
    expect(text).toContain('病院');
    await expectText(page.getByRole('status').filter({ hasText: '書き出しました' }), /件を書き出しました/);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('importing an exported CSV again adds no duplicates', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSVを書き出す' }).click(),
    ]);
    const exported = await download.path();

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click(),
    ]);
    await chooser.setFiles(exported);
    await page.getByRole('region', { name: '取り込む内容の確認' }).getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /0件を取り込みました/);
    const skipped = page.getByText('登録済みのため取り込まなかった件数').locator('xpath=following-sibling::dd[1]');
    expect(Number((await skipped.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
