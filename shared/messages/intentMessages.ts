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

/** What the inquiry's 「意向の把握・確認」 section and its form say. */
export const intentScreenMessages = {
  loadFailed: '意向の記録を読み込めませんでした。',
  saveFailed: '意向を記録できませんでした。',
  none: 'まだ記録されていません。お客さまのご意向（補償・予算・期間など）を伺ったら「当初意向を記録」で残してください。',
  finalMissing: '最終意向はまだ確認されていません。申込の前に、当初意向と比べて確認してください。',
  finalStale: '最終意向の確認の後に当初意向が記録し直されました。最終意向をもう一度確認してください。',
  recordedInitial: '当初意向を記録しました。',
  recordedFinal: '最終意向を記録しました。',
  differs: '当初意向と異なります',
  fromPack: (code: string, date: string) => `保険会社の意向確認書（${code} ${date}）の質問です。`,
  fromAgency: (version: number) => `代理店の質問（版${version}）です。`,
  noPatientData: '患者さんの情報（氏名・病名など）は入力しないでください。',
  discard: '入力した意向は保存されていません。閉じますか？',
  explanationHint: '当初意向と異なる回答があるときは、どう変わったか、その理由を記入します。',
  printFailed: '印刷の画面を開けませんでした。',
} as const;
