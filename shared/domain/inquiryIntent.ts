import { z } from 'zod';
import { actorSchema } from './actor.ts';
import { agencyTextLines, type AgencyTexts } from './agencyTexts.ts';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { intentMessages as m } from '../messages/intentMessages.ts';
import { isDateOnly } from '../time/tokyoDate.ts';

/**
 * The customer's wishes on an inquiry (保険業法294条の2): the first answers (当初意向) and the
 * final ones confirmed before the contract (最終意向). Each record keeps the questions exactly as
 * they were asked, so a later edit of the questions never changes what an old answer answered.
 */
export const intentStages = ['initial', 'final'] as const;
export type IntentStage = (typeof intentStages)[number];
export const intentStageLabels: Record<IntentStage, string> = { initial: '当初意向', final: '最終意向' };

/** What one page of 意向確認書 holds with ten questions at the smallest size a FAX still reads (its layout test). */
export const maxIntentAnswerChars = 50;
export const maxIntentExplanationChars = 200;

/** The questions as asked: the agency's (with the version of its text) or the insurer's form in the pack. */
export const intentQuestionsSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('agency'), version: z.number().int().nonnegative(), questions: z.array(z.string().min(1).max(60)).min(1).max(10) }),
  z.object({ source: z.literal('pack'), code: z.string().min(1).max(40), date: z.string().min(1).max(20), questions: z.array(z.string().min(1).max(60)).min(1).max(10) }),
]);
export type IntentQuestions = z.infer<typeof intentQuestionsSchema>;

/** What a new record asks: the insurer's 意向確認書 when the pack carries one, else the agency's questions. */
export function intentQuestionsToAsk(pack: Pick<ContentPack, 'intentForm'>, texts: Pick<AgencyTexts, 'intentQuestions'>): IntentQuestions {
  if (pack.intentForm) return { source: 'pack', code: pack.intentForm.code, date: pack.intentForm.date, questions: [...pack.intentForm.questions] };
  return { source: 'agency', version: texts.intentQuestions.version, questions: agencyTextLines(texts.intentQuestions.value) };
}

/** Two question sets are the same when they ask the same words from the same source. */
export function sameQuestions(a: IntentQuestions, b: IntentQuestions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// eslint-disable-next-line no-control-regex -- line breaks are fine in an answer, other control characters are not
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const freeText = (max: number, tooLong: string) =>
  z
    .string()
    .refine((s) => !controlCharacters.test(s), { message: m.controlCharacters })
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { message: tooLong }));

/** Staff's record of one stage; the core checks it against the inquiry's earlier records. */
export const intentRecordInputSchema = z
  .object({
    inquiryId: z.string().min(1).max(64),
    stage: z.enum(intentStages),
    /** The questions the form showed: refused if they are no longer the ones to ask. */
    questions: intentQuestionsSchema,
    answers: z.array(freeText(maxIntentAnswerChars, m.answerTooLong(maxIntentAnswerChars))).min(1).max(10),
    /** Final only: the day the customer confirmed their final wishes. */
    confirmedOn: z.string().nullable().default(null),
    /** Final only: required when any answer differs from the initial one. */
    differsExplanation: freeText(maxIntentExplanationChars, m.explanationTooLong(maxIntentExplanationChars)).default(''),
  })
  .superRefine((input, ctx) => {
    if (input.answers.length !== input.questions.questions.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: m.answerCount });
    if (input.answers.every((a) => a === '')) ctx.addIssue({ code: 'custom', path: ['answers'], message: m.noAnswer });
    if (input.stage === 'final') {
      if (!input.confirmedOn) ctx.addIssue({ code: 'custom', path: ['confirmedOn'], message: m.confirmedOnRequired });
      else if (!isDateOnly(input.confirmedOn)) ctx.addIssue({ code: 'custom', path: ['confirmedOn'], message: m.confirmedOnFormat });
    } else {
      if (input.confirmedOn) ctx.addIssue({ code: 'custom', path: ['confirmedOn'], message: m.confirmedOnOnlyFinal });
      if (input.differsExplanation) ctx.addIssue({ code: 'custom', path: ['differsExplanation'], message: m.explanationOnlyFinal });
    }
  });
export type IntentRecordInput = z.input<typeof intentRecordInputSchema>;
export type IntentRecordArgs = z.output<typeof intentRecordInputSchema>;

export const intentRecordSchema = z.object({
  id: z.string(),
  inquiryId: z.string(),
  stage: z.enum(intentStages),
  questions: intentQuestionsSchema,
  answers: z.array(z.string()),
  differsExplanation: z.string(),
  confirmedOn: z.string().nullable(),
  /** Who recorded it, as they were then; null when nobody was chosen at the counter. */
  actor: actorSchema.nullable(),
  createdAt: z.string(),
  machine: z.string(),
});
export type IntentRecord = z.infer<typeof intentRecordSchema>;

export const inquiryIntentsSchema = z.object({
  /** The newest record of each stage: what stands now. */
  initial: intentRecordSchema.nullable(),
  final: intentRecordSchema.nullable(),
  /** Every record, newest first: a correction is a new record, the earlier ones stay. */
  history: z.array(intentRecordSchema),
  /** The questions a new record of each stage asks: a final record asks what the initial one asked. */
  asking: z.object({ initial: intentQuestionsSchema, final: intentQuestionsSchema }),
});
export type InquiryIntents = z.infer<typeof inquiryIntentsSchema>;

/** An answer as compared: width, spacing and line breaks do not make a different wish. */
const comparable = (answer: string | undefined) => (answer ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The indexes of the questions whose final answer differs from the initial one. */
export function differingAnswers(initial: readonly string[], final: readonly string[]): number[] {
  const count = Math.max(initial.length, final.length);
  return Array.from({ length: count }, (_, i) => i).filter((i) => comparable(initial[i]) !== comparable(final[i]));
}

/** Why a final record cannot be saved against this initial one (explanation missing), in Japanese; null when it can. */
export function finalIntentProblem(initial: Pick<IntentRecord, 'answers'>, final: { questions: IntentQuestions; answers: readonly string[]; differsExplanation: string }): string | null {
  const differing = differingAnswers(initial.answers, final.answers);
  if (differing.length === 0 || final.differsExplanation.trim() !== '') return null;
  return m.explanationRequired(differing.map((i) => final.questions.questions[i] ?? `${i + 1}問目`));
}
