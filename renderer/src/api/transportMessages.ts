/** Japanese messages for failures the renderer itself detects (network, file picking, jobs). */
export const transportMessages = {
  badResponse: 'サーバーからの応答を読み取れませんでした。画面を再読み込みしてからもう一度お試しください。',
  missingToken: 'このページは起動時に表示されたURLから開いてください（認証情報がありません）。',
  fileTooLarge: (limitText: string) => `ファイルが大きすぎます。${limitText}以下のファイルを選んでください。`,
  downloadFailed: 'ファイルを保存できませんでした。もう一度お試しください。',
  jobResultInvalid: '処理の結果を読み取れませんでした。もう一度お試しください。',
} as const;
