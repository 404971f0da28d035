import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { newCounterContext } from './support/browser.ts';
import { answerNextQuestion } from './support/nativeDialogs.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { useCounterApp } from './support/counterApp.ts';

const app = useCounterApp();



describe('設定: official rate table', () => {
  test('template from 設定, figures typed in Excel, checked side by side, accepted, then taken back', async () => {
    const context = await newCounterContext(app.browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(app.preview.url);
    await openScreen(page, '設定');
    const section = page.getByRole('region', { name: '商品内容と保険料表' }).or(page.locator('section', { has: page.getByRole('heading', { name: '商品内容と保険料表' }) }));
    await expectText(section, /見本：実際の保険料ではありません/);

    const downloading = page.waitForEvent('download');
    await section.getByRole('button', { name: '保険料表のテンプレートを保存' }).click();
    const template = await downloading;
    expect(template.suggestedFilename()).toBe('保険料表テンプレート.csv');
    const text = iconv.decode(fs.readFileSync((await template.path())!), 'cp932');
    const filled = text
      .split('\r\n')
      .map((line, i) => (i === 0 || line === '' ? line : `${line.replace(/,P(\d),,$/, ',P$1,スタンダード$1,')}${1000 + i * 100}`))
      .join('\r\n');

    await section.getByLabel('保険料表の版（CSVを読み込むとき）').fill('2026年度 正式');
    const choosing = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: '保険料表・内容パックを読み込む' }).click();
    await (await choosing).setFiles({ name: '保険料表.csv', mimeType: 'text/csv', buffer: iconv.encode(filled, 'cp932') });

    const check = page.getByRole('region', { name: '読み込む内容の確認' });
    await expectText(check, /今の保険料表「見本 2026-11」と新しい保険料表「2026年度 正式」/);
    await expectText(check, /無床診療所スタンダード11,111円（見本）1,100円/);
    await check.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expectText(section, /「2026年度 正式」を取り込みました。/);
    await expectText(section, /2026年度 正式（正式）/);
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
