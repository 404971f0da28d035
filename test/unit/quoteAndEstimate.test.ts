import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPackSchema } from '../../shared/content/contentPackSchema.ts';
import { rateTableSchema, ratedKinds } from '../../shared/content/rateTableSchema.ts';
import { clinicKinds } from '../../shared/domain/clinic.ts';
import { caseInputs, computeBreachCost } from '../../shared/estimate/breachCost.ts';
import { calculateQuote } from '../../shared/quote/calculateQuote.ts';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as unknown;
const pack = contentPackSchema.parse(readJson('resources/content/SJ24-13707.json'));
const sampleTable = rateTableSchema.parse(readJson('resources/content/rates/SJ24-13707-sample.json'));

describe('premium quote', () => {
  it('gives every clinic kind and plan of the table its monthly figure and the plan’s limits, and no annual figure the table does not state', () => {
    for (const kind of ratedKinds) {
      for (const plan of sampleTable.plans) {
        const quote = calculateQuote(sampleTable, kind, plan.id);
        expect(quote).toMatchObject({
          kind: 'figure',
          monthlyYen: sampleTable.monthlyPremiums[kind]![plan.id],
          planName: plan.name,
          liabilityLimitYen: plan.liabilityLimitYen,
          responseCostLimitYen: plan.responseCostLimitYen,
        });
        expect(quote).not.toHaveProperty('tableAnnualYen');
        expect(quote).not.toHaveProperty('validUntil');
      }
    }
  });

  it('takes the annual figure and the 有効期限 from the table where it states them', () => {
    const annualPremiums = { clinic_no_beds: { P1: 13000, P2: 26000, P3: 39000 }, clinic_with_beds: { P1: 52000, P2: 65000, P3: 78000 } };
    const table = rateTableSchema.parse({ ...sampleTable, annualPremiums, quoteValidUntil: '2027-03-31' });
    expect(calculateQuote(table, 'clinic_with_beds', 'P2')).toMatchObject({ monthlyYen: 5555, tableAnnualYen: 65000, validUntil: '2027-03-31' });
  });

  it('still loads a table from before the limits and annual figures, and then quotes none of them', () => {
    const old = { ...sampleTable, plans: sampleTable.plans.map(({ id, name }) => ({ id, name })) };
    const quote = calculateQuote(rateTableSchema.parse(old), 'clinic_no_beds', 'P1');
    expect(quote).not.toHaveProperty('liabilityLimitYen');
    expect(quote).not.toHaveProperty('responseCostLimitYen');
    expect(quote).toMatchObject({ monthlyYen: 1111 });
  });

  it('refuses an annual column that leaves out a plan, naming it', () => {
    const result = rateTableSchema.safeParse({ ...sampleTable, annualPremiums: { clinic_no_beds: { P1: 13000, P2: 26000, P3: 39000 }, clinic_with_beds: { P1: 52000 } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('「見本プラン2」の年間保険料がありません（年間保険料は全部のプランに書くか、全部書かないでください）');
  });

  it('marks figures from a sample table as samples and carries the table conditions', () => {
    const quote = calculateQuote(sampleTable, 'clinic_no_beds', 'P1');
    expect(quote).toMatchObject({ sample: true, conditions: ['保険期間１年', '団体割引15%', '告知書割引なし', '１２回払'] });
  });

  it('gives no figure at all for 病院, 介護老人保健施設 and その他', () => {
    for (const kind of clinicKinds.filter((k) => !(ratedKinds as readonly string[]).includes(k))) {
      expect(calculateQuote(sampleTable, kind, 'P1')).toEqual({ kind: 'askAgency', clinicKind: kind });
    }
  });

  it('refuses a table that lacks a figure for one of its plans, naming it', () => {
    const broken = structuredClone(readJson('resources/content/rates/SJ24-13707-sample.json')) as { monthlyPremiums: { clinic_with_beds: Record<string, number> } };
    delete broken.monthlyPremiums.clinic_with_beds.P2;
    const result = rateTableSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['monthlyPremiums', 'clinic_with_beds', 'P2'], message: '「見本プラン2」の保険料がありません' });
  });
});

describe('the flyer case rescaled', () => {
  // Unit costs as an insurer-approved document would state them: made up here, as the flyer states none.
  const approved = {
    source: '費用単価表（テスト用）',
    caseFigures: { servers: 3, patients: 30_000, voucherYen: 500, callCentreWeeks: 4 },
    items: [{ per: 'server', unitYen: 900_000 }, { per: 'case' }, { per: 'patient', unitYen: 48 }, { per: 'patientGift', postageYen: 110 }, { per: 'callCentreWeek', unitYen: 1_200_000 }, { per: 'case' }],
  };
  const withCosts = contentPackSchema.parse({ ...(readJson('resources/content/SJ24-13707.json') as object), breachUnitCosts: approved });

  it('offers no rescaling for the bundled flyer, which states no unit costs', () => {
    expect(pack.breachUnitCosts).toBeUndefined();
    expect(computeBreachCost(pack, { servers: 1, patients: 3000, voucherYen: 1000, callCentreWeeks: 2 })).toBeNull();
  });

  it('computes each item as approved unit cost times the input, to the yen, and keeps fixed items as the flyer states them', () => {
    const lines = computeBreachCost(withCosts, { servers: 2, patients: 12_345, voucherYen: 1_000, callCentreWeeks: 3 });
    expect(lines?.map((l) => [l.category, l.computedYen])).toEqual([
      ['原因究明', 1_800_000],
      ['謝罪・広報対応', 500_000],
      ['謝罪・広報対応', 592_560],
      ['謝罪・広報対応', 13_702_950],
      ['コールセンターの設置', 3_600_000],
      ['コンサルタント委託', 2_000_000],
    ]);
    expect(lines?.map((l) => l.flyerLabel)).toEqual(pack.incidentCase.items.map((i) => i.amountLabel));
  });

  it('starts the inputs at the case figures the approved document states', () => {
    expect(caseInputs(withCosts.breachUnitCosts!)).toEqual(approved.caseFigures);
  });

  it('refuses unit costs that do not match the case item by item, saying how many it needs', () => {
    const result = contentPackSchema.safeParse({ ...(readJson('resources/content/SJ24-13707.json') as object), breachUnitCosts: { ...approved, items: approved.items.slice(0, 4) } });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['breachUnitCosts.items: 単価は対応事例の項目と同じ6件にしてください（今は4件です）']);
  });
});
