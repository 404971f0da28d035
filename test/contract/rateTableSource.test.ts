import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCurrentStaff, officialRatesRequest, officialSource, packRequest } from '../helpers/officialRateTable.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';

const ratesCsv = '種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,ベーシック,2100\r\n有床診療所,P1,ベーシック,3900\r\n';
/** 2026-12-04 00:30 in Japan while it is still 12-03 in UTC: "today" is Japan's date. */
const counterClock = () => new Date('2026-12-03T15:30:00Z');

function contentFiles(t: TestHost): string[] {
  const dir = path.join(t.dataDir, 'content');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
}

/** Proves a refused confirm left no file, no record and the table in force as it was. */
async function expectNothingChanged(t: TestHost, before: unknown) {
  expect(contentFiles(t)).toEqual([]);
  expect((await call(t, 'content.changes', {})).body.result.items).toEqual([]);
  expect((await call(t, 'content.get', {})).body.result).toEqual(before);
}

describe('confirming an official rate table records the insurer’s document and who confirmed it', () => {
  it('is refused without the insurer’s document, naming the missing fields, and installs nothing', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const before = (await call(t, 'content.get', {})).body.result;
    const fileId = await uploadFile(t, 'rates.csv', ratesCsv, 'contentFile');
    const withoutSource = { kind: 'rates', fileId, version: '2026年度 正式' };
    const refused = await call(t, 'content.acceptImport', withoutSource);
    expect(refused.status).toBe(422);
    const blank = await call(t, 'content.acceptImport', { ...withoutSource, source: { document: '  ', date: '' } });
    expect(blank.status).toBe(422);
    expect(blank.body.error.fields).toEqual({
      'source.document': '保険会社の文書の番号か題名（例：医サ第26-118号）を入力してください',
      'source.date': '保険会社の文書の日付を入力してください',
    });
    await expectNothingChanged(t, before);
  });

  it('is recorded with the document, its date and the confirming staff member, and listed by content.changes', async () => {
    const t = await startTestHost();
    const staff = await chooseCurrentStaff(t, '窓口 太郎');
    const fileId = await uploadFile(t, 'rates.csv', ratesCsv, 'contentFile');
    const change = (await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body.result;
    expect(change).toMatchObject({ kind: 'rates', label: '2026年度 正式', staffName: staff.name, source: officialSource });
    expect((await call(t, 'content.changes', {})).body.result.items).toEqual([change]);
    expect((await call(t, 'content.get', {})).body.result.rates).toMatchObject({ status: 'confirmed', version: '2026年度 正式' });
  });

  it('is refused while no staff member is chosen on this machine, telling staff to choose one first', async () => {
    const t = await startTestHost();
    const before = (await call(t, 'content.get', {})).body.result;
    const fileId = await uploadFile(t, 'rates.csv', ratesCsv, 'contentFile');
    const refused = await call(t, 'content.acceptImport', officialRatesRequest(fileId));
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('先に「この端末で対応する担当者」で担当者を選んでください');
    await expectNothingChanged(t, before);
  });

  it('takes a document dated today in Japan, and refuses tomorrow, an impossible date and a slip of the year', async () => {
    const t = await startTestHost({ now: counterClock });
    await chooseCurrentStaff(t);
    const before = (await call(t, 'content.get', {})).body.result;
    const fileId = await uploadFile(t, 'rates.csv', ratesCsv, 'contentFile');
    const refusals: Record<string, RegExp> = {
      '2026-12-05': /今日（2026年12月4日）より後/,
      '2026-02-30': /実際にある日付/,
      '1026-07-28': /古すぎます/,
    };
    for (const [date, reason] of Object.entries(refusals)) {
      const answer = await call(t, 'content.acceptImport', { ...officialRatesRequest(fileId), source: { ...officialSource, date } });
      expect(answer.status).toBe(422);
      expect(answer.body.error.fields['source.date']).toMatch(reason);
    }
    await expectNothingChanged(t, before);
    const today = await call(t, 'content.acceptImport', { ...officialRatesRequest(fileId), source: { ...officialSource, date: '2026-12-04' } });
    expect(today.body.result.source).toEqual({ document: officialSource.document, date: '2026-12-04' });
  });

  it('needs no source for a content pack, and keeps none', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'pack.json', fs.readFileSync(path.resolve('test/fixtures/confirmed-pack.json')), 'contentFile');
    const change = (await call(t, 'content.acceptImport', packRequest(fileId))).body.result;
    expect(change).toMatchObject({ kind: 'pack', source: null });
  });
});

describe('a file of the other kind through a button', () => {
  it('refuses a content pack chosen as the official rate table, pointing to the pack button', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const before = (await call(t, 'content.get', {})).body.result;
    const fileId = await uploadFile(t, 'pack.json', fs.readFileSync(path.resolve('test/fixtures/confirmed-pack.json')), 'contentFile');
    const preview = (await call(t, 'content.previewImport', officialRatesRequest(fileId))).body.result;
    expect(preview.problems).toEqual([{ row: 0, field: 'ファイル', message: expect.stringContaining('「内容パックを読み込む」から') }]);
    expect((await call(t, 'content.acceptImport', officialRatesRequest(fileId))).status).toBe(422);
    await expectNothingChanged(t, before);
  });

  for (const [name, bytes] of [
    ['rates.csv', ratesCsv],
    ['rates.json', fs.readFileSync(path.resolve('resources/content/rates/SJ24-13707-sample.json'), 'utf8')],
  ] as const) {
    it(`refuses a rate table (${name}) chosen as a content pack, pointing to the rate-table form`, async () => {
      const t = await startTestHost();
      const before = (await call(t, 'content.get', {})).body.result;
      const fileId = await uploadFile(t, name, bytes, 'contentFile');
      const preview = (await call(t, 'content.previewImport', packRequest(fileId))).body.result;
      expect(preview).toMatchObject({ kind: 'pack', candidate: null });
      expect(preview.problems).toEqual([{ row: 0, field: 'ファイル', message: expect.stringContaining('「正式な保険料表を読み込む」から') }]);
      expect((await call(t, 'content.acceptImport', packRequest(fileId))).status).toBe(422);
      await expectNothingChanged(t, before);
    });
  }

  it('refuses a sample JSON table as the official one, and one whose 版 is not the typed one', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const before = (await call(t, 'content.get', {})).body.result;
    const sample = JSON.parse(fs.readFileSync(path.resolve('resources/content/rates/SJ24-13707-sample.json'), 'utf8')) as Record<string, unknown>;
    const sampleId = await uploadFile(t, 'sample.json', JSON.stringify(sample), 'contentFile');
    expect((await call(t, 'content.previewImport', officialRatesRequest(sampleId))).body.result.problems[0].message).toContain('見本の保険料表です');
    const official = { ...sample, status: 'confirmed', version: '2025年度 正式', title: '月額保険料', plans: [{ id: 'P1', name: 'ベーシック' }], monthlyPremiums: { clinic_no_beds: { P1: 2100 }, clinic_with_beds: { P1: 3900 } } };
    const officialId = await uploadFile(t, 'official.json', JSON.stringify(official), 'contentFile');
    const preview = (await call(t, 'content.previewImport', officialRatesRequest(officialId, '2026年度 正式'))).body.result;
    expect(preview.problems).toEqual([{ row: 0, field: '版', message: expect.stringContaining('「2025年度 正式」と、入力した版「2026年度 正式」が違います') }]);
    expect((await call(t, 'content.acceptImport', officialRatesRequest(officialId, '2026年度 正式'))).status).toBe(422);
    await expectNothingChanged(t, before);
    expect((await call(t, 'content.acceptImport', officialRatesRequest(officialId, '2025年度 正式'))).body.ok).toBe(true);
  });
});
