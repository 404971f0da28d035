import { describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { uploadToPreview } from './support/previewFiles.ts';
import { expectText } from './support/screens.ts';
import { callPreview, runPreviewJob } from './support/startPreview.ts';

const app = useCounterApp();

describe('screens refreshed by the core', () => {
  test('a clinic added through the host and one brought in by an import appear on the open 医療機関 list without a reload', async () => {
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    // Nothing yet: the empty state is what the window shows.
    await page.getByText('まだ医療機関が登録されていません。').waitFor();

    await callPreview(app.preview, 'clinics.create', { name: '霧島ファミリー歯科', nameKana: 'きりしまふぁみりーしか' });
    await list.getByRole('button', { name: '霧島ファミリー歯科' }).waitFor();
    await expectText(page.locator('.result-count'), '新しく登録・更新した順：全1件');

    const csv = '医療機関名,電話番号\n桜島こども医院,099-221-0001\n';
    const fileId = await uploadToPreview(app.preview, 'clinics.csv', csv, 'clinicsCsv');
    expect(await runPreviewJob(app.preview, 'clinics.importCsv', { fileId })).toMatchObject({ state: 'succeeded' });
    await list.getByRole('button', { name: '桜島こども医院' }).waitFor();
    await expectText(page.locator('.result-count'), '新しく登録・更新した順：全2件');

    // No reload happened: the page is the one the test opened (the token left the URL then).
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('an inquiry registered through the host appears on the open ホーム without a reload', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '指宿みなと病院' });
    const { context, page, problems } = await openCounterPage(app);
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    const newCount = page.getByRole('button', { name: /^新規 .*（一覧を開く）$/ });
    await expectText(newCount.locator('.status-count-value'), '0件');

    const detail = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id,
      receivedOn: '2026-11-24',
      channel: 'phone',
      content: '資料がほしい',
    });

    const latest = page.getByRole('table', { name: '最近の問い合わせ' });
    await latest.getByText(detail.inquiry.receiptNumber).waitFor();
    await expectText(newCount.locator('.status-count-value'), '1件');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
