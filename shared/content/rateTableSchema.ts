import { z } from 'zod';
import { rateTableMessages as m } from '../messages/rateTableMessages.ts';

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
    plans: z
      .array(z.object({ id: planIdSchema, name: z.string().trim().min(1, { message: m.planNameMissing }).max(60) }))
      .min(1, { message: m.plansMissing })
      .max(20),
    monthlyPremiums: z.record(z.enum(ratedKinds), z.record(planIdSchema, yen)),
  })
  .superRefine((table, ctx) => {
    const ids = new Set<string>();
    table.plans.forEach((plan, i) => {
      if (ids.has(plan.id)) ctx.addIssue({ code: 'custom', path: ['plans', i, 'id'], message: m.duplicatePlanId(plan.id) });
      ids.add(plan.id);
    });
    for (const kind of ratedKinds) {
      const premiums = table.monthlyPremiums[kind] ?? {};
      for (const plan of table.plans) {
        if (!Object.hasOwn(premiums, plan.id)) {
          ctx.addIssue({ code: 'custom', path: ['monthlyPremiums', kind, plan.id], message: m.premiumMissing(plan.name) });
        }
      }
      for (const id of Object.keys(premiums)) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['monthlyPremiums', kind, id], message: m.premiumWithoutPlan(id) });
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

/** The monthly premium of a plan, looked up by own property only: a missing plan is `undefined`, never an inherited member. */
export function monthlyPremiumOf(table: Pick<RateTable, 'monthlyPremiums'>, kind: RatedKind, planId: string): number | undefined {
  const premiums = Object.hasOwn(table.monthlyPremiums, kind) ? table.monthlyPremiums[kind] : undefined;
  if (!premiums || !Object.hasOwn(premiums, planId)) return undefined;
  const value = premiums[planId];
  return typeof value === 'number' ? value : undefined;
}
