import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ContentPack } from '../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../shared/content/rateTableSchema.ts';
import { expectText } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { shownTexts, untracedWords } from './support/screenWords.ts';

const readJson = <T>(path: string) => JSON.parse(fs.readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const pack = readJson<ContentPack>('../../resources/content/SJ24-13707.json');
const rates = readJson<RateTable>('../../resources/content/rates/SJ24-13707-sample.json');
const yen = (value: number) => `${new Intl.NumberFormat('ja-JP').format(value)}円`;
const sampleStamp = '見本（実際の保険料ではありません）';

const app = useCounterApp();

/** What the answer for a kind without premiums says about the product: every word traced to the pack or the label catalogue. */
const askAgencyWords = async (page: Page) => untracedWords(await shownTexts(page.locator('.quote-ask-words')), { pack, rates });

async function openQuote(): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const { context, page, problems } = await openCounterPage(app, '保険料試算');
  return { page, problems, close: () => context.close() };
}

describe('保険料試算', () => {
  test('a 無床診療所 gets its monthly premium and the plan’s two 支払限度額 in yen, stamped as a sample, with every condition beside it and no annual figure the table does not state', async () => {
    const { page, problems, close } = await openQuote();
    const [firstPlan, secondPlan] = rates.plans;
    if (!firstPlan || !secondPlan) throw new Error('the sample table has fewer than two plans');
    await page.getByRole('radio', { name: '無床診療所' }).check();
    await page.getByRole('radio', { name: firstPlan.name }).check();

    const monthly = rates.monthlyPremiums.clinic_no_beds[firstPlan.id] ?? 0;
    const result = page.getByRole('region', { name: rates.title });
    await result.getByText(yen(monthly), { exact: true }).waitFor();
    const limits = result.getByRole('definition').filter({ hasText: /^[\d,]+円$/ });
    await result.getByText(yen(firstPlan.liabilityLimitYen!), { exact: true }).waitFor();
    expect(await result.getByText('損害賠償の支払限度額').isVisible()).toBe(true);
    await result.getByText(yen(firstPlan.responseCostLimitYen!), { exact: true }).waitFor();
    expect(await result.getByText('事故対応特別費用の支払限度額').isVisible()).toBe(true);
    // The sample table states no annual figure: none is shown, and none worked out as monthly × 12.
    expect(await limits.allTextContents()).not.toContain(yen(monthly * 12));
    expect(await result.getByText(/年間/).count()).toBe(0);
    expect(await result.getByText(/有効期限/).count()).toBe(0);
    expect(await result.getByText(sampleStamp).isVisible()).toBe(true);
    expect(await result.getByRole('list', { name: '保険料の条件' }).getByRole('listitem').allTextContents()).toEqual(rates.conditions);
    await result.getByText(rates.version).waitFor();

    await page.getByRole('radio', { name: secondPlan.name }).check();
    await result.getByText(yen(rates.monthlyPremiums.clinic_no_beds[secondPlan.id] ?? 0), { exact: true }).waitFor();
    expect(await result.getByText(sampleStamp).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  test('その他 gets no yen figure and not the flyer’s note for 病院 and 老健, but the counter’s guidance that the insurer must confirm eligibility', async () => {
    const { page, problems, close } = await openQuote();
    await page.getByRole('radio', { name: 'その他', exact: true }).check();
    const result = page.getByRole('region', { name: pack.premium.title });
    await result.getByText(/保険会社への確認が必要です/).waitFor();
    expect(await result.getByText(pack.premium.askAgencyNote).count()).toBe(0);
    expect(await askAgencyWords(page)).toEqual([]);
    expect((await result.textContent()) ?? '').not.toMatch(/\d[\d,]*円/);
    expect(problems).toEqual([]);
    await close();
  });

  test('says before any 試算書 is tried that 募集の立場 must first be set in 設定, and stops saying it once it is', async () => {
    const { page, problems, close } = await openQuote();
    await page.getByRole('radio', { name: '無床診療所' }).check();
    const result = page.getByRole('region', { name: rates.title });
    const notice = result.getByRole('note').filter({ hasText: '募集の立場' });
    await expectText(notice, /設定 → 代理店の文言/);
    await callPreview(app.preview, 'settings.updateAgencyText', {
      key: 'solicitationCapacity',
      value: '当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。',
      expectedVersion: 0,
    });
    await page.reload();
    await page.getByRole('radio', { name: '無床診療所' }).check();
    await result.getByRole('button', { name: '問い合わせに保存' }).waitFor();
    expect(await notice.count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  test('a 病院 gets no yen figure but the agency’s phone, FAX and hours, and registering asks for a clinic first', async () => {
    const { page, problems, close } = await openQuote();
    await page.getByRole('radio', { name: '病院', exact: true }).check();

    const result = page.getByRole('region', { name: pack.premium.title });
    await result.getByText(pack.premium.askAgencyNote).waitFor();
    expect(await askAgencyWords(page)).toEqual([]);
    await expectText(page.locator('.quote-ask-lead'), `病院の保険料は、チラシの保険料表${pack.premium.scope}の対象ではないため、この画面では金額を表示しません。`);
    const text = (await result.textContent()) ?? '';
    expect(text).not.toMatch(/\d[\d,]*円/);
    expect(text).toContain('099-254-8126');
    expect(text).toContain(pack.contacts.agency.fax);
    expect(text).toContain(pack.contacts.agency.hours);
    expect(await page.getByText(sampleStamp).count()).toBe(0);
    // The flyer's note speaks to the clinic; the counter is told its own next step, the 告知書.
    await expectText(result.locator('.quote-ask-guidance'), /^窓口での対応：保険会社の告知書を先方にお渡しして記入を依頼してください。/);

    await result.getByRole('button', { name: '問い合わせとして登録' }).click();
    await expectText(result.getByRole('alert'), /先に「医療機関」で医療機関を選んでください/);
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('combobox');
    expect(problems).toEqual([]);
    await close();
  });

  test('a clinic from the records fills in 種別, and a quote saved to a new inquiry is confirmed with its 受付番号', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', {
      name: '霧島あおぞら医院',
      // Longer than the chosen clinic's box at 1366 px: it must wrap, not run under 選び直す.
      nameKana: 'いりょうほうじんしゃだんきりしまあおぞらいいんほんいん',
      kind: 'clinic_with_beds',
      bedCount: 12,
    });
    const { page, problems, close } = await openQuote();
    await page.getByRole('radio', { name: '無床診療所' }).check();

    await page.getByRole('combobox', { name: '医療機関' }).fill('あおぞら');
    await page.getByRole('option', { name: /霧島あおぞら医院/ }).click();
    await page.getByRole('group', { name: '医療機関' }).getByText('霧島あおぞら医院').waitFor();
    expect(await page.getByRole('radio', { name: '有床診療所' }).isChecked()).toBe(true);
    const chosen = page.getByRole('group', { name: '医療機関' });
    const kana = await chosen.getByText('いりょうほうじんしゃだん', { exact: false }).boundingBox();
    const change = await chosen.getByRole('button', { name: '選び直す' }).boundingBox();
    expect(kana && change && kana.x + kana.width <= change.x).toBe(true);

    const [plan] = rates.plans;
    if (!plan) throw new Error('the sample table has no plan');
    const monthly = rates.monthlyPremiums.clinic_with_beds[plan.id] ?? 0;
    await page.getByRole('button', { name: '問い合わせに保存' }).click();
    const dialog = page.getByRole('dialog', { name: '試算を問い合わせに保存' });
    const newInquiry = dialog.getByRole('radio', { name: /新しい問い合わせを登録して保存/ });
    await newInquiry.waitFor();
    expect(await newInquiry.isChecked()).toBe(true);
    // The clinic called: 経路 is 電話, not the counter's default 来所.
    await dialog.getByLabel('経路', { exact: true }).selectOption({ label: '電話' });
    await expectText(dialog.locator('.inquiry-choice-meta').first(), '受付日：今日・経路：電話');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();

    const confirmation = page.getByRole('heading', { name: /^受付番号 \S+ に試算を保存しました$/ });
    await confirmation.waitFor();
    expect(await dialog.count()).toBe(0);
    const { items } = await callPreview<{ items: { id: string; receiptNumber: string; channel: string }[] }>(app.preview, 'inquiries.list', { clinicId: clinic.id });
    expect(items).toMatchObject([{ channel: 'phone' }]);
    const inquiry = items[0]!;
    expect(await confirmation.textContent()).toBe(`受付番号 ${inquiry.receiptNumber} に試算を保存しました`);
    const saved = page.getByRole('region', { name: /に試算を保存しました/ });
    await saved.getByText(yen(monthly), { exact: true }).waitFor();
    expect(await saved.getByText(sampleStamp).isVisible()).toBe(true);

    const quotes = await callPreview<{ items: { snapshot: { monthlyYen: number; clinicKind: string; sample: boolean } }[] }>(app.preview, 'quotes.list', {
      inquiryId: inquiry.id,
    });
    expect(quotes.items.map((q) => q.snapshot)).toMatchObject([{ monthlyYen: monthly, clinicKind: 'clinic_with_beds', sample: true }]);

    // The confirmation opens the inquiry, which shows the quote saved on it.
    await saved.getByRole('button', { name: `問い合わせ ${inquiry.receiptNumber} を開く` }).click();
    const detail = page.getByRole('dialog', { name: new RegExp(inquiry.receiptNumber) });
    const savedOnInquiry = detail.getByRole('region', { name: '保存した試算' });
    await savedOnInquiry.getByText(yen(monthly), { exact: true }).waitFor();
    expect(await savedOnInquiry.getByText(sampleStamp).isVisible()).toBe(true);
    await expectText(detail.getByText('経路').locator('xpath=following-sibling::dd[1]'), '電話');
    expect(problems).toEqual([]);
    await close();
  });

  test('without a clinic, 問い合わせに保存 explains that a clinic must be chosen first', async () => {
    const { page, close } = await openQuote();
    await page.getByRole('radio', { name: '無床診療所' }).check();
    await page.getByRole('button', { name: '問い合わせに保存' }).click();
    await expectText(page.getByRole('alert'), /先に「医療機関」で医療機関を選んでください/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await close();
  });
});

describe('the flyer’s case on 保険料試算', () => {
  test('shows the case’s items and amounts as the flyer prints them, with its payment note, and no inputs to rescale it', async () => {
    const { page, problems, close } = await openQuote();
    const region = page.getByRole('region', { name: pack.incidentCase.title, exact: true });
    const rows = region.getByRole('table').getByRole('row');
    // The case is drawn once the content has loaded: wait for its last row before counting.
    await rows.nth(pack.incidentCase.items.length).waitFor();
    // Header row, then one row per item, each with the flyer's amount.
    expect(await rows.count()).toBe(pack.incidentCase.items.length + 1);
    for (const [index, item] of pack.incidentCase.items.entries()) {
      expect(await rows.nth(index + 1).getByRole('cell').last().textContent()).toBe(item.amountLabel);
    }
    expect(await region.textContent()).not.toMatch(/合計|支払限度額/);
    await region.getByText(pack.coverages[0]!.note).waitFor();
    expect(await region.getByRole('textbox').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});
