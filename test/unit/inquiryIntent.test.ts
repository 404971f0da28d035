import { describe, expect, it } from 'vitest';
import { agencyTextProblem, initialAgencyTexts } from '../../shared/domain/agencyTexts.ts';
import { differingAnswers, finalIntentProblem, intentQuestionsToAsk, intentRecordInputSchema, type IntentQuestions } from '../../shared/domain/inquiryIntent.ts';
import { contentPackSchema } from '../../shared/content/contentPackSchema.ts';
import { bundledPack } from '../helpers/documentFixtures.ts';

const asked: IntentQuestions = { source: 'agency', version: 0, questions: ['補償を希望される内容', 'ご予算', '払込方法のご希望'] };
const issues = (input: unknown) => {
  const parsed = intentRecordInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('intent answers compared', () => {
  it('finds the questions whose final answer differs, ignoring width, spacing and line breaks', () => {
    expect(differingAnswers(['月１万円', '年払い', ' なし '], ['月1万円', '月払い', 'なし'])).toEqual([1]);
    expect(differingAnswers(['賠償\n費用', ''], ['賠償 費用', '未定'])).toEqual([1]);
  });

  it('asks for an explanation naming each differing question, and is satisfied by one', () => {
    const final = { questions: asked, answers: ['賠償', '月2万円', '月払い'], differsExplanation: '' };
    expect(finalIntentProblem({ answers: ['賠償', '月1万円', '年払い'] }, final)).toBe(
      '当初意向と異なる回答があります（「ご予算」、「払込方法のご希望」）。どう変わったか、その理由を「違いの説明」に記入してください。',
    );
    expect(finalIntentProblem({ answers: ['賠償', '月1万円', '年払い'] }, { ...final, differsExplanation: '分割にしたいとのこと' })).toBeNull();
    expect(finalIntentProblem({ answers: ['賠償', '月2万円', '月払い'] }, final)).toBeNull();
  });
});

describe('an intent record as staff send it', () => {
  const base = { inquiryId: 'i1', questions: asked, answers: ['賠償', '', ''] };

  it('needs a confirmation date on the final record only', () => {
    expect(issues({ ...base, stage: 'final' })).toEqual(['confirmedOn: 最終意向の確認日を入力してください。']);
    expect(issues({ ...base, stage: 'final', confirmedOn: '2026/12/01' })).toEqual(['confirmedOn: 確認日は 2026-11-24 の形の日付で入力してください。']);
    expect(issues({ ...base, stage: 'initial', confirmedOn: '2026-12-01' })).toEqual(['confirmedOn: 確認日は最終意向にだけ記録します。']);
  });

  it('refuses no answer at all, an answer per question missing, and an answer too long for the printed form', () => {
    expect(issues({ ...base, stage: 'initial', answers: ['', ' ', ''] })).toEqual(['answers: 少なくとも1問に回答を入力してください。']);
    expect(issues({ ...base, stage: 'initial', answers: ['賠償'] })).toEqual(['answers: 質問の数と回答の数が合いません。画面を開き直してください。']);
    expect(issues({ ...base, stage: 'initial', answers: ['あ'.repeat(51), '', ''] })).toEqual(['answers.0: 回答は1問50文字以内で入力してください。']);
  });
});

describe('which questions are asked', () => {
  it('asks the agency questions by default: neutral headings, no product claims', () => {
    const texts = initialAgencyTexts();
    expect(intentQuestionsToAsk(bundledPack, texts)).toEqual({
      source: 'agency',
      version: 0,
      questions: ['補償を希望される内容', 'ご予算', '保険期間・始期のご希望', '払込方法のご希望', '現在ご加入中の保険', 'その他のご要望'],
    });
    expect(agencyTextProblem('intentQuestions', texts.intentQuestions.value!)).toBeNull();
  });

  it('asks the insurer form in the pack instead, with its code and date', () => {
    const pack = contentPackSchema.parse({ ...bundledPack, intentForm: { code: 'SJ-IK-01', date: '2026年4月1日', questions: ['ご希望の補償', 'ご予算'] } });
    expect(intentQuestionsToAsk(pack, initialAgencyTexts())).toEqual({ source: 'pack', code: 'SJ-IK-01', date: '2026年4月1日', questions: ['ご希望の補償', 'ご予算'] });
  });

  it('refuses agency questions that would not fit the form', () => {
    expect(agencyTextProblem('intentQuestions', Array.from({ length: 11 }, (_, i) => `質問${i}`).join('\n'))).toContain('1〜10行');
    expect(agencyTextProblem('intentQuestions', 'あ'.repeat(31))).toContain('30文字以内');
  });
});
