import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { importantMattersMessages as m } from '../../shared/messages/importantMattersMessages.ts';
import { importantMattersPdf, packNamingImportantMatters } from '../helpers/importantMattersPack.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText, openScreen } from './support/screens.ts';
import { chooseDocuments, chooseOneClinic, makePdf, readPdf, savePdf } from './support/printScreen.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
const screenshotsDir = process.env.SCREENSHOTS_DIR;
const shot = (name: string) => (screenshotsDir ? { path: path.join(screenshotsDir, name) } : undefined);

describe('重要事項説明書（契約概要・注意喚起情報）', () => {
  test('without one in the pack, the print centre shows the document disabled with the reason beside it', async () => {
    const { context, page, problems } = await openCounterPage(app, '印刷');
    const documents = page.getByRole('group', { name: '送る書類' });
    const kind = documents.getByRole('checkbox', { name: /重要事項説明書/ });
    expect(await kind.isDisabled()).toBe(true);
    await expectText(documents, /重要事項説明書のPDFが内容パックにありません。設定で保険会社のPDFを含む内容パックを入れてください。/);
    const options = shot('print-important-matters-disabled.png');
    if (options) {
      fs.mkdirSync(screenshotsDir!, { recursive: true });
      await documents.screenshot(options);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('installed in 設定 with its PDF, then a handover recorded on an inquiry is listed with its version, way and person', async () => {
    const staff = await callPreview<{ id: string }>(app.preview, 'staff.create', { name: '窓口 花子' });
    await callPreview(app.preview, 'settings.update', { currentStaffId: staff.id });
    const { context, page, problems } = await openCounterPage(app, '設定');
    const section = page.locator('section', { has: page.getByRole('heading', { name: '商品内容と保険料表' }) });
    const pdf = await importantMattersPdf();
    const choosingPack = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: '内容パックを読み込む' }).click();
    await (await choosingPack).setFiles({ name: 'SJ24-13707-matters.json', mimeType: 'application/json', buffer: Buffer.from(packNamingImportantMatters(pdf)) });

    const check = page.getByRole('region', { name: '読み込む内容の確認' });
    const pdfs = check.getByRole('group', { name: '内容パックと一緒に入れるPDF' });
    await expectText(pdfs, /SJ26-01234\.pdf）が選ばれていません/);
    expect(await check.getByRole('button', { name: 'この内容で取り込む' }).count()).toBe(0);
    const choosingPdf = page.waitForEvent('filechooser');
    await pdfs.getByRole('button', { name: 'PDFを選ぶ' }).click();
    await (await choosingPdf).setFiles({ name: 'SJ26-01234.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expectText(pdfs, /照合できました（SJ26-01234\.pdf）/);
    if (screenshotsDir) await check.screenshot({ path: path.join(screenshotsDir, 'settings-pack-with-pdf.png') });
    await check.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expectText(section, /を取り込みました。/);
    expect((await callPreview<{ importantMatters: unknown }>(app.preview, 'content.get', {})).importantMatters).toEqual({ code: 'SJ26-01234', date: '2026-04-01' });
    // The content in force names it beside the flyer and the rate table.
    await expectText(section, /重要事項説明書SJ26-01234（2026/);

    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '霧島中央クリニック', fax: '0995-12-3457' });
    const { inquiry } = await callPreview<{ inquiry: { id: string; receiptNumber: string } }>(app.preview, 'inquiries.create', { clinicId: clinic.id, receivedOn: tokyoToday(), channel: 'phone' });
    const inquiryIdOf = inquiry.id;
    await openScreen(page, '問い合わせ');
    await page.getByRole('button', { name: new RegExp(inquiry.receiptNumber) }).first().click();
    const detail = page.getByRole('dialog', { name: new RegExp(inquiry.receiptNumber) });
    const handovers = detail.locator('section', { has: page.getByRole('heading', { name: m.title }) });
    await expectText(handovers, /まだ交付の記録がありません。/);
    await handovers.getByRole('button', { name: m.record }).click();
    const form = handovers.getByRole('form', { name: m.record });
    expect(await form.getByLabel(m.handedOn).inputValue()).toBe(tokyoToday());
    expect(await form.getByLabel(m.docCode).inputValue()).toBe('SJ26-01234');
    await form.getByRole('radio', { name: 'FAX' }).check();
    if (screenshotsDir) await handovers.screenshot({ path: path.join(screenshotsDir, 'inquiry-handover-form.png') });
    // Enter records, as in every form of the app.
    await form.getByLabel(m.docCode).press('Enter');
    const row = handovers.getByRole('row', { name: /SJ26-01234/ });
    await expectText(row, /FAX/);
    await expectText(row, /窓口 花子/);
    if (screenshotsDir) await handovers.screenshot({ path: path.join(screenshotsDir, 'inquiry-handover-listed.png') });

    // Recorded by mistake: withdrawn by a new record with its reason; the first stays listed.
    await row.getByRole('button', { name: m.withdraw }).click();
    await row.getByLabel(m.reason).fill('FAXが届いていなかった');
    await row.getByLabel(m.reason).press('Enter');
    await expectText(row, /取り消し済み（理由：FAXが届いていなかった）/);
    expect((await callPreview<{ handedOver: boolean }>(app.preview, 'importantMatters.list', { inquiryId: inquiryIdOf })).handedOver).toBe(false);
    if (screenshotsDir) await handovers.screenshot({ path: path.join(screenshotsDir, 'inquiry-handover-withdrawn.png') });
    await detail.getByRole('button', { name: '閉じる' }).click();

    // Printed in the print centre for the inquiry, with a cover sheet: the handover is offered right after.
    await openScreen(page, '印刷');
    await chooseDocuments(page, ['FAX送付状']);
    await page.getByRole('group', { name: '送る書類' }).getByRole('checkbox', { name: /重要事項説明書/ }).check();
    await chooseOneClinic(page, '霧島中央', '霧島中央クリニック');
    const inquiryChoice = page.getByLabel('問い合わせ（任意）');
    await expect.poll(() => inquiryChoice.isEnabled()).toBe(true);
    await inquiryChoice.selectOption({ index: 1 });
    await makePdf(page);
    const saved = await savePdf(page);
    expect(readPdf(saved.bytes).pageTexts.slice(1)).toEqual(['IMPORTANTMATTERSOVERVIEW', 'IMPORTANTMATTERSCAUTIONS']);
    const offer = page.getByRole('group', { name: /重要事項説明書の交付を記録しますか/ });
    await offer.getByRole('radio', { name: '郵送' }).check();
    if (screenshotsDir) await offer.screenshot({ path: path.join(screenshotsDir, 'print-handover-offer.png') });
    await offer.getByRole('button', { name: m.record }).click();
    await expectText(page.getByRole('status').filter({ hasText: '交付を記録しました' }), new RegExp(`${inquiry.receiptNumber} に郵送での交付を記録しました`));
    const listed = await callPreview<{ items: { method: string }[] }>(app.preview, 'importantMatters.list', { inquiryId: inquiryIdOf });
    expect(listed.items.map((h) => h.method)).toEqual(['fax', 'post']);
    expect((await callPreview<{ handedOver: boolean }>(app.preview, 'importantMatters.list', { inquiryId: inquiryIdOf })).handedOver).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
