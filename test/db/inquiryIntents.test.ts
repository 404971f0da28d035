import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { readAgencyTexts, updateAgencyText } from '../../electron/core/db/repos/agencyTexts.ts';
import { createClinic, setClinicArchived } from '../../electron/core/db/repos/clinicRecords.ts';
import { createInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { finalIntentConfirmed, finalIntentQuestions, intentsOf, recordIntent } from '../../electron/core/db/repos/inquiryIntents.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { updateSettings } from '../../electron/core/db/repos/settings.ts';
import { createStaff } from '../../electron/core/db/repos/staff.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { intentQuestionsToAsk, intentRecordInputSchema, type IntentQuestions, type IntentRecordInput } from '../../shared/domain/inquiryIntent.ts';
import { tempDir } from '../helpers/tempDir.ts';

const noPack = { intentForm: undefined };
let clock = Date.parse('2026-12-01T01:00:00.000Z');
/** Each write a second after the last, so the order of records is the order they were made. */
const ctx = { machineId: 'machine-a', now: () => new Date((clock += 1000)) };

function setUp(): { db: Db; inquiryId: string; clinicId: string; asked: IntentQuestions } {
  const db = openDatabase(path.join(tempDir(), 'intents.sqlite3'));
  migrate(db, migrations);
  const clinic = createClinic(db, clinicInputSchema.parse({ name: '霧島中央クリニック' }), ctx);
  const inquiry = createInquiry(db, clinic.id, { receivedOn: '2026-12-01', channel: 'phone', content: '', nextActionOn: null, staffId: null }, ctx);
  return { db, inquiryId: inquiry.id, clinicId: clinic.id, asked: intentQuestionsToAsk(noPack, readAgencyTexts(db)) };
}

const record = (db: Db, input: IntentRecordInput) => recordIntent(db, intentRecordInputSchema.parse(input), intentQuestionsToAsk(noPack, readAgencyTexts(db)), ctx);
const answers = (...given: string[]) => [...given, ...Array(6).fill('')].slice(0, 6);

describe('intent records (意向把握・意向確認)', () => {
  it('keeps the initial and final answers with who recorded them; the final one confirms the intent', () => {
    const { db, inquiryId, asked } = setUp();
    const staff = createStaff(db, '窓口 花子', ctx);
    updateSettings(db, { currentStaffId: staff.id });
    expect(finalIntentConfirmed(db, inquiryId)).toBe(false);
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償', '月1万円') });
    expect(finalIntentConfirmed(db, inquiryId)).toBe(false);
    record(db, { inquiryId, stage: 'final', questions: asked, answers: answers('賠償', '月1万円'), confirmedOn: '2026-12-01' });
    expect(finalIntentConfirmed(db, inquiryId)).toBe(true);
    const { initial, final } = intentsOf(db, inquiryId);
    expect(initial).toMatchObject({ answers: answers('賠償', '月1万円'), actor: { staffId: staff.id, name: '窓口 花子' }, confirmedOn: null });
    expect(final).toMatchObject({ confirmedOn: '2026-12-01', actor: { name: '窓口 花子' } });
  });

  it('refuses a final answer that differs from the initial one without an explanation, naming the question', () => {
    const { db, inquiryId, asked } = setUp();
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償', '月1万円') });
    const differing = { inquiryId, stage: 'final' as const, questions: asked, answers: answers('賠償', '月2万円'), confirmedOn: '2026-12-01' };
    expect(() => record(db, differing)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('「ご予算」') }));
    expect(finalIntentConfirmed(db, inquiryId)).toBe(false);
    record(db, { ...differing, differsExplanation: '補償を手厚くするため' });
    expect(intentsOf(db, inquiryId).final?.differsExplanation).toBe('補償を手厚くするため');
  });

  it('asks for the initial intent before a final one, and refuses a confirmation date in the future', () => {
    const { db, inquiryId, asked } = setUp();
    expect(() => record(db, { inquiryId, stage: 'final', questions: asked, answers: answers('賠償'), confirmedOn: '2026-12-01' })).toThrow(expect.objectContaining({ message: expect.stringContaining('先に当初意向') }));
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償') });
    expect(() => record(db, { inquiryId, stage: 'final', questions: asked, answers: answers('賠償'), confirmedOn: '2099-01-01' })).toThrow(expect.objectContaining({ fields: { confirmedOn: expect.stringContaining('未来') } }));
  });

  it('an initial intent heard again after the final one needs confirming again', () => {
    const { db, inquiryId, asked } = setUp();
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償') });
    record(db, { inquiryId, stage: 'final', questions: asked, answers: answers('賠償'), confirmedOn: '2026-12-01' });
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償と復旧費用') });
    expect(finalIntentConfirmed(db, inquiryId)).toBe(false);
    expect(intentsOf(db, inquiryId).history.map((r) => r.stage)).toEqual(['initial', 'final', 'initial']);
  });

  it('keeps the questions as they were asked after the agency edits them, and the final record asks those again', () => {
    const { db, inquiryId, asked } = setUp();
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償') });
    updateAgencyText(db, { key: 'intentQuestions', value: 'ご希望の補償\nご予算', expectedVersion: 0 }, ctx);
    expect(intentsOf(db, inquiryId).initial?.questions).toEqual(asked);
    expect(finalIntentQuestions(db, inquiryId)).toEqual(asked);
    // A form still showing the old questions cannot start a new initial record under them.
    expect(() => record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償') })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const renewed = intentQuestionsToAsk(noPack, readAgencyTexts(db));
    expect(renewed).toEqual({ source: 'agency', version: 1, questions: ['ご希望の補償', 'ご予算'] });
    record(db, { inquiryId, stage: 'final', questions: asked, answers: answers('賠償'), confirmedOn: '2026-12-01' });
    expect(finalIntentConfirmed(db, inquiryId)).toBe(true);
  });

  it('never lets a record be edited or deleted, so the trail stays as written', () => {
    const { db, inquiryId, asked } = setUp();
    const saved = record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償') });
    expect(() => db.prepare("UPDATE inquiry_intents SET answers = '[]' WHERE id = ?").run(saved.id)).toThrow(/insert-only/);
    expect(() => db.prepare('DELETE FROM inquiry_intents WHERE id = ?').run(saved.id)).toThrow(/insert-only/);
    expect(intentsOf(db, inquiryId).initial?.answers).toEqual(answers('賠償'));
  });

  it('完全削除 of an archived clinic takes its inquiries intent records with it', () => {
    const { db, inquiryId, clinicId, asked } = setUp();
    record(db, { inquiryId, stage: 'initial', questions: asked, answers: answers('賠償') });
    setClinicArchived(db, clinicId, true, ctx);
    db.prepare("UPDATE inquiries SET status = 'declined'").run();
    expect(purgeArchived(db)).toMatchObject({ clinics: 1, inquiries: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_intents').get()).toEqual({ n: 0 });
    // The guard is back on once the purge is done.
    expect(db.prepare('SELECT erasing FROM audit_erasing').get()).toEqual({ erasing: 0 });
  });
});
