import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ContentPack } from '../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../shared/content/rateTableSchema.ts';
import type { AgencyTexts } from '../../shared/domain/agencyTexts.ts';
import { screenLabels } from '../../shared/messages/screenLabels.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { chooseStaffInPreview, contentRequest } from './support/contentImport.ts';
import { uploadToPreview } from './support/previewFiles.ts';
import { expectText, openScreen } from './support/screens.ts';
import { outOfFlyerOrder, shownTexts, untracedWords, type ScreenSources } from './support/screenWords.ts';
import { callPreview } from './support/startPreview.ts';

// An app of its own: the second half installs an official table and a pack with unit costs.
const app = useCounterApp();
const shots = process.env.SCREENSHOTS_DIR;
const flyer = fs.readFileSync(path.resolve('test/fixtures/flyer-SJ24-13707.txt'), 'utf8');
const bundledPack = () => JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as ContentPack;

const sources = async (): Promise<ScreenSources> => ({
  ...(await callPreview<Omit<ScreenSources, 'agencyTexts'>>(app.preview, 'content.get', {})),
  agencyTexts: await callPreview<AgencyTexts>(app.preview, 'settings.agencyTexts', {}),
});
const productScreen = (page: Page) => page.locator('section.product-screen');
const breachCase = (page: Page, pack: ContentPack) => page.getByRole('region', { name: pack.incidentCase.title, exact: true });

/** Turns every page of 説明モード and checks the words of each; returns the pages' headings. */
async function checkEveryPresentationPage(page: Page, src: ScreenSources): Promise<string[]> {
  await page.getByRole('button', { name: '説明モード', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '説明モード' });
  const counter = dialog.getByRole('status');
  await expectText(counter, /^1 \/ \d+$/);
  const total = Number(((await counter.textContent()) ?? '').split('/')[1]);
  const headings: string[] = [];
  for (let n = 1; n <= total; n += 1) {
    await expectText(counter, `${n} / ${total}`);
    headings.push(((await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '').trim());
    expect(untracedWords(await shownTexts(dialog), src), `page ${n}`).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, `present-${src.rates.status}-${n}.png`) });
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  return headings;
}

const hasYen = async (root: Locator) => /\d[\d,]*円/.test((await root.textContent()) ?? '');

describe('with the bundled flyer and the sample rate table', () => {
  test('商品説明 shows only the pack’s words at their paths and the app’s catalogued labels', async () => {
    const { context, page, problems } = await openCounterPage(app, '商品説明');
    const src = await sources();
    await page.getByRole('heading', { name: src.pack.productName }).waitFor();
    const shown = await shownTexts(productScreen(page));
    expect(untracedWords(shown, src)).toEqual([]);
    // The screen is the flyer's: most of what it shows is the pack's.
    expect(shown.filter((s) => s.origin === 'pack').length).toBeGreaterThan(60);
    if (shots) {
      await page.screenshot({ path: path.join(shots, 'product-sample-top.png') });
      await page.screenshot({ path: path.join(shots, 'product-sample.png'), fullPage: true });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the check names a sentence the app wrote itself', async () => {
    const { context, page } = await openCounterPage(app, '商品説明');
    const src = await sources();
    await page.getByRole('heading', { name: src.pack.productName }).waitFor();
    // What the printed チラシ used to say in its premium box, though the flyer never does.
    await productScreen(page).evaluate((root) => {
      const line = document.createElement('p');
      line.textContent = '保険料はお問い合わせください';
      root.querySelector('.product-premium')?.append(line);
    });
    expect(untracedWords(await shownTexts(productScreen(page)), src)).toEqual(['「保険料はお問い合わせください」 has no origin']);
    // A pack text altered on the way to the screen is not the pack's any more.
    await page.locator('[data-path="incidentCase.items.0.amountLabel"]').first().evaluate((span) => {
      span.textContent = '約3,000万円';
    });
    expect(untracedWords(await shownTexts(productScreen(page)), src)).toEqual([
      '「約3,000万円」 is not the pack\'s incidentCase.items.0.amountLabel: 「約300万円」',
      '「保険料はお問い合わせください」 has no origin',
    ]);
    await context.close();
  });

  test('損害賠償 stands under the flyer’s own heading, apart from the case and its cost note, in the flyer’s order', async () => {
    const { context, page } = await openCounterPage(app, '商品説明');
    const { pack } = await sources();
    await page.getByRole('heading', { name: pack.productName }).waitFor();
    // The case, its notes and the coverage after it read in the flyer's own order, headings
    // included: 「損害賠償金」 as the heading is only found in the flyer's last note, and the text it
    // heads does not follow it.
    const caseSection = page.locator('section.product-incident-case');
    const coverageSection = page.locator('section.product-coverage-1');
    expect(outOfFlyerOrder([...(await shownTexts(caseSection)), ...(await shownTexts(coverageSection))], flyer)).toEqual([]);

    const liability = pack.coverages[1];
    if (!liability) throw new Error('the pack has no second coverage');
    // The line the flyer prints right above its 損害賠償 text.
    const lines = flyer.split('\n').map((l) => l.trim()).filter(Boolean);
    const flyerHeading = lines[lines.findIndex((l) => liability.description.startsWith(l)) - 1];
    expect(flyerHeading).toBe('損害賠償');
    const section = page.getByRole('region', { name: flyerHeading, exact: true });
    expect(await section.count()).toBe(1);
    await section.getByText(liability.description).waitFor();
    await section.getByText(liability.note).waitFor();
    // The case's note stays with the case: 「上記費用はすべて」 is the case table.
    await page.getByRole('region', { name: pack.incidentCase.title, exact: true }).getByText(pack.coverages[0]!.note).waitFor();
    expect(await page.getByText('保険のお支払いの対象').count()).toBe(0);
    await context.close();
  });

  test('while the table is a sample, 商品説明 tells staff and shows no premium, and 説明モード has no premium page', async () => {
    const { context, page, problems } = await openCounterPage(app, '商品説明');
    const src = await sources();
    expect(src.rates.status).toBe('sample');
    const premium = page.getByRole('region', { name: src.pack.premium.title });
    await premium.getByRole('note').getByText(screenLabels.noOfficialRates).waitFor();
    expect(await hasYen(premium)).toBe(false);
    expect(await premium.getByRole('table').count()).toBe(0);

    const headings = await checkEveryPresentationPage(page, src);
    expect(headings).not.toContain(src.pack.premium.title);
    expect(headings).toContain('損害賠償');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('until 募集の立場 is set, 商品説明 asks staff to set it and 説明モード states nothing; once set, 説明モード opens with it', async () => {
    const { context, page, problems } = await openCounterPage(app, '商品説明');
    let src = await sources();
    expect(src.agencyTexts?.solicitationCapacity.value).toBeNull();
    await page.getByRole('note').getByText(screenLabels.solicitationUnset).waitFor();
    await page.getByRole('button', { name: '説明モード', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '説明モード' });
    await dialog.getByRole('heading', { name: src.pack.productName }).waitFor();
    expect(await dialog.getByRole('note').count()).toBe(0);
    await page.keyboard.press('Escape');

    // As staff save it in 設定 → 代理店の文言.
    const capacity = '当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。';
    await callPreview(app.preview, 'settings.updateAgencyText', { key: 'solicitationCapacity', value: capacity, expectedVersion: 0 });
    await page.reload();
    await openScreen(page, '商品説明');
    src = await sources();
    await productScreen(page).getByText(capacity).waitFor();
    expect(await page.getByText(screenLabels.solicitationUnset).count()).toBe(0);
    await page.getByRole('button', { name: '説明モード', exact: true }).click();
    await dialog.getByText(capacity).waitFor();
    expect(untracedWords(await shownTexts(dialog), src)).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, 'present-capacity-1.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('保険料試算 shows the flyer’s case as the flyer states it, with no inputs and nothing rescaled', async () => {
    const { context, page, problems } = await openCounterPage(app, '保険料試算');
    const src = await sources();
    const region = breachCase(page, src.pack);
    await region.waitFor();
    expect(untracedWords(await shownTexts(region), src)).toEqual([]);
    const amounts = await region.getByRole('table').getByRole('cell').allTextContents();
    for (const item of src.pack.incidentCase.items) expect(amounts).toContain(item.amountLabel);
    await region.getByText(src.pack.coverages[0]!.note).waitFor();
    await region.getByRole('note').getByText(screenLabels.noUnitCosts).waitFor();
    expect(await region.getByRole('textbox').count()).toBe(0);
    expect((await region.textContent()) ?? '').not.toContain('支払限度額');
    if (shots) await region.screenshot({ path: path.join(shots, 'quote-case-as-stated.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('with the official table and a pack that carries approved unit costs', () => {
  const tableVersion = '2026年度 正式（テスト）';
  let official: RateTable;

  beforeAll(async () => {
    const sample = JSON.parse(fs.readFileSync(path.resolve('resources/content/rates/SJ24-13707-sample.json'), 'utf8')) as RateTable;
    official = {
      ...sample,
      status: 'confirmed',
      version: tableVersion,
      title: '月額保険料',
      plans: sample.plans.map((p, i) => ({ ...p, name: `テストプラン${i + 1}` })),
      monthlyPremiums: { clinic_no_beds: { P1: 2340, P2: 4560, P3: 6780 }, clinic_with_beds: { P1: 3450, P2: 5670, P3: 7890 } },
    };
    // Unit costs as an insurer-approved document would state them: made up here, as the flyer states none.
    const pack = {
      ...bundledPack(),
      breachUnitCosts: {
        source: '医療機関用サイバー保険 費用単価表（テスト用 SJ26-99999）',
        caseFigures: { servers: 3, patients: 30_000, voucherYen: 500, callCentreWeeks: 4 },
        items: [{ per: 'server', unitYen: 900_000 }, { per: 'case' }, { per: 'patient', unitYen: 48 }, { per: 'patientGift', postageYen: 110 }, { per: 'callCentreWeek', unitYen: 1_200_000 }, { per: 'case' }],
      },
    };
    await chooseStaffInPreview(app.preview);
    for (const [name, body, version] of [
      ['pack.json', JSON.stringify(pack), ''],
      ['rates.json', JSON.stringify(official), tableVersion],
    ] as const) {
      const fileId = await uploadToPreview(app.preview, name, body);
      await callPreview(app.preview, 'content.previewImport', contentRequest(fileId, version));
      await callPreview(app.preview, 'content.acceptImport', contentRequest(fileId, version));
    }
  });

  test('商品説明 and 説明モード show the official table’s premiums, each from the table', async () => {
    const { context, page, problems } = await openCounterPage(app, '商品説明');
    const src = await sources();
    expect(src.rates.status).toBe('confirmed');
    const premium = page.getByRole('region', { name: src.pack.premium.title });
    const table = premium.getByRole('table', { name: official.title });
    for (const yen of [2340, 4560, 6780, 3450, 5670, 7890]) await table.getByRole('cell', { name: `${yen.toLocaleString('ja-JP')}円`, exact: true }).waitFor();
    expect(await premium.getByRole('note').count()).toBe(0);
    expect(untracedWords(await shownTexts(productScreen(page)), src)).toEqual([]);
    if (shots) await premium.screenshot({ path: path.join(shots, 'product-premium-official.png') });

    const headings = await checkEveryPresentationPage(page, src);
    expect(headings).toContain(src.pack.premium.title);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('保険料試算 computes the case from the approved unit costs to the yen, beside the flyer’s own amounts', async () => {
    const { context, page, problems } = await openCounterPage(app, '保険料試算');
    const src = await sources();
    const region = breachCase(page, src.pack);
    const rescaling = region.getByRole('region', { name: screenLabels.simulationTitle });
    expect(await rescaling.getByLabel('患者数').inputValue()).toBe('30000');
    await rescaling.getByText(src.pack.breachUnitCosts!.source).waitFor();
    const gifts = rescaling.getByRole('row').filter({ hasText: screenLabels['per.patientGift'] });
    // 30,000 people × (500 yen voucher + 110 yen approved postage).
    await expectText(gifts.getByRole('cell').last(), '18,300,000円');

    await rescaling.getByLabel('患者数').fill('６０，０００');
    await expectText(gifts.getByRole('cell').last(), '36,600,000円');
    expect(await gifts.getByRole('cell').nth(2).textContent()).toBe('約1,800万円');
    expect(untracedWords(await shownTexts(region), src)).toEqual([]);
    if (shots) await region.screenshot({ path: path.join(shots, 'quote-case-rescaled.png') });

    await rescaling.getByLabel('患者数').fill('abc');
    expect(await rescaling.getByLabel('患者数').getAttribute('aria-invalid')).toBe('true');
    await rescaling.getByText(screenLabels.inputsWithErrors).waitFor();
    await rescaling.getByRole('button', { name: screenLabels.resetInputs }).click();
    expect(await rescaling.getByLabel('患者数').inputValue()).toBe('30000');
    expect(problems).toEqual([]);
    await context.close();
  });
});
