/** What a schema object is, in words staff can pass on to whoever looks after the PC. */
const objectKinds: Record<string, string> = { table: '表', index: '索引', trigger: 'トリガー（自動で動く処理）', view: 'ビュー' };
const kindLabel = (type: string) => objectKinds[type] ?? type;
/** A name read from a crafted file is shown, but never at any length. */
const shown = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);

const tokyoParts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const partsOf = (date: Date) => Object.fromEntries(tokyoParts.formatToParts(date).map((p) => [p.type, p.value]));

/** 「12月3日 17:21」 in Japan's time, with the year only when it is not this year. */
export function backupTimeLabel(createdAt: Date, now: Date): string {
  const at = partsOf(createdAt);
  const year = at.year === partsOf(now).year ? '' : `${at.year}年`;
  return `${year}${at.month}月${at.day}日 ${at.hour}:${at.minute}`;
}

/** The settings a backup keeps, as 設定 names them (a key read from a crafted file is shown as it is). */
const settingNames: Record<string, string> = {
  machine_id: 'この端末の識別番号',
  receipt_prefix: '受付番号の記号',
  date_style: '日付の表示',
  current_staff_id: '窓口の担当者',
  backup_made_at: 'バックアップの日時',
};

/** The app's tables, as staff know what they hold (a name read from a crafted file is shown as it is). */
const tableNames: Record<string, string> = {
  clinics: '医療機関',
  inquiries: '問い合わせ',
  inquiry_status_history: '問い合わせの状況の履歴',
  inquiry_quotes: '保存した試算',
  document_outputs: '送付・印刷の記録',
  content_changes: '内容の更新履歴',
  staff: '担当者',
  receipt_sequences: '受付番号の連番',
  app_meta: '設定',
};

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
  passwordTooShort: (min: number) => `パスワードは${min}文字以上にしてください`,
  extraObject: (type: string, name: string) => `このバックアップには、このアプリが作らない${kindLabel(type)}「${shown(name)}」が含まれています。`,
  missingObject: (type: string, name: string) => `このバックアップには、あるはずの${kindLabel(type)}「${shown(name)}」がありません。`,
  changedObject: (type: string, name: string) => `このバックアップの${kindLabel(type)}「${shown(name)}」の定義が、このアプリのものと違います。`,
  versionMismatch: (recorded: number, actual: number) =>
    `このバックアップは版${recorded}と記録されていますが、中身は版${actual}のものです。書き換えられたファイルの可能性があります。`,
  danglingReference: (table: string) => `このバックアップには、参照先のない記録があります（${tableNames[table] ?? shown(table)}）。`,
  badRow: (where: string) => `このバックアップの${where}に、このアプリが書かない内容があります。`,
  cannotUpgrade: 'このバックアップを今のバージョンの形式に更新できませんでした。',
  whereQuote: '保存した試算',
  whereSetting: (key: string) => `設定「${settingNames[key] ?? shown(key)}」`,
  whereContentChange: '内容の更新履歴',
  /** Every refusal ends by saying what did not happen. */
  restoreRefused: (reason: string) => `${reason}復元は行っていません。現在のデータはそのままです。`,
  addRefused: (reason: string) => `${reason}一覧には追加していません。`,
  restored: (when: string, counts: { clinics: number; inquiries: number }) =>
    `${when} のバックアップ（医療機関 ${counts.clinics.toLocaleString('ja-JP')}件・問い合わせ ${counts.inquiries.toLocaleString('ja-JP')}件）を復元しました。`,
  restoredSafety: '復元する前のデータも「復元前」のバックアップとして一覧に残っています。',
  exportName: (date: string) => `医療機関サイバー保険_バックアップ_${date}.sqlite3`,
  encryptedExportName: (date: string) => `医療機関サイバー保険_バックアップ_${date}（暗号化）.ccbak`,
} as const;
