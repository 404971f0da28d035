import { z } from 'zod';

/** Kinds the flyer's table covers: clinics only; 病院 and 老健 are quoted by the agency. */
export const ratedKinds = ['clinic_no_beds', 'clinic_with_beds'] as const;
export type RatedKind = (typeof ratedKinds)[number];

const yen = z.number({ message: '保険料は数字で書いてください' }).int({ message: '保険料は円単位の整数で書いてください' }).positive({ message: '保険料は1円以上で書いてください' });

/**
 * A premium table under the flyer's stated conditions. `sample` tables carry made-up figures
 * for staff practice and must never reach a customer document; `confirmed` ones are the
 * insurer's official figures as entered by the agency.
 */
export const rateTableSchema = z
  .object({
    schemaVersion: z.literal(1, { message: '保険料表の形式（schemaVersion）が対応していません' }),
    version: z.string().min(1, { message: '保険料表の版がありません' }).max(60),
    status: z.enum(['sample', 'confirmed'], { message: '保険料表の状態は sample か confirmed です' }),
    packCode: z.string().min(1, { message: '対応するチラシの文書番号がありません' }),
    title: z.string().min(1),
    conditions: z.array(z.string().min(1)).min(1, { message: '保険料の条件がありません' }),
    /** How figures are derived, written down so staff and auditors can check a quote by hand. */
    roundingRule: z.string().min(1, { message: '端数処理の説明がありません' }),
    plans: z
      .array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, { message: 'プランIDは英数字で書いてください' }), name: z.string().min(1, { message: 'プラン名がありません' }) }))
      .min(1, { message: 'プランがありません' }),
    monthlyPremiums: z.record(z.enum(ratedKinds), z.record(z.string(), yen)),
  })
  .superRefine((table, ctx) => {
    for (const kind of ratedKinds) {
      for (const plan of table.plans) {
        if (table.monthlyPremiums[kind]?.[plan.id] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['monthlyPremiums', kind, plan.id], message: `「${plan.name}」の保険料がありません` });
        }
      }
    }
  });
export type RateTable = z.infer<typeof rateTableSchema>;
