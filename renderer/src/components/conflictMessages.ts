/** What a form says when its record changed under it: one place for the wording of every form. */
export const conflictMessages = {
  /** Shown quietly while editing: the draft stays as typed. */
  changedWhileEditing: 'この記録はほかの画面で変更されました。入力中の内容はそのままです。保存する前に確認したいときは、入力をやめて開き直してください。',
  refused:
    'この記録は、画面を開いた後にほかの画面または端末で変更されていたため、保存しませんでした。下の表で変更された内容を確認し、最新の記録を読み込むか、あなたの入力を最新の記録に反映してからもう一度保存してください。',
  tableCaption: 'ほかの画面で変更された項目',
  fieldHeader: '項目',
  openedHeader: '開いたとき',
  currentHeader: '現在',
  mineHeader: 'あなたの入力',
  empty: '（空欄）',
  unchangedMine: '（変更なし）',
  reload: '最新の記録を読み込む（入力を破棄）',
  reapply: '最新の記録にあなたの入力を反映',
  loadFailed: '最新の記録を読み込めませんでした。もう一度お試しください。',
  reapplied: '最新の記録にあなたの入力を反映しました。内容を確認して、もう一度保存してください。',
  reloaded: '最新の記録を読み込みました。',
} as const;
