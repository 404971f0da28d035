import { useState } from 'react';
import type { JoinCombineResult as CombineResult } from '../../../../shared/domain/joinPreview.ts';
import type { SyncStatus } from '../../../../shared/domain/sync.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { leaveSharing, syncNow, useSyncStatus } from '../../query/useSyncReads.ts';
import { JoinCombineResult } from './JoinCombineResult.tsx';
import { SharingJoinForm } from './SharingJoinForm.tsx';

const stateLabels: Record<SyncStatus['state'], string> = {
  off: '単独で使用中',
  synced: '同期済み',
  sending: '送信中',
  unreachable: '接続できません',
  clockSkew: 'この端末の時計がずれています',
  updateApp: 'このアプリを更新してください',
};

/**
 * 複数の端末で使う: set up once per machine with the hub the office administrator prepared.
 * Without it the app works alone, exactly as before.
 */
export function SharingSection() {
  const { status, error } = useSyncStatus();
  const [joining, setJoining] = useState(false);
  const [combined, setCombined] = useState<CombineResult | null>(null);
  return (
    <section className="panel" aria-labelledby="settings-sharing">
      <h2 id="settings-sharing">複数の端末で使う</h2>
      <p className="section-lead">
        事務所のハブ（CouchDB）を通して、窓口の端末や外出用のノートパソコンと記録を共有します。ネットワークにつながっていない間に入力した記録は、つながったときに送られます。
      </p>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {status &&
        (status.state === 'off' || joining ? (
          <SharingJoinForm onJoining={setJoining} onCombined={setCombined} />
        ) : (
          <>
            {combined && <JoinCombineResult result={combined} onClose={() => setCombined(null)} />}
            <SharingJoined status={status} />
          </>
        ))}
    </section>
  );
}

function SharingJoined({ status }: { status: SyncStatus }) {
  const dateStyle = useDateStyle();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const now = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await syncNow();
      setMessage({ kind: 'success', text: 'ハブと同期しました。' });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, '同期できませんでした。') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <dl className="sharing-facts">
        <dt>状態</dt>
        <dd>{stateLabels[status.state]}</dd>
        <dt>ハブのアドレス</dt>
        <dd>{status.hubUrl}</dd>
        <dt>ユーザー名</dt>
        <dd>{status.user}</dd>
        <dt>最後の同期</dt>
        <dd>{status.lastSyncedAt ? formatDateTime(status.lastSyncedAt, dateStyle) : 'まだありません'}</dd>
        <dt>未送信</dt>
        <dd>{formatNumber(status.unsent)}件</dd>
      </dl>
      {status.message && <p className="message message-info">{status.message}</p>}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void now()}>
          {busy ? '同期しています…' : '今すぐ同期'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
          共有をやめる…
        </button>
      </div>
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
      {confirming && <LeaveDialog onClose={() => setConfirming(false)} />}
    </>
  );
}

function LeaveDialog({ onClose }: { onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const leave = async () => {
    setBusy(true);
    try {
      await leaveSharing();
      onClose();
    } catch (err) {
      setError(errorMessageOf(err, '共有をやめられませんでした。'));
      setBusy(false);
    }
  };
  return (
    <ModalDialog title="共有をやめる" onRequestClose={onClose}>
      <p>この端末は、ほかの端末と記録を共有しなくなります。この端末の記録はそのまま残ります。</p>
      <p>まだハブに送っていない変更は送られません。もう一度共有するときは、あらためて参加してください。</p>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void leave()}>
          共有をやめる
        </button>
        <button type="button" className="button" onClick={onClose}>
          キャンセル
        </button>
      </div>
    </ModalDialog>
  );
}
