/** Japanese messages about the customer's wishes (意向把握・意向確認, 保険業法294条の2). */
export const intentMessages = {
  answerTooLong: (max: number) => `回答は1問${max}文字以内で入力してください。`,
  explanationTooLong: (max: number) => `違いの説明は${max}文字以内で入力してください。`,
  controlCharacters: '使えない文字（制御文字）が含まれています。',
  noAnswer: '少なくとも1問に回答を入力してください。',
  answerCount: '質問の数と回答の数が合いません。画面を開き直してください。',
  confirmedOnRequired: '最終意向の確認日を入力してください。',
  confirmedOnFormat: '確認日は 2026-11-24 の形の日付で入力してください。',
  confirmedOnInFuture: '確認日に未来の日付は入れられません。',
  confirmedOnBeforeInitial: '確認日は当初意向を記録した日より前にはできません。',
  confirmedOnOnlyFinal: '確認日は最終意向にだけ記録します。',
  explanationOnlyFinal: '違いの説明は最終意向にだけ記録します。',
  initialFirst: '先に当初意向を記録してください（最終意向は当初意向と比べて確認します）。',
  explanationRequired: (questions: readonly string[]) =>
    `当初意向と異なる回答があります（${questions.map((q) => `「${q}」`).join('、')}）。どう変わったか、その理由を「違いの説明」に記入してください。`,
  questionsChanged: '質問がほかの窓口で変更されました。画面を開き直して、最新の質問で記録してください。',
  notFound: '問い合わせが見つかりません。',
  archived: 'アーカイブした問い合わせには記録できません。',
  immutable: '意向の記録は変更・削除できません。訂正は新しい記録として追加してください。',
} as const;
