/** Japanese messages for every error code a transport can return: what a clerk can act on. */
export const errorMessages = {
  BAD_REQUEST: '要求の形式が正しくありません。画面を再読み込みしてからもう一度お試しください。',
  UNKNOWN_CHANNEL: 'この操作はこのバージョンのアプリでは使えません。',
  INVALID_INPUT: '入力内容に誤りがあります。',
  UNAUTHORIZED: 'このアプリの画面以外からの操作は受け付けません。表示されたURLから開き直してください。',
  FORBIDDEN: '許可されていない画面からの操作のため、受け付けませんでした。',
  PAYLOAD_TOO_LARGE: 'データが大きすぎるため受け付けられません。',
  NOT_FOUND: '指定された記録が見つかりません。削除またはアーカイブされた可能性があります。',
  JOB_NOT_FOUND: '指定された処理が見つかりません。すでに終了した可能性があります。',
  FILE_NOT_FOUND: 'ファイルが見つかりません。もう一度ファイルを選び直してください。',
  INVALID_FILE: 'ファイルの内容を読み取れませんでした。ファイルの種類と中身を確認してください。',
  FILE_WRITE_FAILED:
    'ファイルを保存できませんでした。同じ名前のファイルを開いている場合は閉じてから、または別の場所を選んでもう一度お試しください。',
  UNAVAILABLE:
    'アプリの本体に接続できません。アプリ（またはプレビュー）が起動しているか確認し、画面を再読み込みしてください。',
  CANCELLED: '処理を中止しました。',
  TOO_MANY_WINDOWS:
    'このアプリの画面（タブやウィンドウ）が多く開かれているため、これ以上つなげません。使っていないタブを閉じてから、画面を再読み込みしてください。',
  BUSY: 'ほかの処理（取り込み・書類の作成・データの更新など）が終わってから、もう一度お試しください。',
  CONFLICT:
    'この記録は、画面を開いた後にほかの画面または端末で変更されています。変更は保存していません。最新の内容を確認してから、もう一度保存してください。',
  INTERNAL: '予期しないエラーが発生しました。操作は保存されていません。もう一度お試しください。',
  DB_LOCKED:
    'このデータは別のウィンドウで使用中です。先に開いているアプリを閉じてから、もう一度起動してください。',
  DB_DAMAGED:
    'データのファイルが壊れているため開けませんでした。壊れたファイルはそのまま残し、上書きしません。最新のバックアップから復元できます。',
  DB_TOO_NEW:
    'このデータは新しいバージョンのアプリで作成されています。アプリを最新版に更新してから開いてください。',
} as const;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];
