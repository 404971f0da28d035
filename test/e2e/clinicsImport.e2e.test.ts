import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();

// A list as Excel on Japanese Windows saves it: Shift_JIS, half-width kana, full-width digits,
// and a name column whose header no rule knows, so the clerk has to choose it.
const excelList = iconv.encode(
  [
    '施設の呼び名,ﾌﾘｶﾞﾅ,電話,住所',
    '霧島ひかり眼科,ｷﾘｼﾏﾋｶﾘｶﾞﾝｶ,０９９５－４５－１２３４,鹿児島県霧島市国分中央１－１',
    '隼人みどり医院,ﾊﾔﾄﾐﾄﾞﾘｲｲﾝ,電話なし,鹿児島県霧島市隼人町2-2',
    ',ﾅﾏｴﾅｼ,0995-45-9999,',
    '国分さくら診療所,ｺｸﾌﾞｻｸﾗｼﾝﾘｮｳｼﾞｮ,0995-46-5678,鹿児島県霧島市国分3-3',
  ].join('\r\n') + '\r\n',
  'cp932',
);

describe('設定: 名簿の取り込み', () => {
  test('a Shift_JIS list with an unknown name header: fix the mapping, see the problems, 取り込む, find it by half-width kana', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    await (await choosing).setFiles({ name: '霧島地区名簿.csv', mimeType: 'text/csv', buffer: excelList });

    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    await expectText(check.getByRole('heading'), '取り込む内容の確認（霧島地区名簿.csv）');
    await expectText(check.getByRole('alert'), /「医療機関名」にあたる列を「取り込む項目」で選んでください/);
    expect(await check.getByRole('button', { name: '取り込む', exact: true }).isDisabled()).toBe(true);
    expect(await check.getByLabel('B列「ﾌﾘｶﾞﾅ」の取り込み先').inputValue()).toBe('nameKana');
    expect(await check.getByLabel('C列「電話」の取り込み先').inputValue()).toBe('phone');

    await check.getByLabel('A列「施設の呼び名」の取り込み先').selectOption({ label: '医療機関名（必須）' });
    const problemTable = check.getByRole('table', { name: /問題のある行/ });
    await expectText(problemTable.getByRole('row').nth(1), /^3隼人みどり医院電話番号.+/);
    await expectText(problemTable.getByRole('row').nth(2), '4医療機関名医療機関名を入力してください');
    await expectText(check.getByText('Shift_JIS', { exact: true }), 'Shift_JIS');
    const summary = check.getByRole('definition');
    await expectText(summary.filter({ hasText: /^2件$/ }).first(), '2件');

    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /霧島地区名簿\.csv から2件を取り込みました。問題のある2行は取り込んでいません。/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '取り込めなかった行を保存' }).click()]);
    expect(download.suggestedFilename()).toBe('取り込めなかった行_霧島地区名簿.csv');
    const errors = iconv.decode(fs.readFileSync((await download.path())!), 'cp932').split('\r\n');
    expect(errors[0]).toBe('施設の呼び名,ﾌﾘｶﾞﾅ,電話,住所,行番号,理由');
    expect(errors[1]).toMatch(/^隼人みどり医院,ﾊﾔﾄﾐﾄﾞﾘｲｲﾝ,電話なし,鹿児島県霧島市隼人町2-2,3,電話番号：/);
    // The list itself left tmp/ once imported; the rejected rows stay there, ready to save again.
    expect(fs.readdirSync(path.join(app.preview.dataDir, 'tmp', 'files'))).toHaveLength(1);

    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('ｷﾘｼﾏﾋｶﾘ');
    await expectText(page.getByText('「ｷﾘｼﾏﾋｶﾘ」の検索結果'), '「ｷﾘｼﾏﾋｶﾘ」の検索結果：1件');
    const row = page.getByRole('table', { name: '医療機関の一覧' }).getByRole('row').filter({ hasText: '霧島ひかり眼科' });
    await expectText(row.getByRole('cell').nth(4), '0995-45-1234');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('an exported list imported again without changes adds nothing', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '鹿屋ばら医院', nameKana: 'かのやばらいいん', phone: '0994-40-1111', memo: '=1+1 と書かれた\nメモ' });
    const before = await callPreview<{ total: number }>(app.preview, 'clinics.search', { query: '' });
    expect(before.total).toBeGreaterThan(0);
    const { context, page, problems } = await openCounterPage(app, '設定');

    const exporting = page.getByRole('region', { name: 'CSV・Excelの書き出し' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'CSV・Excelの書き出し' }) }));
    await exporting.getByLabel(/^Shift_JIS/).check();
    const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'CSVを書き出す' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^医療機関一覧_\d{4}-\d{2}-\d{2}_ShiftJIS\.csv$/);

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    await (await choosing).setFiles((await download.path())!);
    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    await expectText(check.getByText('Shift_JIS', { exact: true }), 'Shift_JIS');
    expect(await check.getByRole('radio', { name: /^取り込まない/ }).isChecked()).toBe(true);
    await expectText(check.locator('dd').filter({ hasText: /一致：/ }), new RegExp(`^${before.total}件（一致：`));
    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /から0件を取り込みました。$/);
    const after = await callPreview<{ total: number }>(app.preview, 'clinics.search', { query: '' });
    expect(after.total).toBe(before.total);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a file that is not a list is refused with the reason', async () => {
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    await page.goto(app.preview.url);
    await openScreen(page, '設定');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    await (await choosing).setFiles({ name: '写真.csv', mimeType: 'text/csv', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await expectText(page.getByRole('alert').filter({ hasText: 'PNG' }), /画像ファイル（PNG）です。CSVファイルを選んでください/);
    expect(await page.getByRole('region', { name: '取り込む内容の確認' }).count()).toBe(0);
    await context.close();
  });
});
