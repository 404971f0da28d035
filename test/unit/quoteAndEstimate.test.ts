import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPackSchema } from '../../shared/content/contentPackSchema.ts';
import { rateTableSchema, ratedKinds } from '../../shared/content/rateTableSchema.ts';
import { clinicKinds } from '../../shared/domain/clinic.ts';
import { estimateBreachCost, flyerInputs } from '../../shared/estimate/breachCost.ts';
import { calculateQuote } from '../../shared/quote/calculateQuote.ts';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as unknown;
const pack = contentPackSchema.parse(readJson('resources/content/SJ24-13707.json'));
const sampleTable = rateTableSchema.parse(readJson('resources/content/rates/SJ24-13707-sample.json'));

describe('premium quote', () => {
  it('gives every clinic kind and plan of the table its monthly figure and twelve times it per year', () => {
    for (const kind of ratedKinds) {
      for (const plan of sampleTable.plans) {
        const quote = calculateQuote(sampleTable, kind, plan.id);
        expect(quote).toMatchObject({ kind: 'figure', monthlyYen: sampleTable.monthlyPremiums[kind]![plan.id], planName: plan.name });
        if (quote.kind === 'figure') expect(quote.annualYen).toBe(quote.monthlyYen * 12);
      }
    }
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

describe('breach-cost illustration', () => {
  it("reproduces the flyer's own amounts at the flyer's inputs", () => {
    const lines = estimateBreachCost(pack, flyerInputs(pack));
    expect(lines.map((l) => l.estimateYen)).toEqual(pack.incidentCase.items.map((i) => i.amountYen));
  });

  it('rescales gifts and letters with patients, the investigation with servers, the call centre with weeks', () => {
    const lines = estimateBreachCost(pack, { servers: 1, patients: 3000, voucherYen: 1000, callCentreWeeks: 2 });
    expect(lines.map((l) => [l.category, l.estimateYen])).toEqual([
      ['原因究明', 1_000_000],
      ['謝罪・広報対応', 500_000],
      ['謝罪・広報対応', 150_000],
      ['謝罪・広報対応', 3_300_000],
      ['コールセンターの設置', 2_500_000],
      ['コンサルタント委託', 2_000_000],
    ]);
  });
});
