import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { readMachineId } from '../../electron/core/db/repos/settings.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { openCore } from '../../electron/core/openCore.ts';
import { databaseFileName } from '../../electron/core/paths.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { queueAllSharedRecords } from '../../electron/core/sync/outbox.ts';
import { setSharing } from '../../electron/core/sync/syncState.ts';
import { drain } from '../helpers/syncMachines.ts';
import { launchChromium, newCounterContext } from './support/browser.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { expectText, openScreen } from './support/screens.ts';
import { startPreview, type RunningPreview } from './support/startPreview.ts';

const shotsDir = process.env.SHOTS_DIR;
const shoot = async (page: Page, name: string) => {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, name) });
};

/** A machine's data folder where one clinic's inquiry was registered, as the counter would, before any sharing. */
async function machineThatWorkedAlone(clinicName: string, content: string): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-e2e-'));
  const core = await openCore({ dataDir, mode: 'preview', log: silentLogger });
  const clinic = await core.dispatch('clinics.create', { name: clinicName, kind: 'clinic_no_beds' });
  if (!clinic.ok) throw new Error(clinic.error.message);
  const inquiry = await core.dispatch('inquiries.create', { clinicId: (clinic.result as { id: string }).id, receivedOn: '2026-11-18', channel: 'fax', content });
  if (!inquiry.ok) throw new Error(inquiry.error.message);
  await core.close();
  return dataDir;
}

let preview: RunningPreview;
let laptopDir: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  // Two counters numbered A-2026-0001 each; the laptop's records reach the office PC as the
  // changes feed hands them over (its documents, applied by the app's own code).
  const officeDir = await machineThatWorkedAlone('鹿屋こども医院', '鹿屋こども医院からFAXで資料請求');
  laptopDir = await machineThatWorkedAlone('志布志眼科', '志布志眼科から補償内容の相談');
  const laptop = openDatabase(path.join(laptopDir, databaseFileName));
  setSharing(laptop, true);
  queueAllSharedRecords(laptop);
  const docs = drain({ db: laptop, machineId: readMachineId(laptop), ctx: { machineId: readMachineId(laptop), now: () => new Date() }, store: new Map() });
  laptop.close();
  const office = openDatabase(path.join(officeDir, databaseFileName));
  const applied = applyRemoteDocs(office, docs, '1', { now: () => new Date(), clockOffsetMs: 0 });
  office.close();
  expect(applied).toMatchObject({ waiting: 0, held: 0 });
  preview = await startPreview({ dataDir: officeDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (laptopDir) fs.rmSync(laptopDir, { recursive: true, force: true });
});

describe('one 受付番号 on inquiries of two machines', () => {
  test('the list shows both with their clinics, the number finds both, and each detail says so and opens the other', { timeout: 120_000 }, async () => {
    const context = await newCounterContext(browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(preview.url);
    await openScreen(page, '問い合わせ');

    const list = page.getByRole('table', { name: '問い合わせの一覧' });
    const rows = list.getByRole('row').filter({ hasText: 'A-2026-0001' });
    await expect.poll(() => rows.count()).toBe(2);
    for (const clinic of ['鹿屋こども医院', '志布志眼科']) {
      await expectText(rows.filter({ hasText: clinic }).getByText('同じ番号あり', { exact: true }), '同じ番号あり');
    }
    await shoot(page, '01-list-both.png');

    // A FAX sent back quotes the number: typed as the IME gives it, it finds both.
    await page.getByLabel('受付番号', { exact: true }).fill('ａ－２０２６ー０００１');
    await page.getByRole('note').getByText('受付番号「A-2026-0001」の問い合わせが2件あります', { exact: false }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await shoot(page, '02-lookup-both.png');

    await rows.filter({ hasText: '鹿屋こども医院' }).getByRole('button', { name: 'A-2026-0001' }).click();
    const officeDetail = page.getByRole('dialog', { name: '問い合わせ A-2026-0001' }).filter({ hasText: '鹿屋こども医院からFAXで資料請求' });
    const note = officeDetail.getByRole('note');
    await note.getByText('この受付番号は、ほかの端末で受け付けた問い合わせにも付いています（共有を始める前に付いた番号です）。').waitFor();
    await shoot(page, '03-detail-notice.png');

    await note.getByRole('button', { name: '志布志眼科（2026/11/18受付）の問い合わせを開く' }).click();
    const laptopDetail = page.getByRole('dialog', { name: '問い合わせ A-2026-0001' }).filter({ hasText: '志布志眼科から補償内容の相談' });
    await laptopDetail.getByRole('note').getByRole('button', { name: /^鹿屋こども医院（2026\/11\/18受付）/ }).waitFor();
    await shoot(page, '04-other-detail.png');

    // Its link back to the one underneath closes it, instead of stacking another copy.
    await laptopDetail.getByRole('note').getByRole('button', { name: /^鹿屋こども医院/ }).click();
    await laptopDetail.waitFor({ state: 'detached' });
    await expect.poll(() => officeDetail.isVisible()).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });
});
