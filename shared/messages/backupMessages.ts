/** Japanese messages about backups: listing, carrying a copy away, bringing it back, restoring. */
export const backupMessages = {
  notFound: '指定されたバックアップが見つかりません。一覧を開き直してください。',
  notOurBackup: 'このファイルはこのアプリのバックアップではありません。',
  damaged: 'バックアップファイルが壊れています。',
  tooNew: 'このバックアップは新しいバージョンのアプリで作成されています。アプリを更新してから復元してください。',
  unreadable: 'バックアップファイルを読み取れませんでした。',
  passwordNeeded: 'このバックアップはパスワードで保護されています。パスワードを入力してください。',
  passwordNeededField: 'パスワードを入力してください',
  wrongPassword: 'パスワードが違うか、ファイルが壊れています。',
  wrongPasswordField: 'パスワードを確認してください',
  exportName: (date: string) => `医療機関サイバー保険_バックアップ_${date}.sqlite3`,
  encryptedExportName: (date: string) => `医療機関サイバー保険_バックアップ_${date}（暗号化）.ccbak`,
} as const;
