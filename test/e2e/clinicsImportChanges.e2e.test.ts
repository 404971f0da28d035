import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText } from './support/screens.ts';
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
    const { context, page, problems } = await openCounterPage(app, '設定');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    await (await choosing).setFiles({ name: '姶良地区名簿.csv', mimeType: 'text/csv', buffer: handEditedList });

    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    const changes = check.getByRole('table', { name: /ファイルのとおりには取り込まないセル/ });
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

  test('updating from a list Excel saved keeps a 会員番号 whose leading zeros it dropped, and says so on the row', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '吉野みどり医院', phone: '099-244-0099', memberNumber: '000099' });
    const { context, page, problems } = await openCounterPage(app, '設定');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    const saved = Buffer.from('医療機関名,電話番号,会員番号\r\n吉野みどり医院,099-244-0099,99\r\n', 'utf8');
    await (await choosing).setFiles({ name: 'Excelで保存.csv', mimeType: 'text/csv', buffer: saved });
    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    await check.getByRole('radio', { name: /^今の内容を更新する/ }).check();
    const changes = check.getByRole('table', { name: /ファイルのとおりには取り込まないセル/ });
    await expectText(changes.getByRole('row').nth(1), /^2吉野みどり医院会員番号先頭の0が消えた値（99）のため、登録済みの「000099」のままにします/);
    // 更新 0件: the stored value stays, nothing else differs.
    await expectText(check.getByLabel('取り込みの見込み').getByRole('definition').nth(1), '0件');

    const shots = process.env.SCREENSHOTS_DIR;
    if (shots) await check.screenshot({ path: `${shots}/import-preview-kept.png` });
    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /から0件を取り込みました/);
    const found = await callPreview<{ items: { memberNumber: string }[] }>(app.preview, 'clinics.search', { query: '吉野みどり' });
    expect(found.items.map((c) => c.memberNumber)).toEqual(['000099']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a 送付不要 typed into the list in Excel is listed in the preview with the clinics it unmarks, then taken', async () => {
    const ids = await Promise.all([
      callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '牧園あおば医院', phone: '0995-76-0001' }),
      callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '横川ひばり医院', phone: '0995-72-0002', noMailing: true, noMailingReason: '先方より辞退' }),
    ]);
    const { context, page, problems } = await openCounterPage(app, '設定');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    const list = '医療機関名,電話番号,送付不要,送付不要の理由\r\n牧園あおば医院,0995-76-0001,○,院長より電話で辞退\r\n横川ひばり医院,0995-72-0002,,\r\n';
    await (await choosing).setFiles({ name: '送付不要の名簿.csv', mimeType: 'text/csv', buffer: Buffer.from(list, 'utf8') });
    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    await check.getByRole('radio', { name: /^今の内容を更新する/ }).check();
    // The list has a 送付不要 column: the choice says that a blank cell there removes the mark.
    await check.getByRole('radio', { name: /^今の内容を更新する.*「送付不要」の列は、空欄なら送付不要を外します/ }).waitFor();
    const marks = check.getByRole('table', { name: '送付不要が変わる医療機関' });
    await expectText(marks.getByRole('row').nth(1), '2牧園あおば医院送付不要送付不要にします（理由：院長より電話で辞退）');
    await expectText(marks.getByRole('row').nth(2), /^3横川ひばり医院送付不要送付不要を外します/);

    const shots = process.env.SCREENSHOTS_DIR;
    if (shots) {
      await marks.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/import-preview-no-mailing.png` });
      await check.screenshot({ path: `${shots}/import-preview-no-mailing-whole.png` });
    }
    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /から0件を取り込みました、2件を更新しました。/);
    const stored = await Promise.all(ids.map(({ id }) => callPreview<{ noMailing: boolean; noMailingReason: string }>(app.preview, 'clinics.get', { id })));
    expect(stored.map((c) => [c.noMailing, c.noMailingReason])).toEqual([[true, '院長より電話で辞退'], [false, '']]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
