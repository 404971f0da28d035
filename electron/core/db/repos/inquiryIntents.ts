import { parseActor } from '../../../../shared/domain/actor.ts';
import {
  finalIntentProblem,
  intentRecordSchema,
  sameQuestions,
  type IntentQuestions,
  type IntentRecord,
  type IntentRecordArgs,
  type IntentStage,
} from '../../../../shared/domain/inquiryIntent.ts';
import { intentMessages as m } from '../../../../shared/messages/intentMessages.ts';
import { tokyoDateString, tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import { newRecordId } from '../recordIds.ts';
import { actorText, currentActor } from './actor.ts';
import type { WriteContext } from './writeContext.ts';

interface IntentRow {
  id: string;
  inquiry_id: string;
  stage: IntentStage;
  questions: string;
  answers: string;
  differs_explanation: string;
  confirmed_on: string | null;
  actor: string | null;
  created_at: string;
  machine: string;
}

const toIntent = (row: IntentRow): IntentRecord =>
  intentRecordSchema.parse({
    id: row.id,
    inquiryId: row.inquiry_id,
    stage: row.stage,
    questions: JSON.parse(row.questions),
    answers: JSON.parse(row.answers),
    differsExplanation: row.differs_explanation,
    confirmedOn: row.confirmed_on,
    actor: parseActor(row.actor),
    createdAt: row.created_at,
    machine: row.machine,
  });

/** Newest first; ids are time-ordered, so records of the same millisecond keep the order they were made in. */
const selectIntents = 'SELECT * FROM inquiry_intents WHERE inquiry_id = ? ORDER BY created_at DESC, id DESC';

function latestOf(db: Db, inquiryId: string, stage: IntentStage): IntentRecord | null {
  const row = statement(db, 'SELECT * FROM inquiry_intents WHERE inquiry_id = ? AND stage = ? ORDER BY created_at DESC, id DESC LIMIT 1').get(inquiryId, stage) as IntentRow | undefined;
  return row ? toIntent(row) : null;
}

/** The records of an inquiry: the newest of each stage (what stands now) and every record, newest first. */
export function intentsOf(db: Db, inquiryId: string): { initial: IntentRecord | null; final: IntentRecord | null; history: IntentRecord[] } {
  const history = (statement(db, selectIntents).all(inquiryId) as IntentRow[]).map(toIntent);
  return { initial: history.find((r) => r.stage === 'initial') ?? null, final: history.find((r) => r.stage === 'final') ?? null, history };
}

/** The questions a final record asks: those the standing initial record asked, so the two compare answer by answer. */
export function finalIntentQuestions(db: Db, inquiryId: string): IntentQuestions | null {
  return latestOf(db, inquiryId, 'initial')?.questions ?? null;
}

const isNewer = (a: IntentRecord, b: IntentRecord) => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/**
 * Whether the customer's final wishes are confirmed: a final record stands and no initial record
 * was made after it (wishes heard again must be confirmed again). The 申込/成約 gates ask this.
 */
export function finalIntentConfirmed(db: Db, inquiryId: string): boolean {
  const final = latestOf(db, inquiryId, 'final');
  const initial = latestOf(db, inquiryId, 'initial');
  return final !== null && initial !== null && isNewer(final, initial);
}

/**
 * Records one stage of the customer's wishes, as a new row (records are never edited). An initial
 * record asks `initialQuestions` (the pack's 意向確認書 or the agency's questions now); a final
 * one asks what the standing initial record asked, and needs an explanation where answers differ.
 */
export function recordIntent(db: Db, input: IntentRecordArgs, initialQuestions: IntentQuestions, ctx: WriteContext): IntentRecord {
  const nowDate = ctx.now?.() ?? new Date();
  const now = nowDate.toISOString();
  return db.transaction(() => {
    const inquiry = statement(db, 'SELECT archived_at FROM inquiries WHERE id = ?').get(input.inquiryId) as { archived_at: string | null } | undefined;
    if (!inquiry) throw new AppError('NOT_FOUND', m.notFound);
    if (inquiry.archived_at) throw new AppError('INVALID_INPUT', m.archived);
    const initial = latestOf(db, input.inquiryId, 'initial');
    if (input.stage === 'final' && !initial) throw new AppError('INVALID_INPUT', m.initialFirst);
    const expected = input.stage === 'final' ? initial!.questions : initialQuestions;
    if (!sameQuestions(input.questions, expected)) throw new AppError('CONFLICT', m.questionsChanged);
    if (input.stage === 'final') {
      const confirmedOn = input.confirmedOn!;
      if (confirmedOn > tokyoToday(nowDate)) throw new AppError('INVALID_INPUT', m.confirmedOnInFuture, { confirmedOn: m.confirmedOnInFuture });
      if (confirmedOn < tokyoDateString(new Date(initial!.createdAt))) throw new AppError('INVALID_INPUT', m.confirmedOnBeforeInitial, { confirmedOn: m.confirmedOnBeforeInitial });
      const problem = finalIntentProblem(initial!, input);
      if (problem) throw new AppError('INVALID_INPUT', problem, { differsExplanation: problem });
    }
    const id = newRecordId();
    statement(
      db,
      `INSERT INTO inquiry_intents (id, inquiry_id, stage, questions, answers, differs_explanation, confirmed_on, actor, created_at, machine)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.inquiryId,
      input.stage,
      JSON.stringify(expected),
      JSON.stringify(input.answers),
      input.stage === 'final' ? input.differsExplanation : '',
      input.stage === 'final' ? input.confirmedOn : null,
      actorText(currentActor(db)),
      now,
      ctx.machineId,
    );
    return toIntent(statement(db, 'SELECT * FROM inquiry_intents WHERE id = ?').get(id) as IntentRow);
  })();
}
