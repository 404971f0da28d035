import { z } from 'zod';
import { rateTableMessages as m } from '../messages/rateTableMessages.ts';
import { isDateOnly } from '../time/tokyoDate.ts';

/** Kinds the flyer's table covers: clinics only; 病院 and 老健 are quoted by the agency. */
export const ratedKinds = ['clinic_no_beds', 'clinic_with_beds'] as const;
export type RatedKind = (typeof ratedKinds)[number];

/**
 * Plan ids are `P1`…`P999`, as the bundled sample has always used and the template hands out.
 * So narrow a pattern can never name a property of `Object.prototype` (`constructor`,
 * `__proto__`, …), which a looser one let through as a plan with a "premium" of a function.
 * No leading zero, so `P01` and `P1` can never be two plans.
 */
export const planIdPattern = /^P[1-9][0-9]{0,2}$/;
export const planIdSchema = z.string().regex(planIdPattern, { message: m.planIdPattern });

const sampleWords = ['見本', 'サンプル', 'sample'];

/** Whether text carries the template's practice wording, in any case or width (ＳＡＭＰＬＥ, ｻﾝﾌﾟﾙ). */
export function hasSampleWording(text: string): boolean {
  const folded = text.normalize('NFKC').toLowerCase();
  return sampleWords.some((word) => folded.includes(word));
}

const yen = z.number({ message: m.premiumNotNumber }).int({ message: m.premiumNotInteger }).positive({ message: m.premiumNotPositive });
const limitYen = z.number({ message: m.limitNotNumber }).int({ message: m.limitNotInteger }).positive({ message: m.limitNotPositive });
const premiumsByKind = z.record(z.enum(ratedKinds), z.record(planIdSchema, yen));

/**
 * A plan as the insurer's table states it. The two 支払限度額 are optional: a table entered
 * before they were asked for has none, and then no limit is shown anywhere.
 */
const planSchema = z.object({
  id: planIdSchema,
  name: z.string().trim().min(1, { message: m.planNameMissing }).max(60),
  /** 支払限度額 of 損害賠償 (one claim and the year), in yen. */
  liabilityLimitYen: limitYen.optional(),
  /** 支払限度額 of 事故対応特別費用, in yen. */
  responseCostLimitYen: limitYen.optional(),
});
export type RatePlan = z.infer<typeof planSchema>;

/**
 * A premium table under the flyer's stated conditions. `sample` tables carry made-up figures
 * for staff practice and must never reach a customer document; `confirmed` ones are the
 * insurer's official figures as entered by the agency.
 */
export const rateTableSchema = z
  .object({
    schemaVersion: z.literal(1, { message: m.schemaVersion }),
    version: z.string().min(1, { message: m.versionMissing }).max(60),
    status: z.enum(['sample', 'confirmed'], { message: m.status }),
    packCode: z.string().min(1, { message: m.packCodeMissing }),
    title: z.string().min(1),
    conditions: z.array(z.string().min(1)).min(1, { message: m.conditionsMissing }),
    /** How figures are derived, written down so staff and auditors can check a quote by hand. */
    roundingRule: z.string().min(1, { message: m.roundingRuleMissing }),
    plans: z.array(planSchema).min(1, { message: m.plansMissing }).max(20),
    monthlyPremiums: premiumsByKind,
    /**
     * The annual premium where the insurer's table states one. The app never works one out
     * (monthly × 12 is not what every table charges for a year): no field, no annual figure.
     */
    annualPremiums: premiumsByKind.optional(),
    /** The last day the table's figures may be quoted, where the insurer's document says; otherwise no 有効期限 is shown. */
    quoteValidUntil: z.string().refine(isDateOnly, { message: m.validUntilInvalid }).optional(),
  })
  .superRefine((table, ctx) => {
    const ids = new Set<string>();
    table.plans.forEach((plan, i) => {
      if (ids.has(plan.id)) ctx.addIssue({ code: 'custom', path: ['plans', i, 'id'], message: m.duplicatePlanId(plan.id) });
      ids.add(plan.id);
    });
    const tables = [['monthlyPremiums', table.monthlyPremiums]] as [string, RatePremiums][];
    // An annual column is all or nothing: a table stating it for some plans only is a typing slip.
    if (table.annualPremiums) tables.push(['annualPremiums', table.annualPremiums]);
    for (const [field, byKind] of tables) {
      for (const kind of ratedKinds) {
        const premiums = byKind[kind] ?? {};
        for (const plan of table.plans) {
          if (!Object.hasOwn(premiums, plan.id)) {
            ctx.addIssue({ code: 'custom', path: [field, kind, plan.id], message: field === 'annualPremiums' ? m.annualMissing(plan.name) : m.premiumMissing(plan.name) });
          }
        }
        for (const id of Object.keys(premiums)) {
          if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: [field, kind, id], message: m.premiumWithoutPlan(id) });
        }
      }
    }
    if (table.status !== 'confirmed') return;
    // Whatever an official table says is printed on customer documents as the insurer's.
    if (hasSampleWording(table.title)) ctx.addIssue({ code: 'custom', path: ['title'], message: m.sampleWording(m.sampleWordingTargets.title, table.title) });
    if (hasSampleWording(table.version)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: m.sampleWording(m.sampleWordingTargets.version, table.version) });
    }
    table.plans.forEach((plan, i) => {
      if (hasSampleWording(plan.name)) {
        ctx.addIssue({ code: 'custom', path: ['plans', i, 'name'], message: m.sampleWording(m.sampleWordingTargets.planName, plan.name) });
      }
    });
  });
export type RateTable = z.infer<typeof rateTableSchema>;
type RatePremiums = RateTable['monthlyPremiums'];

/** A premium looked up by own property only: a missing plan is `undefined`, never an inherited member. */
function premiumOf(byKind: RatePremiums | undefined, kind: RatedKind, planId: string): number | undefined {
  const premiums = byKind && Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
  if (!premiums || !Object.hasOwn(premiums, planId)) return undefined;
  const value = premiums[planId];
  return typeof value === 'number' ? value : undefined;
}

/** The monthly premium of a plan; `undefined` when the table has none for it. */
export function monthlyPremiumOf(table: Pick<RateTable, 'monthlyPremiums'>, kind: RatedKind, planId: string): number | undefined {
  return premiumOf(table.monthlyPremiums, kind, planId);
}

/** The annual premium of a plan as the table states it; `undefined` when the table states none. */
export function annualPremiumOf(table: Pick<RateTable, 'annualPremiums'>, kind: RatedKind, planId: string): number | undefined {
  return premiumOf(table.annualPremiums, kind, planId);
}
