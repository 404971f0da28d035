import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { retentionEndsOn } from '../../shared/domain/retention.ts';
import { retentionMessages } from '../../shared/messages/retentionMessages.ts';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { chooseDocuments, chooseOneClinic } from './support/printScreen.ts';
import { readyForContractInPreview } from './support/readyForContract.ts';

const app = useCounterApp();
const shots = process.env.SCREENSHOTS_DIR;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

/** The texts a control is described by (aria-describedby), in order. */
async function descriptions(page: Page, control: Locator): Promise<string[]> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  return Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
}

describe('個人情報: consent, free-text notes and the retention period', () => {
  test('同意なし chosen with the keyboard shows the agency’s guidance in the form and the detail; 内容 says not to enter patient data', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '霧島みどり内科', nameKana: 'きりしまみどりないか' });
    const { context, page, problems } = await openCounterPage(app);
    await openScreen(page, '問い合わせ');
    await page.getByRole('button', { name: '問い合わせを登録', exact: true }).click();
    const picker = page.getByRole('dialog', { name: '問い合わせを登録：医療機関を選ぶ' });
    await picker.getByLabel('医療機関を探す', { exact: true }).fill('きりしまみどり');
    await picker.getByRole('button', { name: /霧島みどり内科/ }).click();
    const form = page.getByRole('dialog', { name: '問い合わせを登録', exact: true });

    const content = form.getByLabel('内容', { exact: true });
    expect(await descriptions(page, content)).toContain(retentionMessages.noPatientData);
    await content.fill('資料を希望');

    const consent = form.getByRole('group', { name: retentionMessages.consentLegend });
    expect(await consent.getByRole('radio', { name: '未確認', exact: true }).isChecked()).toBe(true);
    expect(await consent.getByText(retentionMessages.consentNoGuidance).count()).toBe(0);
    await consent.getByRole('radio', { name: '未確認', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await consent.getByRole('radio', { name: '同意なし', exact: true }).isChecked()).toBe(true);
    await consent.getByText(retentionMessages.consentNoGuidance).waitFor();
    await shoot(page, 'e2e-inquiry-form-consent-no');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => form.count()).toBe(0);

    // Saving opens the inquiry's detail.
    const detail = page.getByRole('dialog', { name: /問い合わせ A-/ });
    const section = detail.getByRole('region', { name: retentionMessages.consentLegend });
    await expectText(section, /同意なし/);
    await section.getByText(retentionMessages.consentNoGuidance).waitFor();
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'e2e-inquiry-detail-consent-no');
    const saved = await callPreview<{ items: { id: string; insurerConsent: string; clinicId: string }[] }>(app.preview, 'inquiries.list', { limit: 10 });
    expect(saved.items.find((i) => i.clinicId === clinic.id)?.insurerConsent).toBe('no');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the retention period is saved in 設定, and 完全削除 names the contracted record it keeps and until when', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '閉院した成約先クリニック' });
    const { inquiry } = await callPreview<{ inquiry: { id: string } }>(app.preview, 'inquiries.create', { clinicId: clinic.id, receivedOn: tokyoToday(), channel: 'phone' });
    const ready = await readyForContractInPreview(app.preview, inquiry.id);
    await callPreview(app.preview, 'inquiries.changeStatus', { id: inquiry.id, to: 'contracted', reason: '', expectedRevision: ready.revision });
    await callPreview(app.preview, 'clinics.archive', { id: clinic.id });

    const { context, page, problems } = await openCounterPage(app, '設定');
    const retention = page.getByRole('region', { name: retentionMessages.settingTitle });
    const years = retention.getByLabel(retentionMessages.settingLabel, { exact: true });
    expect(await descriptions(page, years)).toContain(retentionMessages.yearsHint);
    await expect.poll(() => years.inputValue()).toBe('5');
    await years.fill('31');
    await retention.getByRole('button', { name: '保存', exact: true }).click();
    await retention.getByText('保存期間は1年から30年の間で入力してください').waitFor();
    await years.fill('７');
    await retention.getByRole('button', { name: '保存', exact: true }).click();
    await retention.getByText(retentionMessages.saved(7)).waitFor();
    expect(await callPreview<{ years: number }>(app.preview, 'retention.get', {})).toMatchObject({ years: 7 });
    await retention.getByText(retentionMessages.expiredNone).waitFor();

    const purge = page.getByRole('region', { name: 'アーカイブした記録の完全削除' });
    await purge.getByText(retentionMessages.retained(1, 7, retentionEndsOn(tokyoToday(), 7))).waitFor();
    if (shots) {
      await retention.screenshot({ path: path.join(shots, 'e2e-settings-retention.png') });
      await purge.screenshot({ path: path.join(shots, 'e2e-settings-purge-retained.png') });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('メモ of a clinic and 通信欄 of the FAX cover say, next to the field, not to enter patient data', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '国分あおば医院', nameKana: 'こくぶあおばいいん', fax: '0995-12-0001' });
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await page.getByRole('button', { name: '新規登録', exact: true }).click();
    const clinicForm = page.getByRole('dialog', { name: '医療機関の新規登録' });
    const memo = clinicForm.getByLabel('メモ', { exact: true });
    expect(await descriptions(page, memo)).toContain(retentionMessages.noPatientData);
    if (shots) await clinicForm.locator('.clinic-field-memo').screenshot({ path: path.join(shots, 'e2e-clinic-memo-note.png') });
    await clinicForm.getByRole('button', { name: 'キャンセル', exact: true }).click();

    await openScreen(page, '印刷');
    await chooseDocuments(page, ['FAX送付状']);
    await chooseOneClinic(page, 'こくぶあおば', '国分あおば医院');
    const cover = page.getByRole('group', { name: '送付状' });
    const message = cover.getByLabel('通信欄', { exact: true });
    expect(await descriptions(page, message)).toContain(retentionMessages.noPatientData);
    if (shots) await cover.screenshot({ path: path.join(shots, 'e2e-cover-message-note.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
