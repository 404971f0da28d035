import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseCurrentStaff, officialRatesRequest, officialSource } from '../helpers/officialRateTable.ts';
import { authHeader, call, rawRequest, startTestHost, uploadFile } from '../helpers/testHost.ts';

describe('official rate table through Excel', () => {
  it('goes template (Shift_JIS) → filled in → side-by-side preview → accepted → taken back', async () => {
    const t = await startTestHost();
    const staff = await chooseCurrentStaff(t);
    const template = (await call(t, 'content.rateTemplate', {})).body.result;
    const bytes = (await rawRequest(t.host.port, { path: `/api/files/${template.fileId}`, headers: authHeader(t) })).body;
    const text = iconv.decode(bytes, 'cp932');
    expect(text.split('\r\n')[0]).toBe('種別,プランID,プラン名,月額保険料（円）,年間保険料（円）,損害賠償の支払限度額（円）,事故対応特別費用の支払限度額（円）,試算の有効期限');
    // Plan names are left for the agency to type from the insurer's document, never 見本プラン.
    expect(text).toContain('有床診療所,P3,,');
    expect(text).not.toMatch(/見本|サンプル|sample/i);

    // The agency types the official names, figures and limits in Excel and saves as CSV (Shift_JIS
    // again); this insurer's table states no annual figure and no 有効期限, so those stay empty.
    const filled = text
      .split('\r\n')
      .map((line, i) => {
        if (i === 0 || line === '') return line;
        const [kind, plan] = line.split(',');
        return [kind, plan, `スタンダード${plan}`, `"${(i * 1000).toLocaleString('en-US')}"`, '', `${plan!.slice(1)}億円`, '"1,000万円"', ''].join(',');
      })
      .join('\r\n');
    const fileId = await uploadFile(t, '保険料表.csv', iconv.encode(filled, 'cp932'));

    const preview = (await call(t, 'content.previewImport', officialRatesRequest(fileId))).body.result;
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(6);
    // Beside each figure, what the new table states with it for staff to check: both limits, and no annual figure or 有効期限 it does not state.
    expect(preview.rows[0]).toEqual({
      kindLabel: '無床診療所',
      planName: 'スタンダードP1',
      currentYen: 1111,
      newYen: 1000,
      newAnnualYen: null,
      liabilityLimitYen: 100_000_000,
      responseCostLimitYen: 10_000_000,
    });
    expect(preview.quoteValidUntil).toBeNull();

    const change = (await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body.result;
    const after = (await call(t, 'content.get', {})).body.result;
    expect(after.rates).toMatchObject({ status: 'confirmed', version: '2026年度 正式' });
    expect(after.rates.plans[0]).toEqual({ id: 'P1', name: 'スタンダードP1', liabilityLimitYen: 100_000_000, responseCostLimitYen: 10_000_000 });
    expect(after.rates).not.toHaveProperty('annualPremiums');
    expect(after.rates).not.toHaveProperty('quoteValidUntil');
    expect((await call(t, 'content.changes', {})).body.result.items).toEqual([expect.objectContaining({ id: change.id, label: '2026年度 正式', staffName: staff.name, source: officialSource })]);

    await call(t, 'content.revert', { changeId: change.id });
    expect((await call(t, 'content.get', {})).body.result.rates).toMatchObject({ status: 'sample' });
  });

  it('lists every problem of a badly filled table by row and field, and changes nothing', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const csv = '種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,Aプラン,abc\r\n病院,P1,Aプラン,5000\r\n有床診療所,P1,Aプラン,\r\n';
    const fileId = await uploadFile(t, 'bad.csv', Buffer.from(csv));
    const preview = (await call(t, 'content.previewImport', officialRatesRequest(fileId, '正式'))).body.result;
    expect(preview.problems).toEqual([
      { row: 2, field: '月額保険料（円）', message: '月額保険料を円単位の整数で入力してください' },
      { row: 3, field: '種別', message: '「病院」は使えません（無床診療所 か 有床診療所）' },
      { row: 4, field: '月額保険料（円）', message: '月額保険料を円単位の整数で入力してください' },
    ]);
    const accepted = await call(t, 'content.acceptImport', officialRatesRequest(fileId, '正式'));
    expect(accepted.status).toBe(422);
    expect((await call(t, 'content.get', {})).body.result.rates.status).toBe('sample');
  });
});
