import { z } from 'zod';
import { importantMattersMessages as m } from '../messages/importantMattersMessages.ts';
import { isDateOnly } from '../time/tokyoDate.ts';
import { actorSchema } from './actor.ts';

/** How the document went to the clinic: 手渡し／郵送／FAX／メール. */
export const handoverMethods = ['hand', 'post', 'fax', 'email'] as const;
export type HandoverMethod = (typeof handoverMethods)[number];

const recordId = z.string().min(1).max(64);
const date = (message: string) => z.string({ message }).refine(isDateOnly, { message });

/**
 * What staff record when the insurer's important-matters document was handed over: the day, the
 * version (its code and 作成日 as printed on it) and how. The day is checked against today and
 * the inquiry's 受付日 where both are known (the core).
 */
export const recordHandoverInputSchema = z.object({
  inquiryId: recordId,
  handedOn: z.string({ message: m.handedOnRequired }).min(1, { message: m.handedOnRequired }).refine(isDateOnly, { message: m.handedOnNotDate }),
  docCode: z.string({ message: m.docCodeRequired }).trim().min(1, { message: m.docCodeRequired }).max(40, { message: m.docCodeTooLong }),
  docDate: date(m.docDateNotDate),
  method: z.enum(handoverMethods, { message: m.methodRequired }),
});
export type RecordHandoverInput = z.infer<typeof recordHandoverInputSchema>;

/** A handover recorded by mistake is withdrawn by a new record that says why; the first stays. */
export const withdrawHandoverInputSchema = z.object({
  inquiryId: recordId,
  handoverId: recordId,
  reason: z.string({ message: m.reasonRequired }).trim().min(1, { message: m.reasonRequired }).max(200, { message: m.reasonTooLong }),
});
export type WithdrawHandoverInput = z.infer<typeof withdrawHandoverInputSchema>;

/** One handover as the inquiry lists it, with its withdrawal when there is one. */
export const handoverSchema = z.object({
  id: z.string(),
  inquiryId: z.string(),
  handedOn: z.string(),
  docCode: z.string(),
  docDate: z.string(),
  method: z.enum(handoverMethods),
  /** Who handed it over, as they were then; null for nobody chosen at the counter. */
  actor: actorSchema.nullable(),
  createdAt: z.string(),
  withdrawal: z.object({ id: z.string(), reason: z.string(), actor: actorSchema.nullable(), createdAt: z.string() }).nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

/** The pack's important-matters document as 設定 and the inquiry see it. */
export const importantMattersDocSchema = z.object({ code: z.string(), date: z.string() }).nullable();
