/** Japanese sentences the replication engine reports in its status (indicator tooltip, 設定 → 同期). */
export const syncEngineMessages = {
  unreachable: '共有サーバーに接続できません。ネットワークとサーバーの電源を確認してください。接続できしだい自動で送受信します。',
  unauthorized: '共有サーバーにログインできません（ユーザー名またはパスワードが違います）。設定 → 複数の端末で使う で確認してください。',
  forbidden: 'この端末のユーザーには共有データを使う権限がありません。サーバーの管理者に確認してください。',
  clockSkew:
    'この端末の時計がずれています（共有サーバーと2分以上の差があります）。Windows の「日付と時刻」で時刻を自動で合わせてから、もう一度お試しください。それまでは変更を保存できません。',
  updateApp: 'このアプリを更新してください。共有サーバーは新しいバージョンのアプリからの変更だけを受け付けます（受信は続けています）。',
} as const;
