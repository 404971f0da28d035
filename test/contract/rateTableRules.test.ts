import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCurrentStaff, officialRatesRequest } from '../helpers/officialRateTable.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';

const sampleTable = () => JSON.parse(fs.readFileSync(path.resolve('resources/content/rates/SJ24-13707-sample.json'), 'utf8')) as Record<string, unknown>;
const header = '種別,プランID,プラン名,月額保険料（円）\r\n';

/** Every file under the data folder's content/, so a test can prove nothing was installed. */
function installedFiles(t: TestHost): string[] {
  const dir = path.join(t.dataDir, 'content');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
}

/** Sends a file through 設定's import (preview, then accept) and proves the refusal changed nothing. */
async function expectRefused(t: TestHost, name: string, bytes: string, version = '2026年度 正式') {
  // With a staff member chosen and the insurer's document typed, a refusal can only be the file's.
  await chooseCurrentStaff(t);
  const before = (await call(t, 'content.get', {})).body.result;
  const fileId = await uploadFile(t, name, bytes);
  const preview = (await call(t, 'content.previewImport', officialRatesRequest(fileId, version))).body.result;
  expect(preview.problems.length).toBeGreaterThan(0);
  expect(JSON.stringify(preview)).not.toMatch(/NaN|null円/);
  const accepted = await call(t, 'content.acceptImport', officialRatesRequest(fileId, version));
  expect(accepted.status).toBe(422);
  expect(accepted.body.error.message).toMatch(/^取り込めません：/);
  expect((await call(t, 'content.get', {})).body.result).toEqual(before);
  expect((await call(t, 'content.changes', {})).body.result.items).toEqual([]);
  expect(installedFiles(t)).toEqual([]);
  return { problems: preview.problems as { row: number; field: string; message: string }[], refusal: accepted.body.error.message as string };
}

describe('plan ids of an official table', () => {
  // Each names an Object.prototype member: before, `monthlyPremiums.no_beds[id]` found the
  // inherited function, so the "every plan has a premium" check passed and 「NaN円」 printed.
  for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`refuses a JSON table with a plan called ${id} and installs nothing`, async () => {
      const t = await startTestHost();
      const table = {
        ...sampleTable(),
        status: 'confirmed',
        version: '2026年度 正式',
        title: '月額保険料',
        plans: [
          { id: 'P1', name: 'ベーシック' },
          { id, name: '特別プラン' },
        ],
        monthlyPremiums: { clinic_no_beds: { P1: 2100 }, clinic_with_beds: { P1: 3900 } },
      };
      const { problems } = await expectRefused(t, 'rates.json', JSON.stringify(table));
      expect(problems).toContainEqual({ row: 0, field: '2番目のプランのID', message: 'プランIDは P1・P2 のように、P と数字（1〜999）で書いてください' });
    });

    it(`refuses a CSV row with plan id ${id}, naming the cell`, async () => {
      const t = await startTestHost();
      const csv = `${header}無床診療所,P1,ベーシック,2100\r\n有床診療所,P1,ベーシック,3900\r\n無床診療所,${id},特別プラン,5000\r\n`;
      const { problems } = await expectRefused(t, 'rates.csv', csv, '2026年度 正式');
      expect(problems).toEqual([{ row: 4, field: 'プランID', message: 'B4：プランIDは P1・P2 のように、P と数字（1〜999）で入力してください' }]);
    });
  }

  it('refuses a premium keyed by an inherited name even when every plan is priced', async () => {
    const t = await startTestHost();
    const text = JSON.stringify({ ...sampleTable(), status: 'confirmed', version: '2026年度 正式', title: '月額保険料', plans: [{ id: 'P1', name: 'ベーシック' }] })
      .replace('"P1":1111', '"P1":1111,"__proto__":9')
      .replace('"P1":4444', '"P1":4444');
    const { problems } = await expectRefused(t, 'rates.json', text);
    expect(problems.some((p) => p.field.startsWith('無床診療所のプラン「'))).toBe(true);
  });

  it('refuses a quote for a plan id that names an inherited member', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', kind: 'clinic_no_beds' })).body.result;
    const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone' })).body.result.inquiry;
    const saved = await call(t, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_no_beds', planId: 'constructor' });
    expect(saved.status).toBe(422);
    expect(saved.body.error.code).toBe('INVALID_INPUT');
    expect((await call(t, 'quotes.list', { inquiryId: inquiry.id })).body.result.items).toEqual([]);
  });

  it('takes p1 typed in lower case or full width as the template’s P1', async () => {
    const t = await startTestHost();
    const csv = `${header}無床診療所,p1,ベーシック,2100\r\n有床診療所,Ｐ１,ベーシック,3900\r\n`;
    const fileId = await uploadFile(t, 'rates.csv', csv);
    await chooseCurrentStaff(t);
    expect((await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body.ok).toBe(true);
    expect((await call(t, 'content.get', {})).body.result.rates).toMatchObject({ plans: [{ id: 'P1', name: 'ベーシック' }], monthlyPremiums: { clinic_no_beds: { P1: 2100 }, clinic_with_beds: { P1: 3900 } } });
  });
});

describe('sample wording in an official table', () => {
  for (const name of ['見本プラン1', 'サンプルA', 'ｻﾝﾌﾟﾙ', 'Sample Plan', 'ＳＡＭＰＬＥ']) {
    it(`refuses the plan name 「${name}」 in a CSV, naming the cell as Excel shows it`, async () => {
      const t = await startTestHost();
      const csv = `${header}無床診療所,P1,ベーシック,2100\r\n有床診療所,P1,ベーシック,3900\r\n無床診療所,P2,${name},5000\r\n有床診療所,P2,${name},7000\r\n`;
      const { problems, refusal } = await expectRefused(t, 'rates.csv', csv, '2026年度 正式');
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatchObject({ row: 4, field: 'プラン名' });
      expect(problems[0]!.message).toMatch(/^C4：プラン名「.+」に見本の言葉（見本・サンプル・sample）が入っています。/);
      expect(problems[1]!.message).toMatch(/^C5：/);
      expect(refusal).toContain('C4');
    });
  }

  it('refuses a template sent back with the plan names left empty, naming each cell', async () => {
    const t = await startTestHost();
    const csv = `${header}無床診療所,P1,,2100\r\n有床診療所,P1,,3900\r\n`;
    const { problems } = await expectRefused(t, 'rates.csv', csv, '2026年度 正式');
    expect(problems).toEqual([
      { row: 2, field: 'プラン名', message: 'C2：プラン名が空です。保険会社の資料どおりの正式なプラン名を入力してください' },
      { row: 3, field: 'プラン名', message: 'C3：プラン名が空です。保険会社の資料どおりの正式なプラン名を入力してください' },
    ]);
  });

  it('refuses a typed 版 that says 見本 on the 版 field, before the file is read', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const csv = `${header}無床診療所,P1,ベーシック,2100\r\n有床診療所,P1,ベーシック,3900\r\n`;
    const fileId = await uploadFile(t, 'rates.csv', csv);
    for (const channel of ['content.previewImport', 'content.acceptImport']) {
      const answer = await call(t, channel, officialRatesRequest(fileId, '見本 2026'));
      expect(answer.status).toBe(422);
      expect(answer.body.error.fields).toEqual({ version: expect.stringContaining('版に見本の言葉') });
    }
    expect(installedFiles(t)).toEqual([]);
  });

  it('refuses an official JSON table whose plan name or title says sample, naming the field', async () => {
    const t = await startTestHost();
    const table = { ...sampleTable(), status: 'confirmed', version: '2026年度 正式' };
    const { problems } = await expectRefused(t, 'rates.json', JSON.stringify(table));
    expect(problems.map((p) => p.field)).toEqual(['表題', '1番目のプランの名称', '2番目のプランの名称', '3番目のプランの名称']);
    expect(problems[1]!.message).toContain('「見本プラン1」');
  });
});
