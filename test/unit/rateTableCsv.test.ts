import { describe, expect, it } from 'vitest';
import { rateTableCsvHeader, rateTableCsvOptionalHeader, rateTableFromRows } from '../../shared/content/rateTableCsv.ts';
import { rateTableSchema } from '../../shared/content/rateTableSchema.ts';
import { sampleRates } from '../helpers/documentFixtures.ts';

const header = [...rateTableCsvHeader, ...rateTableCsvOptionalHeader];
const read = (rows: string[][]) => rateTableFromRows(rows, sampleRates, '2026年度 正式');

describe('rate table CSV: the columns the insurer’s table may state', () => {
  it('reads both 支払限度額 of a plan, the annual figures and the 有効期限 as staff copy them (1億円, 1,000万円, 2027/3/31)', () => {
    const result = read([
      header,
      ['無床診療所', 'P1', 'ベーシック', '2,100', '24,000円', '1億円', '1,000万円', '2027/3/31'],
      ['有床診療所', 'P1', 'ベーシック', '3900', '45000', '', '', '2027-03-31'],
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.plans).toEqual([{ id: 'P1', name: 'ベーシック', liabilityLimitYen: 100_000_000, responseCostLimitYen: 10_000_000 }]);
    expect(result.table.annualPremiums).toEqual({ clinic_no_beds: { P1: 24000 }, clinic_with_beds: { P1: 45000 } });
    expect(result.table.quoteValidUntil).toBe('2027-03-31');
    expect(rateTableSchema.safeParse(result.table).success).toBe(true);
  });

  it('reads a file from the older four-column template: no limits, no annual figure, no 有効期限', () => {
    const result = read([[...rateTableCsvHeader], ['無床診療所', 'P1', 'ベーシック', '2100'], ['有床診療所', 'P1', 'ベーシック', '3900']]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.plans).toEqual([{ id: 'P1', name: 'ベーシック' }]);
    expect(result.table).not.toHaveProperty('annualPremiums');
    expect(result.table).not.toHaveProperty('quoteValidUntil');
  });

  it('keeps nothing of the base table’s own annual figures or 有効期限 when the file states none', () => {
    const base = { ...sampleRates, annualPremiums: { clinic_no_beds: { P1: 1, P2: 1, P3: 1 }, clinic_with_beds: { P1: 1, P2: 1, P3: 1 } }, quoteValidUntil: '2026-12-31' };
    const result = rateTableFromRows([header, ['無床診療所', 'P1', 'ベーシック', '2100'], ['有床診療所', 'P1', 'ベーシック', '3900']], base, '2026年度 正式');
    expect(result.ok && result.table).not.toHaveProperty('annualPremiums');
    expect(result.ok && result.table).not.toHaveProperty('quoteValidUntil');
  });

  it('names the cell of a limit or a date that is not one, and of two rows giving one plan two limits', () => {
    const result = read([
      header,
      ['無床診療所', 'P1', 'ベーシック', '2100', '', '約1億', '', ''],
      ['有床診療所', 'P1', 'ベーシック', '3900', '', '', '', '2027/2/30'],
      ['無床診療所', 'P2', 'スタンダード', '3100', '', '2億円', '', ''],
      ['有床診療所', 'P2', 'スタンダード', '4900', '', '3億円', '', ''],
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.slice(0, 3)).toEqual([
      { row: 2, field: '損害賠償の支払限度額（円）', message: 'F2：損害賠償の支払限度額を円単位の整数で入力してください（保険会社の表にないときは空けておきます）' },
      { row: 3, field: '試算の有効期限', message: 'H3：試算の有効期限は 2027/3/31 のように、実際にある日付で入力してください（保険会社の文書にないときは空けておきます）' },
      { row: 5, field: 'プランID', message: '「スタンダード」の支払限度額が他の行と違います。保険会社の表どおりにしてください' },
    ]);
  });

  it('refuses two different 有効期限', () => {
    const result = read([
      header,
      ['無床診療所', 'P1', 'ベーシック', '2100', '', '', '', '2027/3/31'],
      ['有床診療所', 'P1', 'ベーシック', '3900', '', '', '', '2027/4/30'],
    ]);
    expect(result).toEqual({ ok: false, problems: [{ row: 0, field: '試算の有効期限', message: '試算の有効期限が行によって違います。保険会社の文書どおり、同じ日付にしてください' }] });
  });

  it('hands on an annual figure given for some plans only, which the table’s own rule then refuses, naming the plan', () => {
    const result = read([header, ['無床診療所', 'P1', 'ベーシック', '2100', '24000'], ['有床診療所', 'P1', 'ベーシック', '3900', '']]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const checked = rateTableSchema.safeParse(result.table);
    expect(checked.error?.issues.map((i) => i.message)).toContain('「ベーシック」の年間保険料がありません（年間保険料は全部のプランに書くか、全部書かないでください）');
  });

  it('refuses a header whose extra columns are not the template’s', () => {
    const result = read([[...rateTableCsvHeader, '年額'], ['無床診療所', 'P1', 'ベーシック', '2100']]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.field).toBe('見出し');
  });
});
