import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { expectText, openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { readyForContractInPreview } from './support/readyForContract.ts';

const app = useCounterApp();
const shotsDir = process.env.SHOTS_DIR;
const shoot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, name), fullPage: true });
};

describe('申込・成約までの手順', () => {
  test('a hospital’s inquiry skipping to 申込 is refused with every missing step named; ticking the 告知書 takes it off the list; with every step done 申込 goes through', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '霧島中央病院', kind: 'hospital', bedCount: 120 });
    const { inquiry } = await callPreview<{ inquiry: { id: string; receiptNumber: string } }>(app.preview, 'inquiries.create', {
      clinicId: clinic.id,
      receivedOn: tokyoToday(),
      channel: 'phone',
    });
    const inquiryId = inquiry.id;
    const { context, page, problems } = await openCounterPage(app);
    await openScreen(page, '問い合わせ');
    await page.getByRole('button', { name: new RegExp(inquiry.receiptNumber) }).first().click();
    const detail = page.getByRole('dialog', { name: new RegExp(inquiry.receiptNumber) });
    const steps = detail.getByRole('list', { name: '手順' });
    await expectText(detail.getByText('保険会社の告知書が必要です', { exact: false }), /病院・介護老人保健施設/);
    expect(await steps.getByRole('listitem').allInnerTexts()).toHaveLength(5);

    // 新規 straight to 申込: one refusal, every step on its own line.
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '申込' });
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();
    const refusal = detail.getByRole('alert');
    await expectText(refusal, /「申込」にするには/);
    for (const words of ['告知書の記入を先方に依頼した', '記入済みの告知書を受け取った', '最終意向を確認した', '重要事項説明書を交付した', '担当者が募集人']) {
      await expectText(refusal, new RegExp(words));
    }
    await shoot(page, 'gate-refused.png');

    // The 告知書 was requested today: ticked, with the day; the next refusal no longer names it.
    await detail.getByRole('button', { name: '済みにする：告知書の記入を先方に依頼した' }).click();
    await detail.getByText('「告知書の記入を先方に依頼した」を記録しました。').waitFor();
    await expectText(steps.getByRole('listitem').first(), /（済み）/);
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();
    await expect.poll(() => detail.getByRole('alert').innerText()).not.toContain('告知書の記入を先方に依頼した');
    await expectText(detail.getByRole('alert'), /記入済みの告知書を受け取った/);

    // Taken back: a mistake is undone, and the step is missing again.
    await detail.getByRole('button', { name: '取り消す：告知書の記入を先方に依頼した' }).click();
    await detail.getByText('「告知書の記入を先方に依頼した」の記録を取り消しました。').waitFor();
    await expectText(steps.getByRole('listitem').first(), /（未了）/);
    await steps.scrollIntoViewIfNeeded();
    await shoot(page, 'gate-checklist.png');

    // The other steps, recorded as their own sections record them (the 担当 changed to a solicitor
    // elsewhere); reopened, the 告知書 ticked both ways; then 申込 goes through.
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '新規（現在）' });
    await detail.getByRole('button', { name: '閉じる', exact: true }).click();
    await readyForContractInPreview(app.preview, inquiryId);
    await page.getByRole('button', { name: new RegExp(inquiry.receiptNumber) }).first().click();
    for (const step of ['告知書の記入を先方に依頼した', '記入済みの告知書を受け取った']) {
      await detail.getByRole('button', { name: `済みにする：${step}` }).click();
      await detail.getByText(`「${step}」を記録しました。`).waitFor();
    }
    await expect.poll(async () => (await steps.getByRole('listitem').allInnerTexts()).filter((t) => t.includes('✓')).length).toBe(5);
    await detail.getByLabel('変更後の状況', { exact: true }).selectOption({ label: '申込' });
    await detail.getByRole('button', { name: '状況を変更', exact: true }).click();
    await detail.getByText('状況を「申込」に変更しました。').waitFor();

    // New 状況 only after every step: the history shows 新規 → 申込.
    const history = detail.getByRole('table', { name: '状況の変更の履歴' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    await history.getByRole('row').filter({ hasText: '新規 → 申込' }).waitFor();
    // The refusals are answered 422 by design; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('422') || !p.includes('inquiries.changeStatus'))).toEqual([]);
    await context.close();
  });
});
