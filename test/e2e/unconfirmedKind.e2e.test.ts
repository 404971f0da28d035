import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { RateTable } from '../../shared/content/rateTableSchema.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText, openScreen } from './support/screens.ts';
import { editOpenClinic } from './support/clinicPanel.ts';
import { callPreview } from './support/startPreview.ts';

const rates = JSON.parse(fs.readFileSync(new URL('../../resources/content/rates/SJ24-13707-sample.json', import.meta.url), 'utf8')) as RateTable;
const yen = (value: number) => `${new Intl.NumberFormat('ja-JP').format(value)}円`;

// Pictures for people checking the layout by eye, only when asked for (see screenshots.e2e.test.ts).
const screenshotsDir = process.env.SCREENSHOTS_DIR;
const shoot = async (where: Page | Locator, name: string) => {
  if (screenshotsDir) await where.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
};

const app = useCounterApp();

describe('種別 未確認', () => {
  test('the list shows only the 未確認 clinics when asked, and the quote screen asks for the kind before any figure', async () => {
    for (const [name, kind] of [['霧島みなみ医院', 'unconfirmed'], ['指宿中央病院', 'unconfirmed'], ['鹿屋ひまわり内科', 'clinic_no_beds']] as const) {
      await callPreview(app.preview, 'clinics.create', { name, kind });
    }
    const { context, page, problems } = await openCounterPage(app);

    await openScreen(page, '医療機関');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    await list.getByRole('button', { name: '鹿屋ひまわり内科' }).waitFor();
    await page.getByRole('combobox', { name: '種別' }).selectOption({ label: '未確認' });
    await expectText(page.locator('.result-count'), /2件（種別：未確認）/);
    expect((await list.getByRole('button').allTextContents()).sort()).toEqual(['指宿中央病院', '霧島みなみ医院'].sort());
    await shoot(page, 'clinics-filter-unconfirmed');

    // The summary says the kind is not known yet; the form offers 未確認 but asks staff to choose the real kind.
    await list.getByRole('button', { name: '霧島みなみ医院' }).click();
    const opened = page.getByRole('region', { name: '霧島みなみ医院', exact: true });
    await expectText(opened.getByRole('region', { name: '医療機関の概要' }), /種別が未確認です/);
    await editOpenClinic(opened);
    const kindField = page.getByRole('combobox', { name: '種別', exact: true }).last();
    await expectText(page.locator('.clinic-field-kind .field-hint'), /種別が未確認です/);
    expect(await kindField.inputValue()).toBe('unconfirmed');
    await shoot(page, 'clinic-form-unconfirmed');

    await openScreen(page, '保険料試算');
    await page.getByRole('combobox', { name: '医療機関' }).fill('みなみ');
    await page.getByRole('option', { name: /霧島みなみ医院/ }).click();
    await expectText(page.getByRole('alert').filter({ hasText: '未確認' }), /「霧島みなみ医院」の種別は未確認です/);
    const kinds = page.getByRole('group', { name: '種別' }).getByRole('radio');
    expect(await kinds.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await kinds.nth(i).isChecked()).toBe(false);
    const result = page.getByRole('region', { name: '種別を選んでください' });
    await result.waitFor();
    expect(await result.getByText(/\d円/).count()).toBe(0);
    expect(await page.getByRole('button', { name: '問い合わせに保存' }).count()).toBe(0);
    await shoot(page, 'quote-unconfirmed');

    // Once the clerk chooses, the figure of that kind appears.
    await page.getByRole('radio', { name: '有床診療所' }).check();
    const [plan] = rates.plans;
    if (!plan) throw new Error('the sample table has no plan');
    await page.getByRole('region', { name: rates.title }).getByText(yen(rates.monthlyPremiums.clinic_with_beds[plan.id] ?? 0), { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a roster without a 種別 column: the preview says every clinic will be 未確認, asks about the one named 病院, and stores it as 病院 only when staff tick it', async () => {
    const { context, page, problems } = await openCounterPage(app, '設定');
    const roster = ['医療機関名,病床数,所在地', '鹿児島さくら病院,150,鹿児島市山下町5-1', '谷山こども医院,0,鹿児島市谷山中央1-1', '出水ひまわり診療所,,出水市本町2-2'].join('\r\n');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click();
    await (await choosing).setFiles({ name: '全国医療機関.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${roster}\r\n`) });

    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    const summary = check.getByLabel('取り込みの見込み');
    await expectText(summary.getByRole('definition').last(), /^3件（推測はしません/);
    const questions = check.getByRole('table', { name: /種別を確かめてほしい行/ });
    await expectText(questions.getByRole('row').nth(1), /^2鹿児島さくら病院種別.*病院かもしれません/);
    expect(await questions.getByRole('row').count()).toBe(2);
    await shoot(check, 'import-preview-no-kind');

    // Staff confirm the suggestion: the hospital by name is then stored as 病院, the rest stay 未確認.
    await check.getByRole('checkbox', { name: /名称に「病院」とある1件を「病院」として登録する/ }).check();
    await expectText(summary.getByRole('definition').last(), /^2件（推測はしません/);
    await expect.poll(() => questions.count()).toBe(0);
    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '取り込みました' }), /3件を取り込みました/);
    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('鹿児島さくら');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    await expectText(list.getByRole('row').filter({ hasText: '鹿児島さくら病院' }).getByRole('cell').nth(2), '病院');
    await page.getByLabel('検索', { exact: true }).fill('');
    await page.getByRole('combobox', { name: '種別' }).selectOption({ label: '未確認' });
    // The unfiltered list stays on screen until the filtered one arrives: wait for the latter.
    await expect.poll(() => list.getByRole('button', { name: '鹿児島さくら病院' }).count()).toBe(0);
    await list.getByRole('button', { name: '出水ひまわり診療所' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
