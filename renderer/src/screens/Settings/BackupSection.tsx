import { useState } from 'react';
import { backupReasonLabels, minBackupPasswordChars as minPasswordChars, type BackupInfoDto } from '../../../../shared/domain/backup.ts';
import { backupMessages } from '../../../../shared/messages/backupMessages.ts';
import { FormField } from '../../components/FormField.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { formatBytes, formatCount } from '../../format/formatNumber.ts';
import { useBackupStore } from '../../stores/backupStore.ts';
import { queries } from '../../query/queries.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { useQuery } from '@tanstack/react-query';
import '../../styles/backup.css';
import { UnsentBeforeRestore } from './UnsentBeforeRestore.tsx';

function countsLabel(backup: BackupInfoDto): string {
  return backup.counts ? `医療機関 ${formatCount(backup.counts.clinics)}・問い合わせ ${formatCount(backup.counts.inquiries)}` : '件数を読み取れません';
}

/** 設定 → バックアップ: what is kept, a copy now, a copy elsewhere, and going back to one. */
export function BackupSection() {
  const listed = useQuery(queries.backups());
  const items = listed.data ?? null;
  const loadError = listed.error ? errorMessageOf(listed.error, 'バックアップの一覧を読み込めませんでした。') : null;
  const busy = useBackupStore((s) => s.busy);
  const message = useBackupStore((s) => s.message);
  const backupNow = useBackupStore((s) => s.backupNow);
  const addFromFile = useBackupStore((s) => s.addFromFile);
  const takeRestoredNote = useBackupStore((s) => s.takeRestoredNote);
  const dateStyle = useDateStyle();
  const [restoredNote] = useState(takeRestoredNote);
  const [copying, setCopying] = useState<BackupInfoDto | null>(null);
  const [restoring, setRestoring] = useState<BackupInfoDto | null>(null);
  const [passwordFor, setPasswordFor] = useState<string | null>(null);

  // A backup is named by when its data was taken; a copy brought back also says when it came.
  const describe = (backup: BackupInfoDto) => formatDateTime(backup.madeAt, dateStyle);
  const reasonLabel = (backup: BackupInfoDto) =>
    backup.reason === 'imported' ? `${backupReasonLabels.imported}（${formatDateTime(backup.createdAt, dateStyle)} 読み込み）` : backupReasonLabels[backup.reason];

  return (
    <section className="panel" aria-labelledby="settings-backup">
      <h2 id="settings-backup">バックアップ</h2>
      <p className="field-hint">
        アプリを使っている間、1日に1回自動でバックアップを取ります（取り込み・完全削除・更新の前にも取ります）。直近7日分と4週分に加えて、12か月分（各月の最新1つ）を残します。
      </p>
      {restoredNote && (
        <p role="status" className="message message-success">
          {restoredNote}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void backupNow()}>
          今すぐバックアップ
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void addFromFile().then((answer) => {
              if (answer) setPasswordFor(answer.needsPassword);
            })
          }
        >
          バックアップファイルを読み込む
        </button>
      </div>
      <p role="status" className={message ? (message.error ? 'message message-error' : 'message message-success') : 'message-empty'}>
        {message?.text}
      </p>
      {loadError && (
        <p role="alert" className="message message-error">
          {loadError}
        </p>
      )}
      {items && items.length === 0 && <p>まだバックアップはありません。</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
        <table className="data-table backup-table">
          <caption className="visually-hidden">バックアップの一覧（新しい順）</caption>
          <thead>
            <tr>
              <th scope="col">データの日時</th>
              <th scope="col">種類</th>
              <th scope="col">件数</th>
              <th scope="col">サイズ</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {items.map((backup) => (
              <tr key={backup.fileName}>
                <th scope="row">{describe(backup)}</th>
                <td>{reasonLabel(backup)}</td>
                <td>{countsLabel(backup)}</td>
                <td>{formatBytes(backup.sizeBytes)}</td>
                <td className="backup-actions">
                  <button type="button" className="button button-small" disabled={busy} onClick={() => setCopying(backup)} aria-label={`${describe(backup)} のバックアップを別の場所に保存`}>
                    別の場所に保存
                  </button>
                  <button type="button" className="button button-small" disabled={busy} onClick={() => setRestoring(backup)} aria-label={`${describe(backup)} のバックアップから復元`}>
                    復元
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {copying && <CopyDialog backup={copying} label={describe(copying)} onClose={() => setCopying(null)} />}
      {restoring && <RestoreDialog backup={restoring} label={describe(restoring)} onClose={() => setRestoring(null)} />}
      {passwordFor && <PasswordDialog fileId={passwordFor} onClose={() => setPasswordFor(null)} />}
    </section>
  );
}

/** 別の場所に保存: a USB stick with contact data is exactly the leak this insurance is about, so protection is the default. */
function CopyDialog({ backup, label, onClose }: { backup: BackupInfoDto; label: string; onClose(): void }) {
  const exportCopy = useBackupStore((s) => s.exportCopy);
  const busy = useBackupStore((s) => s.busy);
  const [protect, setProtect] = useState(true);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const passwordError = protect && [...password].length < minPasswordChars ? backupMessages.passwordTooShort(minPasswordChars) : undefined;
  const confirmError = protect && confirm !== password ? '確認のパスワードが一致しません' : undefined;

  const submit = async () => {
    setTried(true);
    if (passwordError || confirmError) return;
    if (await exportCopy(backup, protect ? password : '')) onClose();
  };

  return (
    <ModalDialog title="バックアップを別の場所に保存" onRequestClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          {label} のバックアップ（{countsLabel(backup)}）を、USBメモリや共有フォルダなどに保存します。
        </p>
        <label className="checkbox-label">
          <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />
          パスワードで保護する（おすすめ）
        </label>
        {protect ? (
          <>
            <FormField id="backup-password" label="パスワード" required hint={`${minPasswordChars}文字以上。復元するときに必要です。忘れると復元できません。`} error={tried ? passwordError : undefined}>
              {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
            </FormField>
            <FormField id="backup-password-confirm" label="パスワード（確認）" required error={tried ? confirmError : undefined}>
              {(control) => <input {...control} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
            </FormField>
          </>
        ) : (
          <p role="note" className="message message-info">
            保護しないファイルは、拾った人が医療機関の連絡先を読めてしまいます。持ち出すときは保護してください。
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            保存
          </button>
          <button type="button" className="button" onClick={onClose}>
            やめる
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** 復元 says what will happen, with the date and counts, before anything changes. */
function RestoreDialog({ backup, label, onClose }: { backup: BackupInfoDto; label: string; onClose(): void }) {
  const restore = useBackupStore((s) => s.restore);
  const busy = useBackupStore((s) => s.busy);
  const message = useBackupStore((s) => s.message);
  return (
    <ModalDialog title="バックアップから復元" onRequestClose={onClose} alert>
      <p>
        データを <strong>{label}</strong> のバックアップ（{countsLabel(backup)}）の状態に戻します。
      </p>
      <p>それより後に入力・変更した内容は消えます。今のデータは、復元の前に自動でバックアップします。</p>
      <UnsentBeforeRestore />
      {message?.error && (
        <p role="alert" className="message message-error">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void restore(backup)}>
          復元する
        </button>
        <button type="button" className="button" onClick={onClose}>
          やめる
        </button>
      </div>
    </ModalDialog>
  );
}

function PasswordDialog({ fileId, onClose }: { fileId: string; onClose(): void }) {
  const addFromFile = useBackupStore((s) => s.addFromFile);
  const busy = useBackupStore((s) => s.busy);
  const message = useBackupStore((s) => s.message);
  const [password, setPassword] = useState('');
  return (
    <ModalDialog title="バックアップのパスワード" onRequestClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void addFromFile(password, fileId).then((answer) => {
            if (!answer) onClose();
          });
        }}
      >
        <FormField id="backup-open-password" label="パスワード" required hint="このバックアップを保存したときのパスワードを入力してください。" error={message?.error ? message.text : undefined}>
          {(control) => <input {...control} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || password === ''}>
            読み込む
          </button>
          <button type="button" className="button" onClick={onClose}>
            やめる
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
