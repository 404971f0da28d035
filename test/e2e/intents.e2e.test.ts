import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectPreview, makePdf, readPdf, savePdf } from './support/printScreen.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
const shotsDir = process.env.SCREENSHOTS_DIR;
const clinicName = '霧島いこいクリニック';
const explanation = '補償を手厚くするため、ご予算を見直されました。';
let receipt = '';

beforeAll(async () => {
  const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: clinicName, nameKana: 'きりしまいこいくりにっく', kind: 'clinic_no_beds', fax: '0995-00-0001' });
  const { inquiry } = await callPreview<{ inquiry: { receiptNumber: string } }>(app.preview, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone' });
  receipt = inquiry.receiptNumber;
});

describe('意向の把握・確認', () => {
  test('initial wishes recorded, final ones confirmed with a difference explained, side by side, and printed as 意向確認書', async () => {
    const { context, page, problems } = await openCounterPage(app, '問い合わせ');
    await page.getByRole('table', { name: '問い合わせの一覧' }).getByRole('button', { name: receipt, exact: true }).click();
    const detail = page.getByRole('dialog', { name: `問い合わせ ${receipt}` });
    const section = detail.getByRole('region', { name: '意向の把握・確認' });
    await expectText(section, /まだ記録されていません/);

    // 当初意向: one field per question, typed and saved by keyboard.
    await section.getByRole('button', { name: '当初意向を記録', exact: true }).click();
    const initialForm = page.getByRole('dialog', { name: '当初意向を記録' });
    await initialForm.getByLabel('補償を希望される内容').fill('電子カルテ停止時の費用と賠償');
    await initialForm.getByLabel('ご予算').fill('月1万円程度');
    await initialForm.getByLabel('払込方法のご希望').fill('年払い');
    await initialForm.getByLabel('払込方法のご希望').press('Enter');
    await expectText(section.getByRole('status'), '当初意向を記録しました。');
    await expectText(section, /最終意向はまだ確認されていません/);

    // 最終意向: starts from the initial answers; a changed one is marked and needs an explanation.
    await section.getByRole('button', { name: '最終意向を確認', exact: true }).click();
    const finalForm = page.getByRole('dialog', { name: '最終意向を確認' });
    expect(await finalForm.getByLabel('ご予算').inputValue()).toBe('月1万円程度');
    await finalForm.getByLabel('ご予算').fill('月1万5千円まで');
    await finalForm.getByText('当初意向と異なります').waitFor();
    await finalForm.getByLabel('ご予算').press('Enter');
    await expectText(finalForm.locator('#intent-explanation-error'), /「ご予算」/);
    if (shotsDir) await finalForm.screenshot({ path: path.join(shotsDir, 'intent-final-form-explanation-required.png') });
    await finalForm.getByLabel(/違いの説明/).fill(explanation);
    await finalForm.getByRole('button', { name: '最終意向を記録', exact: true }).click();
    await expectText(section.getByRole('status'), '最終意向を記録しました。');

    // Side by side: the differing row stands out, the explanation below, who and when on each.
    const table = section.getByRole('table', { name: '当初意向と最終意向' });
    const budget = table.getByRole('row').filter({ hasText: 'ご予算' });
    await expectText(budget, /月1万円程度.*月1万5千円まで/);
    expect(await budget.getAttribute('class')).toContain('intent-row-differs');
    expect(await table.getByRole('row').filter({ hasText: '払込方法のご希望' }).getAttribute('class')).toBeNull();
    await expectText(section, new RegExp(explanation));
    await expectText(table.getByRole('columnheader', { name: /最終意向/ }), /確認日/);
    if (shotsDir) await section.screenshot({ path: path.join(shotsDir, 'intent-section.png') });

    // 意向確認書を印刷: the print centre opens with it chosen for this inquiry.
    await section.getByRole('button', { name: '意向確認書を印刷', exact: true }).click();
    await page.getByRole('heading', { name: '印刷', level: 1 }).waitFor();
    expect(await page.getByRole('group', { name: '送る書類' }).getByRole('checkbox', { name: '意向確認書', exact: true }).isChecked()).toBe(true);
    const name = await makePdf(page);
    expect(name).toMatch(new RegExp(`^意向確認書_${clinicName}_\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await expectPreview(page);
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, 'intent-print-centre.png'), fullPage: true });
    const saved = await savePdf(page);
    if (shotsDir) fs.writeFileSync(path.join(shotsDir, saved.name), saved.bytes);
    const sheet = readPdf(saved.bytes);
    expect(sheet.pages).toBe(1);
    for (const expected of ['意向確認書', clinicName, receipt, 'ご予算', '月1万円程度', '月1万5千円まで', 'ご署名']) expect(sheet.text).toContain(expected);

    // Recorded in the trail like every document given.
    await openScreen(page, '問い合わせ');
    await page.getByRole('table', { name: '問い合わせの一覧' }).getByRole('button', { name: receipt, exact: true }).click();
    const trail = page.getByRole('dialog', { name: `問い合わせ ${receipt}` }).getByRole('region', { name: '送付・印刷の記録' });
    await expectText(trail.locator('.output-history-what'), '意向確認書');
    expect(problems).toEqual([]);
    await context.close();
  });
});
