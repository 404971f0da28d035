import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPackSchema } from '../../shared/content/contentPackSchema.ts';
import { rateTableTemplateRows } from '../../shared/content/rateTableCsv.ts';
import { hasSampleWording, planIdSchema, rateTableSchema, type RateTable } from '../../shared/content/rateTableSchema.ts';
import { buildFlyer } from '../../shared/documents/flyer.ts';
import { calculateQuote } from '../../shared/quote/calculateQuote.ts';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as unknown;
const pack = contentPackSchema.parse(readJson('resources/content/SJ24-13707.json'));
const sampleTable = rateTableSchema.parse(readJson('resources/content/rates/SJ24-13707-sample.json'));

/** A table as a crafted file would hand it over if it got past the schema: a plan with no premium of its own. */
function tableWithUnpricedPlan(id: string): RateTable {
  return { ...sampleTable, status: 'confirmed', plans: [...sampleTable.plans, { id, name: '特別プラン' }] };
}

describe('plan ids', () => {
  it('refuses every name Object.prototype carries, so no lookup can meet an inherited member', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(planIdSchema.safeParse(name).success, name).toBe(false);
  });

  it('keeps the bundled sample’s ids valid and refuses look-alikes that would make two plans of one', () => {
    for (const plan of sampleTable.plans) expect(planIdSchema.safeParse(plan.id).success).toBe(true);
    for (const id of ['P0', 'P01', 'p1', 'P1000', 'A', 'P1 ']) expect(planIdSchema.safeParse(id).success, id).toBe(false);
  });

  for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`gives no figure for an unpriced plan called ${id} instead of 「NaN円」`, () => {
      const table = tableWithUnpricedPlan(id);
      expect(() => calculateQuote(table, 'clinic_no_beds', id)).toThrow(`plan ${id} is not in rate table`);
      expect(() => buildFlyer(pack, table)).toThrow(`plan ${id} has no premium`);
    });
  }
});

describe('sample wording', () => {
  it('is found in any case or width and not in ordinary plan names', () => {
    for (const text of ['見本プラン1', 'サンプル', 'ｻﾝﾌﾟﾙ', 'SAMPLE', 'ｓａｍｐｌｅ', 'Sample A']) expect(hasSampleWording(text), text).toBe(true);
    for (const text of ['ベーシック', 'スタンダード', 'プレミアム', 'Aプラン']) expect(hasSampleWording(text), text).toBe(false);
  });

  it('the template from the sample table leaves every plan name empty', () => {
    const [, ...rows] = rateTableTemplateRows(sampleTable);
    expect(rows.length).toBe(6);
    for (const row of rows) expect(row[2]).toBe('');
  });

  it('a sample table may keep its practice names; the same table marked official may not', () => {
    expect(rateTableSchema.safeParse(sampleTable).success).toBe(true);
    expect(rateTableSchema.safeParse({ ...sampleTable, status: 'confirmed', version: '2026年度 正式' }).success).toBe(false);
  });
});
