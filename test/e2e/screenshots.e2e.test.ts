import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { launchChromium, newCounterContext } from './support/browser.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview, startPreview, type RunningPreview } from './support/startPreview.ts';
import { answerNextQuestion } from './support/confirmDialog.ts';

// Screenshots are for people checking the Japanese layout by eye, not an assertion: they run
// only when asked for, e.g. SCREENSHOTS_DIR=/tmp/screens vitest run --project e2e
const screenshotsDir = process.env.SCREENSHOTS_DIR;

const sampleClinics = [
  {
    name: 'カゴシマ中央クリニック',
    nameKana: 'かごしまちゅうおうくりにっく',
    kind: 'clinic_with_beds',
    bedCount: 12,
    postalCode: '890-0053',
    address: '鹿児島県鹿児島市中央町12-3 中央ビル2階',
    phone: '099-254-8126',
    fax: '099-254-8127',
    contactPerson: '事務長 山田 花子',
    memberNumber: 'K-1001',
    memo: '平日午後に連絡がつきやすい。\nパンフレット送付済み。',
  },
  { name: '霧島ファミリー歯科', nameKana: 'きりしまふぁみりーしか', kind: 'clinic_no_beds', phone: '0995-45-0000' },
  { name: '医療法人社団 髙﨑会 指宿なのはな総合病院 附属リハビリテーションセンター', nameKana: 'いりょうほうじんしゃだん たかさきかい いぶすきなのはなそうごうびょういん ふぞくりはびりてーしょんせんたー', kind: 'hospital', phone: '(0993)22-0000' },
  { name: '介護老人保健施設 さくらじま苑', nameKana: 'かいごろうじんほけんしせつ さくらじまえん', kind: 'geriatric_facility', phone: '099-293-0000' },
  { name: '鹿屋ひまわり内科', nameKana: '', kind: 'clinic_no_beds', phone: '' },
];

describe.skipIf(!screenshotsDir)('screenshots of every screen', () => {
  let preview: RunningPreview;
  let browser: Browser;
  let scratch: string;
  const dir = screenshotsDir ?? '';

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-shots-'));
    preview = await startPreview();
    for (const clinic of sampleClinics) await callPreview(preview, 'clinics.create', clinic);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(dir, `${name}.png`) });

  test('every screen at 1366×768', async () => {
    const context = await newCounterContext(browser);
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await page.getByText('ブラウザ版プレビュー').waitFor();
    await page.evaluate('document.fonts.ready');
    await shoot(page, '01-home');
    const screens = ['商品説明', '保険料試算', '医療機関', '問い合わせ', '印刷', '設定'];
    for (const [index, name] of screens.entries()) {
      await openScreen(page, name);
      if (name === '医療機関') await page.getByRole('table', { name: '医療機関の一覧' }).waitFor();
      if (name === '設定') await page.getByText(preview.dataDir).waitFor();
      await shoot(page, `${String(index + 2).padStart(2, '0')}-${name}`);
    }
    await context.close();
  });

  test('clinic search, form and errors at 1366×768', async () => {
    const context = await newCounterContext(browser);
    const page = await context.newPage();
    await page.goto(preview.url);
    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('ｶｺﾞｼﾏ');
    await expectText(page.getByText('「ｶｺﾞｼﾏ」の検索結果'), /1件/);
    await shoot(page, '10-clinics-search');
    await page.getByLabel('検索', { exact: true }).fill('存在しない名前');
    await page.getByText('に一致する医療機関はありません').waitFor();
    await shoot(page, '11-clinics-empty');

    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    await dialog.waitFor();
    await shoot(page, '12-clinic-form');
    await dialog.getByLabel('電話番号', { exact: true }).fill('電話');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('医療機関名を入力してください').waitFor();
    await shoot(page, '13-clinic-form-errors');
    await dialog.getByLabel('医療機関名', { exact: true }).fill('枕崎さかな通り診療所');
    await dialog.getByLabel('電話番号', { exact: true }).fill('0993-72-0000');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '登録しました' }).waitFor();
    await page.getByLabel('検索', { exact: true }).fill('');
    await page.getByText('新しく登録・更新した順').waitFor();
    await shoot(page, '14-clinics-saved');
    await context.close();
  });

  test('an open clinic, the full form, the duplicate warning and archiving at 1366×768', async () => {
    const context = await newCounterContext(browser);
    const page = await context.newPage();
    await page.goto(preview.url);
    await openScreen(page, '医療機関');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    await list.getByRole('button', { name: 'カゴシマ中央クリニック' }).click();
    const clinic = page.getByRole('region', { name: 'カゴシマ中央クリニック' });
    // An opened clinic is its read-only summary first; 編集 turns it into the form.
    await clinic.getByRole('region', { name: '医療機関の概要' }).waitFor();
    await clinic.getByRole('table', { name: 'この医療機関の問い合わせ' }).or(clinic.getByText('問い合わせはまだありません')).waitFor();
    await shoot(page, '15-clinic-open');
    await clinic.getByRole('button', { name: '編集', exact: true }).click();
    await clinic.getByLabel('会員番号', { exact: true }).waitFor();
    await clinic.getByLabel('種別', { exact: true }).selectOption({ label: '無床診療所' });
    await clinic.getByLabel('電話番号', { exact: true }).fill('099-254');
    await clinic.getByRole('button', { name: '保存' }).click();
    await clinic.getByText('電話番号の桁数').waitFor();
    await shoot(page, '16-clinic-open-errors');
    await page.evaluate('document.querySelector(".clinic-panel").scrollTop = 10000');
    await shoot(page, '17-clinic-open-scrolled');
    const leaveEdit = answerNextQuestion(page, 'accept');
    await clinic.getByRole('button', { name: 'キャンセル' }).click();
    await leaveEdit;

    await page.getByRole('button', { name: '新規登録' }).click();
    const dialog = page.getByRole('dialog', { name: '医療機関の新規登録' });
    await dialog.getByLabel('医療機関名', { exact: true }).fill('かごしま中央クリニック分院');
    await dialog.getByLabel('種別', { exact: true }).selectOption({ label: '有床診療所' });
    await dialog.getByLabel('病床数', { exact: true }).fill('25');
    await dialog.getByLabel('郵便番号', { exact: true }).fill('8900053');
    await dialog.getByText('郵便番号から入力しました').waitFor();
    await shoot(page, '18-clinic-form-filled');
    await dialog.getByLabel('病床数', { exact: true }).fill('19');
    await dialog.getByLabel('電話番号', { exact: true }).fill('0992548126');
    await dialog.getByRole('button', { name: '保存' }).click();
    const warning = page.getByRole('alertdialog', { name: '同じ医療機関が登録されている可能性があります' });
    await warning.waitFor();
    await shoot(page, '19-clinic-duplicates');
    await warning.getByRole('button', { name: '戻る' }).click();
    const leaveNew = answerNextQuestion(page, 'accept');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await leaveNew;

    await list.getByRole('button', { name: '鹿屋ひまわり内科' }).click();
    const kanoya = page.getByRole('region', { name: '鹿屋ひまわり内科' });
    const archive = answerNextQuestion(page, 'accept');
    await kanoya.getByRole('button', { name: 'アーカイブ' }).click();
    await archive;
    await page.getByRole('button', { name: '元に戻す' }).waitFor();
    await shoot(page, '22-clinic-archived-notice');
    await page.getByLabel('アーカイブを表示').check();
    await list.getByText('アーカイブ済み').waitFor();
    await list.getByRole('button', { name: '鹿屋ひまわり内科' }).click();
    await kanoya.getByRole('button', { name: '復元' }).waitFor();
    await shoot(page, '23-clinic-archived-open');
    await kanoya.getByRole('button', { name: '復元' }).click();
    await page.getByRole('status').filter({ hasText: '復元しました' }).waitFor();
    await page.getByLabel('アーカイブを表示').uncheck();
    await context.close();
  });

  test('settings after an export and an import with problems at 1366×768', async () => {
    const context = await newCounterContext(browser);
    const page = await context.newPage();
    await page.goto(preview.url);
    await openScreen(page, '設定');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVを書き出す' }).click()]);
    await page.getByRole('status').filter({ hasText: '書き出しました' }).waitFor();

    const csv = path.join(scratch, '取り込み見本.csv');
    fs.writeFileSync(
      csv,
      '\uFEFF医療機関名,ふりがな,種別,電話番号\r\n' +
        '南さつま海辺クリニック,みなみさつまうみべくりにっく,無床診療所,0993-53-0000\r\n' +
        ',なまえなし,無床診療所,099-000-0000\r\n' +
        '出水つる診療所,いずみつるしんりょうじょ,診療所,0996-62-0000\r\n' +
        '奄美ゆい病院,あまみゆいびょういん,病院,電話はありません\r\n',
    );
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'CSVファイルを選ぶ' }).click(),
    ]);
    await chooser.setFiles(csv);
    const check = page.getByRole('region', { name: '取り込む内容の確認' });
    await check.getByRole('table', { name: /問題のある行/ }).waitFor();
    await check.scrollIntoViewIfNeeded();
    await shoot(page, '19-settings-import-preview');
    await check.getByRole('button', { name: '取り込む', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '取り込みました' }).waitFor();
    await shoot(page, '20-settings-after-jobs');
    await page.screenshot({ path: path.join(dir, '21-settings-after-jobs-full.png'), fullPage: true });
    await context.close();
  });

  test('home and clinics at 1920×1080', async () => {
    const context = await newCounterContext(browser, { width: 1920, height: 1080 });
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.getByText('ブラウザ版プレビュー').waitFor();
    await shoot(page, '30-home-1920');
    await openScreen(page, '医療機関');
    await page.getByRole('table', { name: '医療機関の一覧' }).waitFor();
    await shoot(page, '31-clinics-1920');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: 'カゴシマ中央クリニック' }).click();
    await page.getByRole('region', { name: 'カゴシマ中央クリニック' }).getByRole('region', { name: '医療機関の概要' }).waitFor();
    await shoot(page, '32-clinic-open-1920');
    await page.getByRole('button', { name: '新規登録' }).click();
    await page.getByRole('dialog', { name: '医療機関の新規登録' }).waitFor();
    await shoot(page, '33-clinic-form-1920');
    await context.close();
  });
});
