import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { answerNextQuestion } from './support/confirmDialog.ts';
import { chooseStaffInPreview } from './support/contentImport.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { answerStartChooser, openCounterPage, useCounterApp } from './support/counterApp.ts';

const app = useCounterApp();



describe('設定: official rate table', () => {
  test('template from 設定, figures typed in Excel, checked side by side, accepted, then taken back', async () => {
    await callPreview(app.preview, 'staff.create', { name: '窓口 花子' });
    const { context, page, problems } = await openCounterPage(app, '設定');
    const section = page.getByRole('region', { name: '商品内容と保険料表' }).or(page.locator('section', { has: page.getByRole('heading', { name: '商品内容と保険料表' }) }));
    await expectText(section, /見本：実際の保険料ではありません/);

    const downloading = page.waitForEvent('download');
    await section.getByRole('button', { name: '保険料表のテンプレートを保存' }).click();
    const template = await downloading;
    expect(template.suggestedFilename()).toBe('保険料表テンプレート.csv');
    const text = iconv.decode(fs.readFileSync((await template.path())!), 'cp932');
    const filled = text
      .split('\r\n')
      // Name and monthly figure typed; the columns this insurer's table does not state stay empty.
      .map((line, i) => (i === 0 || line === '' ? line : line.replace(/,P(\d),,(,*)$/, (_, n: string, rest: string) => `,P${n},スタンダード${n},${1000 + i * 100}${rest}`)))
      .join('\r\n');

    // Whoever confirms the table is recorded: the staff member chosen for this machine.
    await page.getByRole('combobox', { name: 'この端末で対応する担当者' }).selectOption({ label: '窓口 花子' });
    await expectText(page.getByRole('status').filter({ hasText: '担当者を' }), /「窓口 花子」にしました/);
    const form = section.getByRole('form', { name: '正式な保険料表' });
    await form.getByLabel('版').fill('2026年度 正式');
    await form.getByLabel('保険会社の文書').fill('医サ第26-118号');
    await form.getByLabel('文書の日付').fill('2026-07-28');
    const choosing = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: '正式な保険料表を読み込む' }).click();
    await (await choosing).setFiles({ name: '保険料表.csv', mimeType: 'text/csv', buffer: iconv.encode(filled, 'cp932') });

    const check = page.getByRole('region', { name: '読み込む内容の確認' });
    await expectText(check, /今の保険料表「見本 2026-11」と新しい保険料表「2026年度 正式」/);
    await expectText(check, /根拠：医サ第26-118号（2026年7月28日）/);
    await expectText(check, /無床診療所スタンダード11,111円（見本）1,100円/);
    // A table that states no 有効期限 is said to state none: no date of the app's making stands in.
    await expectText(check, /試算の有効期限：この保険料表にはありません/);
    if (screenshotsDir) await page.getByRole('region', { name: '商品内容と保険料表' }).screenshot({ path: path.join(screenshotsDir, 'rates-preview.png') });
    await check.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expectText(section, /「2026年度 正式」を取り込みました。/);
    // The version says 正式 once (not 「2026年度 正式（正式）」).
    await expectText(section.getByText('保険料表', { exact: true }).locator('xpath=following-sibling::dd[1]'), '2026年度 正式');
    const history = section.getByRole('table', { name: '取り込みの記録' });
    const row = history.getByRole('row', { name: /保険料表「2026年度 正式」/ });
    await expectText(row, /根拠：医サ第26-118号（2026年7月28日）/);
    await expectText(row, /窓口 花子/);
    // With 和暦 chosen, the history writes its dates that way too.
    await callPreview(app.preview, 'settings.update', { dateStyle: 'japanese' });
    await expectText(row, /^令和\d+年\d+月\d+日 \d{2}:\d{2}/);
    await expectText(row, /根拠：医サ第26-118号（令和8年7月28日）/);
    await callPreview(app.preview, 'settings.update', { dateStyle: 'western' });
    // The next table rests on a document of its own: the form starts empty again.
    expect(await form.getByLabel('保険会社の文書').inputValue()).toBe('');
    if (screenshotsDir) await page.getByRole('region', { name: '商品内容と保険料表' }).screenshot({ path: path.join(screenshotsDir, 'rates-history.png') });
    const rates = await callPreview<{ rates: { status: string } }>(app.preview, 'content.get', {});
    expect(rates.rates.status).toBe('confirmed');

    const asked = answerNextQuestion(page, 'accept');
    await section.getByRole('button', { name: '取り消す' }).click();
    expect(await asked).toContain('前の内容に戻しますか');
    await expectText(section, /見本：実際の保険料ではありません/);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('設定: the official rate table form', () => {
  test('with the 版 empty, says so on the field and opens no file picker', async () => {
    await chooseStaffInPreview(app.preview, '窓口 次郎');
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/files|content\.previewImport/.test(request.url())) sent.push(request.url());
    });
    let pickers = 0;
    page.on('filechooser', () => void pickers++);
    await page.goto(app.preview.url);
    await answerStartChooser(app.preview, page);
    await openScreen(page, '設定');
    const form = page.getByRole('region', { name: '商品内容と保険料表' }).getByRole('form', { name: '正式な保険料表' });
    await form.getByLabel('保険会社の文書').fill('医サ第26-118号');
    await form.getByLabel('文書の日付').fill('2026-07-28');
    await form.getByRole('button', { name: '正式な保険料表を読み込む' }).click();

    const version = form.getByLabel('版');
    await expectText(form, /保険料表の版（例：2026年度 正式）を入力してください/);
    expect(await version.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await version.getAttribute('aria-describedby')) ?? '';
    const described = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
    expect(described).toContain('保険料表の版（例：2026年度 正式）を入力してください');
    expect(await version.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(pickers).toBe(0);
    expect(sent).toEqual([]);
    if (screenshotsDir) {
      fs.mkdirSync(screenshotsDir, { recursive: true });
      await form.screenshot({ path: path.join(screenshotsDir, 'rates-form-empty-version.png') });
    }

    // By keyboard alone: the 版 typed into the focused field, then Enter opens the picker.
    const choosing = page.waitForEvent('filechooser');
    await page.keyboard.type('2026年度 正式');
    expect(await version.getAttribute('aria-invalid')).toBe('false');
    await page.keyboard.press('Enter');
    await choosing;
    expect(pickers).toBe(1);
    expect(sent).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// For people checking the layout by eye: SCREENSHOTS_DIR=/tmp/shots vitest run --project e2e
const screenshotsDir = process.env.SCREENSHOTS_DIR;
const bundledPack = () => JSON.parse(fs.readFileSync('resources/content/SJ24-13707.json', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('設定: a new content pack', () => {
  test('lists every changed field with its old and new text, scrolls by keyboard without spilling sideways, and refuses a future date', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');
    const section = page.locator('section', { has: page.getByRole('heading', { name: '商品内容と保険料表' }) });

    const pack = bundledPack();
    const oldWebsite = pack.insurerWebsite as string;
    pack.insurerWebsite = 'https://example.com/cyber-insurance/medical/very/long/path/that/must/wrap/inside/its/cell';
    pack.productName = '医療機関向けサイバー保険';
    pack.contacts.agency.fax = '099-000-0000';
    pack.introduction[0] = `${pack.introduction[0] as string}${'長い文章が折り返されることを確かめるための追記です。'.repeat(8)}`;
    const choosing = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: '内容パックを読み込む' }).click();
    await (await choosing).setFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });

    const list = page.getByRole('region', { name: /変わる項目（4件）/ });
    await expectText(list, /保険会社のウェブサイトのアドレス/);
    const website = list.getByRole('row', { name: /保険会社のウェブサイトのアドレス/ });
    await expectText(website.getByRole('cell').first(), oldWebsite);
    await expectText(website.getByRole('cell').last(), pack.insurerWebsite as string);
    await expectText(list.getByRole('row', { name: /商品名/ }), /医療機関用サイバー保険.*医療機関向けサイバー保険/);
    await expectText(list.getByRole('row', { name: /代理店の連絡先 › FAX番号/ }), /099-000-0000/);
    await expectText(list.getByRole('row', { name: /導入文 › 1番目/ }), /追記です/);

    await list.focus();
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    if (screenshotsDir) {
      fs.mkdirSync(screenshotsDir, { recursive: true });
      await page.getByRole('region', { name: '読み込む内容の確認' }).screenshot({ path: `${screenshotsDir}/pack-changes.png` });
    }
    await page.getByRole('button', { name: 'やめる' }).click();

    pack.document.createdOn = '2999-01-01';
    const choosingAgain = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: '内容パックを読み込む' }).click();
    await (await choosingAgain).setFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    const check = page.getByRole('region', { name: '読み込む内容の確認' });
    await expectText(check, /作成日 2999-01-01 が今日（\d{4}-\d{2}-\d{2}）より後になっています/);
    expect(await check.getByRole('button', { name: 'この内容で取り込む' }).count()).toBe(0);
    if (screenshotsDir) await check.screenshot({ path: `${screenshotsDir}/pack-future-date.png` });
    const content = await callPreview<{ pack: { productName: string } }>(app.preview, 'content.get', {});
    expect(content.pack.productName).toBe('医療機関用サイバー保険');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('設定: 取り消す on a crafted record', () => {
  test('says why nothing was taken back and leaves the database where it was', async () => {
    const dbPath = path.join(app.preview.dataDir, 'cyber-counter.sqlite3');
    const db = new Database(dbPath, { timeout: 10_000 });
    try {
      // As a crafted backup would bring it: a row naming the live database.
      db.prepare(
        "INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, machine) VALUES ('019ae000-0000-7000-8000-00000000c0de', 'pack', '細工した記録', '../cyber-counter.sqlite3', NULL, '2026-12-01T00:00:00.000Z', 'other')",
      ).run();
    } finally {
      db.close();
    }
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    await page.goto(app.preview.url);
    await answerStartChooser(app.preview, page);
    await openScreen(page, '設定');
    const section = page.getByRole('region', { name: '商品内容と保険料表' });
    const asked = answerNextQuestion(page, 'accept');
    await section.getByRole('row', { name: /細工した記録/ }).getByRole('button', { name: '取り消す' }).click();
    await asked;
    await expectText(section.getByRole('alert'), /取り消しませんでした。ファイルは一つも移動していません。/);
    if (screenshotsDir) await section.screenshot({ path: `${screenshotsDir}/revert-refused.png` });
    expect(fs.existsSync(dbPath)).toBe(true);
    expect(fs.existsSync(path.join(app.preview.dataDir, 'content', 'reverted', 'cyber-counter.sqlite3'))).toBe(false);
    await context.close();
  });
});
