import { useRef, useState } from 'react';
import type { JobState } from '../../../../shared/contract/jobs.ts';
import type { SyncCheckKind, SyncCheckResult } from '../../../../shared/domain/syncCheck.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatNumber } from '../../format/formatNumber.ts';
import { useSyncStatus } from '../../query/useSyncReads.ts';
import { checkRecords, repairRecords } from './syncRepairCalls.ts';
import { SyncStaleDaysField } from './SyncStaleDaysField.tsx';

const kindLabels: Record<SyncCheckKind, string> = {
  differs: '値が違う',
  missingHere: 'この端末にない',
  removedOnHub: 'ほかの端末で削除済み',
  neverSent: 'まだ送られていない',
  notExchanged: '送受信の途中',
};

/**
 * 設定 → 同期 → 点検と修復: compares this machine's records with the shared ones and, after a
 * verified backup, puts the shared values back here. Shown while this machine shares.
 */
export function SyncRepairSection() {
  const { status } = useSyncStatus();
  const [result, setResult] = useState<SyncCheckResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'repair' | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<JobState['progress'] | null>(null);
  const running = useRef<AbortController | null>(null);
  if (!status || status.state === 'off') return null;

  /** Runs one job with its progress bar and 中止; a cancelled one says so and changes nothing shown. */
  const run = async <T,>(what: 'check' | 'repair', start: (watch: { onProgress: (job: JobState) => void; signal: AbortSignal }) => Promise<T>, done: (result: T) => void) => {
    const controller = new AbortController();
    running.current = controller;
    setBusy(what);
    setProgress(null);
    setMessage(null);
    try {
      done(await start({ signal: controller.signal, onProgress: (job) => setProgress(job.progress) }));
    } catch (error) {
      if (error instanceof ApiError && error.isCancelled) setMessage({ kind: 'info', text: what === 'check' ? '点検を中止しました。' : '修復を中止しました。' });
      else setMessage({ kind: 'error', text: errorMessageOf(error, what === 'check' ? '点検できませんでした。' : '修復できませんでした。') });
    } finally {
      running.current = null;
      setBusy(null);
    }
  };
  const check = () =>
    run('check', checkRecords, (checked) => {
      setResult(checked);
      setMessage({ kind: checked.items.length === 0 ? 'success' : 'info', text: checked.message });
    });
  const repair = () => {
    setConfirming(false);
    return run('repair', repairRecords, (repaired) => {
      setResult(null);
      setMessage({ kind: repaired.left > 0 ? 'info' : 'success', text: repaired.message });
    });
  };
  const repairable = result ? result.items.filter((item) => item.kind !== 'notExchanged').length : 0;

  return (
    <section className="panel" aria-labelledby="settings-sync-repair">
      <h2 id="settings-sync-repair">同期の点検と修復</h2>
      <p className="section-lead">
        この端末の記録が、共有されている記録（ハブ）と同じかを確かめます。違いがあれば、バックアップを取ってから共有の内容に合わせます。この端末でまだ送っていない変更はそのまま送られます。
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void check()}>
          {busy === 'check' ? '点検しています…' : '点検する'}
        </button>
        {repairable > 0 && (
          <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => setConfirming(true)}>
            {busy === 'repair' ? '修復しています…' : '修復する…'}
          </button>
        )}
      </div>
      {busy !== null && (
        <JobProgress
          id="sync-repair-progress"
          label={busy === 'check' ? '点検しています' : '修復しています'}
          progress={progress}
          onCancel={() => running.current?.abort()}
        />
      )}
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
      {result && result.items.length > 0 && <DifferencesTable result={result} />}
      <SyncStaleDaysField />
      {confirming && (
        <ModalDialog title="記録を修復する" onRequestClose={() => setConfirming(false)}>
          <p>{formatNumber(repairable)}件の記録を、共有されている内容に合わせます。先にバックアップを取るので、あとから元に戻せます。</p>
          <p>この端末でまだ送っていない変更には手を付けません。</p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => void repair()}>
              修復する
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              キャンセル
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}

function DifferencesTable({ result }: { result: SyncCheckResult }) {
  const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
  return (
    <>
      {total > result.items.length && (
        <p className="result-count">
          {formatNumber(total)}件のうち、最初の{formatNumber(result.items.length)}件を表示しています。
        </p>
      )}
      <table className="data-table">
        <caption className="visually-hidden">見つかった違い</caption>
        <thead>
          <tr>
            <th scope="col">記録</th>
            <th scope="col">違い</th>
            <th scope="col">項目</th>
            <th scope="col">この端末</th>
            <th scope="col">共有</th>
          </tr>
        </thead>
        <tbody>
          {result.items.flatMap((item) => {
            const rows = item.fields.length > 0 ? item.fields : [null];
            return rows.map((field, i) => (
              <tr key={`${item.docId}-${field?.field ?? ''}`}>
                {i === 0 && (
                  <th scope="row" rowSpan={rows.length}>
                    {item.recordKind}「{item.recordLabel}」
                  </th>
                )}
                {i === 0 && (
                  <td rowSpan={rows.length} title={item.summary}>
                    {kindLabels[item.kind]}
                  </td>
                )}
                {field ? (
                  <>
                    <td>{field.fieldLabel}</td>
                    <td>{field.here}</td>
                    <td>{field.shared}</td>
                  </>
                ) : (
                  <td colSpan={3}>{item.summary}</td>
                )}
              </tr>
            ));
          })}
        </tbody>
      </table>
    </>
  );
}
