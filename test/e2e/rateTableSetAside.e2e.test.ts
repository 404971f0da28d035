import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { chooseStaffInPreview, contentRequest } from './support/contentImport.ts';
import { uploadToPreview } from './support/previewFiles.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
const screenshotsDir = process.env.SCREENSHOTS_DIR;

/** Installs content the way 設定 does: upload, look at the preview, accept. */
async function installContent(name: string, bytes: string, version = ''): Promise<void> {
  const fileId = await uploadToPreview(app.preview, name, bytes);
  if (version !== '') await chooseStaffInPreview(app.preview);
  const preview = await callPreview<{ problems: unknown[] }>(app.preview, 'content.previewImport', contentRequest(fileId, version));
  expect(preview.problems).toEqual([]);
  await callPreview(app.preview, 'content.acceptImport', contentRequest(fileId, version));
}

describe('an official rate table that today’s rules refuse', () => {
  test('保険料試算 and 設定 name the table set aside, why, and that the sample is used instead', async () => {
    // An official table as an earlier version of the app installed it from a template that
    // carried 見本プラン names: written into the data folder as that version left it.
    const version = '2026年度 正式';
    await installContent('保険料表.csv', '種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,ベーシック,2100\r\n有床診療所,P1,ベーシック,3900\r\n', version);
    const ratesDir = path.join(app.preview.dataDir, 'content', 'rates');
    const [installed] = fs.readdirSync(ratesDir);
    const table = JSON.parse(fs.readFileSync(path.join(ratesDir, installed!), 'utf8')) as { plans: { name: string }[] };
    table.plans[0]!.name = '見本プラン1';
    fs.writeFileSync(path.join(ratesDir, installed!), JSON.stringify(table));
    // The next content load (here: the approved pack installed again) applies today's rules.
    await installContent('SJ24-13707.json', fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8'));
    expect((await callPreview<{ rates: { status: string } }>(app.preview, 'content.get', {})).rates.status).toBe('sample');

    const { context, page, problems } = await openCounterPage(app);

    await openScreen(page, '保険料試算');
    const notice = page.getByRole('alert', { name: '取り込んであった保険料表を使っていません' });
    await expectText(notice, /正式な保険料表「2026年度 正式」は、今の確認ルールに合わない内容があるため使っていません/);
    // The reason names the place as staff read it, never as a path in the file (plans.0.name).
    await expectText(notice, /理由：【1番目のプランの名称】正式な保険料表のプラン名「見本プラン1」に見本の言葉/);
    expect(await notice.textContent()).not.toMatch(/plans\.|monthlyPremiums/);
    await expectText(notice, /今は見本の保険料表「見本 2026-11」を使っています。実際の保険料ではありません。/);
    if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, 'quote-set-aside.png'), fullPage: true });

    await openScreen(page, '設定');
    const section = page.getByRole('region', { name: '商品内容と保険料表' });
    const settingsNotice = section.getByRole('alert', { name: '取り込んであった保険料表を使っていません' });
    await expectText(settingsNotice, /正式な保険料表「2026年度 正式」は、今の確認ルールに合わない内容があるため使っていません/);
    await expectText(section, /見本 2026-11（見本：実際の保険料ではありません）/);
    if (screenshotsDir) await section.screenshot({ path: path.join(screenshotsDir, 'settings-set-aside.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
