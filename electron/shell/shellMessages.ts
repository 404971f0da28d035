/** Japanese text the shell itself shows: start-up failures, crashes, file dialogs. */
export const shellMessages = {
  startupFailedTitle: '医療機関サイバー保険 窓口を起動できません',
  readOnlyTitle: 'データの保存場所に書き込めません',
  startupFailed:
    'データを開けなかったため起動できませんでした。パソコンを再起動してからもう一度お試しください。解決しない場合は担当者に連絡してください。',
  unexpectedErrorTitle: 'エラーが発生しました',
  unexpectedError:
    '予期しないエラーが発生しました。入力中の内容を確認し、アプリを終了してから起動し直してください。解決しない場合は担当者に連絡してください。',
  damagedTitle: 'データのファイルが壊れています',
  damagedRestoreOffer: (backupLabel: string, counts: string) =>
    `データのファイルが壊れているため開けませんでした。壊れたファイルは消さずに「damaged」フォルダに残します。\n\n` +
    `最新のバックアップ（${backupLabel}、${counts}）から復元して起動しますか？ バックアップより後に入力した内容は含まれません。`,
  damagedNoBackup:
    'データのファイルが壊れているため開けませんでした。復元できるバックアップが見つかりません。ファイルはそのまま残しています。担当者に連絡してください。',
  missingTitle: 'データのファイルが見つかりません',
  missingRestoreOffer: (backupLabel: string, counts: string) =>
    `データのファイルが見つからないか、空になっています。空のデータでは始めません（空のファイルがあれば「damaged」フォルダに残します）。\n\n` +
    `最新のバックアップ（${backupLabel}、${counts}）から復元して起動しますか？ バックアップより後に入力した内容は含まれません。`,
  restoreAndStart: '最新のバックアップから復元して起動',
  quit: '終了',
  appName: '医療機関サイバー保険 窓口',
  aboutTitle: 'バージョン情報',
  aboutDetail: (version: string, dataDir: string) => `バージョン ${version}\nデータの保存場所：${dataDir}`,
  unsavedTitle: '保存していない入力があります',
  unsavedMessage: '保存していない入力があります。このまま閉じると、入力した内容は失われます。閉じますか？',
  closeAnyway: '保存せずに閉じる',
  keepEditing: '入力に戻る',
  openFileTitle: 'ファイルを選択',
  saveFileTitle: 'ファイルの保存先を選択',
  saveFolderTitle: '医療機関ごとのPDFを保存するフォルダを選択',
  saveFolderButton: 'このフォルダに保存',
  fileTypeLabel: (extension: string) => `${extension.toUpperCase()}ファイル`,
} as const;
