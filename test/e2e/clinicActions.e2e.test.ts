import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();
const shotsDir = process.env.SHOTS_DIR;

describe('a clinic’s actions, at the top of it', () => {
  test('問い合わせを登録, 保険料試算 with its 種別 filled in, and 印刷 with the clinic chosen, without scrolling past the form', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '出水みどり病院', nameKana: 'いずみみどりびょういん', kind: 'clinic_with_beds', bedCount: 12 });
    const { context, page, problems } = await openCounterPage(app, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('いずみみどり');
    await page.getByRole('table', { name: '医療機関の一覧' }).getByRole('button', { name: '出水みどり病院', exact: true }).click();
    const clinic = page.getByRole('region', { name: '出水みどり病院', exact: true });
    const actions = clinic.getByRole('group', { name: 'この医療機関で' });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual(['問い合わせを登録', '保険料試算', '印刷']);
    // Within the first screen of a 1366×768 laptop.
    const box = await actions.boundingBox();
    expect(box && box.y + box.height <= 768).toBe(true);
    if (shotsDir) {
      fs.mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: path.join(shotsDir, 'clinic-actions.png') });
    }

    await actions.getByRole('button', { name: '保険料試算', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '保険料試算' }).waitFor();
    await page.getByRole('group', { name: '医療機関' }).getByText('出水みどり病院').waitFor();
    expect(await page.getByRole('radio', { name: '有床診療所', exact: true }).isChecked()).toBe(true);

    await openScreen(page, '医療機関');
    await clinic.getByRole('group', { name: 'この医療機関で' }).getByRole('button', { name: '印刷', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '印刷' }).waitFor();
    expect(await page.getByRole('group', { name: '宛先' }).getByRole('radio', { name: '医療機関を1件選ぶ' }).isChecked()).toBe(true);
    await page.getByRole('group', { name: '医療機関' }).getByText('出水みどり病院', { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
