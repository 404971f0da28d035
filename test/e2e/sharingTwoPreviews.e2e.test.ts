import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { newCounterContext } from './support/browser.ts';
import { collectPageProblems } from './support/pageProblems.ts';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { joinThroughSettings } from './support/joinHub.ts';
import { openScreen } from './support/screens.ts';
import { callPreview, startPreview, type RunningPreview } from './support/startPreview.ts';

const app = useCounterApp();
const office = { name: 'office-pc', password: 'office-pc-password' };
const laptop = { name: 'laptop', password: 'laptop-password' };

let hub: CouchHub;
let second: RunningPreview;
beforeAll(async () => {
  hub = await startCouchHub({ users: [office, laptop] });
  second = await startPreview();
});
afterAll(async () => {
  await second?.stop();
  await hub?.stop();
});

describe('two machines sharing through one hub', () => {
  test('a clinic saved on one appears on the other’s open 医療機関 list without a reload', { timeout: 180_000 }, async () => {
    const { context, page, problems } = await openCounterPage(app);
    await joinThroughSettings(page, hub, office, 'A');

    const otherContext = await newCounterContext(app.browser);
    const other = await otherContext.newPage();
    const otherProblems = collectPageProblems(other);
    await other.goto(second.url);
    await joinThroughSettings(other, hub, laptop, 'B');
    await openScreen(other, '医療機関');
    const list = other.getByRole('table', { name: '医療機関の一覧' });

    await callPreview(app.preview, 'clinics.create', { name: '谷山さくら内科', nameKana: 'たにやまさくらないか' });
    await list.getByRole('button', { name: '谷山さくら内科', exact: true }).waitFor({ timeout: 60_000 });
    if (process.env.SHOTS_DIR) await other.screenshot({ path: path.join(process.env.SHOTS_DIR, '08-other-machine-list.png') });
    expect(await other.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(problems).toEqual([]);
    expect(otherProblems).toEqual([]);
    await otherContext.close();
    await context.close();
  });
});
