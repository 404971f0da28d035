import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { useCounterApp } from './support/counterApp.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();

// A list someone edited by hand: an LF header over Excel's CRLF rows, an address wrapped with
// Alt+Enter, and a row with a phone number that is not one.
const handEditedList = Buffer.from(
  '\uFEFF医療機関名,所在地,電話番号\n' +
    '加治木つばき医院,"鹿児島県姶良市加治木町本町1-1\nつばきビル2階",0995-62-1111\r\n' +
    '蒲生くすのき医院,鹿児島県姶良市蒲生町上久徳2-2,電話なし\r\n',
  'utf8',
);

describe('設定: 名簿の取り込み, a list as staff really have it', () => {
  test('the preview lists the joined address on its row and names the clinic of each problem row', async () => {
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(app.preview.url);
    await openScreen(page, '設定');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    await (await choosing).setFiles({ name: '姶良地区名簿.csv', mimeType: 'text/csv', buffer: handEditedList });

    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    const changes = check.getByRole('table', { name: /ファイルと違う内容で取り込むセル/ });
    await expectText(changes.getByRole('row').nth(1), /^2加治木つばき医院所在地セル内の改行を空白にしてつなげました（「鹿児島県姶良市加治木町本町1-1 つばきビル2階」）$/);
    const problemTable = check.getByRole('table', { name: /問題のある行/ });
    await expectText(problemTable.getByRole('row').nth(1), /^3蒲生くすのき医院電話番号/);
    expect(await problemTable.getByRole('row').count()).toBe(2);

    const shots = process.env.SCREENSHOTS_DIR;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await check.screenshot({ path: `${shots}/import-preview-changes.png` });
    }

    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /姶良地区名簿\.csv から1件を取り込みました。問題のある1行は取り込んでいません。/);
    const found = await callPreview<{ items: { address: string }[] }>(app.preview, 'clinics.search', { query: '加治木つばき' });
    expect(found.items.map((c) => c.address)).toEqual(['鹿児島県姶良市加治木町本町1-1 つばきビル2階']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
