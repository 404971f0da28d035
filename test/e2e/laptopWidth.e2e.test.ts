import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { newCounterContext } from './support/browser.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { openScreen } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';
import { useCounterApp } from './support/counterApp.ts';

const app = useCounterApp();

const longName = '医療法人社団さくら会 霧島国分みなみ通りファミリー内科・小児科クリニック';
const longKana = 'いりょうほうじんしゃだんさくらかいきりしまこくぶみなみどおりふぁみりーないかしょうにかくりにっく';
const phone = '0995-45-2201';
const laptop = { width: 1024, height: 768 };

/** A table's box: does it need a sideways scrollbar? */
function overflowsSideways(table: Locator): Promise<boolean> {
  return table.evaluate((t) => {
    const box = t.closest('.table-scroll') ?? t.parentElement!;
    return box.scrollWidth > box.clientWidth;
  });
}

/** Whether the element's own text is wider than the element shows (cut off, or spilling out). */
function isClipped(cell: Locator): Promise<boolean> {
  return cell.evaluate((el) => el.scrollWidth > el.clientWidth);
}

/** How many lines the given text takes where it is drawn inside the element (1 = not broken). */
function linesTakenBy(container: Locator, text: string): Promise<number> {
  return container.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    }
    return 0;
  }, text);
}

async function openLaptopPage(): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await newCounterContext(app.browser, laptop);
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto(app.preview.url);
  await page.getByRole('heading', { level: 1, name: 'ホーム', exact: true }).waitFor();
  return { page, problems, close: () => context.close() };
}

describe('laptop width (1024×768) with 和暦 dates', () => {
  test('ホーム: the inquiry tables wrap instead of scrolling sideways, and a long clinic name is shown whole', async () => {
    const staff = await callPreview<{ id: string }>(app.preview, 'staff.create', { name: '鹿児島 次郎左衛門' });
    await callPreview(app.preview, 'settings.update', { dateStyle: 'japanese', currentStaffId: staff.id });
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: longName, nameKana: longKana, phone, fax: '0995-45-2202' });
    const today = tokyoToday();
    for (const channel of ['phone', 'fax'] as const) {
      await callPreview(app.preview, 'inquiries.create', { clinicId: clinic.id, receivedOn: today, channel, nextActionOn: today, staffId: staff.id });
    }

    const { page, problems, close } = await openLaptopPage();
    const due = page.getByRole('table', { name: '本日・期限切れの対応' });
    const latest = page.getByRole('table', { name: '最近の問い合わせ' });
    await due.getByRole('row').filter({ hasText: longName }).first().waitFor();
    // 和暦 is on: the dates are the long ones.
    await due.getByText(/令和\d+年\d+月\d+日/).first().waitFor();
    expect(await overflowsSideways(due)).toBe(false);
    expect(await overflowsSideways(latest)).toBe(false);

    const nameCell = due.getByRole('cell', { name: longName, exact: true }).first();
    expect(await isClipped(nameCell)).toBe(false);
    const box = await nameCell.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(laptop.width);
    // Nothing of the row is lost to the narrower table: 担当者 and 状況 are still there to read.
    const row = due.getByRole('row').filter({ hasText: longName }).first();
    expect(await row.getByText('担当：鹿児島 次郎左衛門').filter({ visible: true }).count()).toBe(1);
    expect(await row.getByText('新規', { exact: true }).filter({ visible: true }).count()).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  test('a phone number stays on one line in the 問い合わせを登録 clinic chooser and the 医療機関 list', async () => {
    const { page, problems, close } = await openLaptopPage();
    await openScreen(page, '問い合わせ');
    expect(await overflowsSideways(page.getByRole('table', { name: '問い合わせの一覧' }))).toBe(false);
    await page.getByRole('button', { name: '問い合わせを登録', exact: true }).click();
    const picker = page.getByRole('dialog', { name: '問い合わせを登録：医療機関を選ぶ' });
    await picker.getByLabel('医療機関を探す', { exact: true }).fill('きりしまこくぶ');
    const candidate = picker.getByRole('button', { name: new RegExp(longName) });
    await candidate.waitFor();
    // The kana is long enough to wrap the line the number sits on.
    expect(await linesTakenBy(candidate, longKana)).toBeGreaterThan(1);
    expect(await linesTakenBy(candidate, phone)).toBe(1);
    await picker.getByRole('button', { name: 'キャンセル', exact: true }).click();

    await openScreen(page, '医療機関');
    await page.getByLabel('検索', { exact: true }).fill('きりしまこくぶ');
    const list = page.getByRole('table', { name: '医療機関の一覧' });
    await list.getByRole('button', { name: longName, exact: true }).waitFor();
    const clinicRow = list.getByRole('row').filter({ hasText: longName });
    expect(await linesTakenBy(clinicRow, phone)).toBe(1);
    expect(await isClipped(clinicRow.getByRole('cell').first())).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });
});
