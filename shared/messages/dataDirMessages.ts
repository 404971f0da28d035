/** Japanese messages about the data folder itself (where the database, backups and logs live). */
export const dataDirMessages = {
  /** At start: the folder (or a file in it) cannot be written by this Windows/macOS user. */
  readOnlyAtStart: (dataDir: string) =>
    `データの保存場所に書き込めないため、起動できませんでした。\n\n保存場所：${dataDir}\n\n` +
    'このフォルダーが読み取り専用になっているか、いまのユーザーに書き込みの権限がありません。' +
    'データは変更していません。パソコンの管理者に、このフォルダー（と中のファイル）への書き込みを許可してもらってから、もう一度起動してください。',
} as const;
