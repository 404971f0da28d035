import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ExpiredRecord } from '../../../../shared/domain/retention.ts';
import { retentionMessages as m } from '../../../../shared/messages/retentionMessages.ts';
import { call } from '../../api/client.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { queries } from '../../query/queries.ts';

/** 保存期間を過ぎた記録: listed with where each period started and ended, deleted for good after a backup. */
export function ExpiredRecordsList({ years }: { years: number }) {
  const read = useQuery(queries.expiredRecords());
  const items = read.data ?? null;
  const [confirming, setConfirming] = useState<ExpiredRecord[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <div className="retention-expired">
      <h3 id="settings-retention-expired" className="section-title">
        {m.expiredTitle}
      </h3>
      <p className="field-hint">{m.expiredExplain(years)}</p>
      {read.error && (
        <p role="alert" className="message message-error">
          {errorMessageOf(read.error, '件数を読み込めませんでした。')}
        </p>
      )}
      {items && <p className="purge-counts">{items.length === 0 ? m.expiredNone : m.expiredCount(items.length)}</p>}
      {items && items.length > 0 && (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">受付番号</th>
                <th scope="col">医療機関</th>
                <th scope="col">起算日</th>
                <th scope="col">保存期限</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.inquiryId}>
                  <td>{item.receiptNumber}</td>
                  <td>{item.clinicName}</td>
                  <td>
                    {m.longDate(item.startedOn)}（{item.contracted ? '成約' : '申込'}）
                  </td>
                  <td>{m.longDate(item.endedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => setConfirming(items)}>
              保存期間を過ぎた記録を完全削除…
            </button>
          </div>
        </>
      )}
      <p role="status" className={message ? (message.error ? 'message message-error' : 'message message-success') : 'message-empty'}>
        {message?.text}
      </p>
      {confirming && <ExpiredPurgeDialog items={confirming} onDone={setMessage} onClose={() => setConfirming(null)} />}
    </div>
  );
}

function ExpiredPurgeDialog({ items, onDone, onClose }: { items: ExpiredRecord[]; onDone(message: { text: string; error: boolean }): void; onClose(): void }) {
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const purge = async () => {
    setBusy(true);
    try {
      const result = await call('retention.purgeExpired', { confirm: true, inquiryIds: items.map((item) => item.inquiryId) });
      onDone({ text: m.expiredPurged(result.inquiries, result.backup.fileName), error: false });
    } catch (error) {
      onDone({ text: errorMessageOf(error, '完全削除できませんでした。データは変わっていません。'), error: true });
    } finally {
      setBusy(false);
      onClose();
    }
  };
  return (
    <ModalDialog title="保存期間を過ぎた記録の完全削除" onRequestClose={onClose} alert>
      <p>
        保存期間を過ぎた問い合わせ <strong>{items.length}件</strong> を、意向・見積・書類の記録とともに完全に削除します（アーカイブした医療機関は、ほかに問い合わせがなければ一緒に削除します）。
      </p>
      <p>削除の前にバックアップを取ります。元に戻すときは、設定の「バックアップ」からそのバックアップを復元してください。</p>
      <label className="checkbox-label">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        内容を確認しました
      </label>
      <div className="actions">
        <button type="button" className="button button-danger" disabled={!understood || busy} onClick={() => void purge()}>
          完全削除する
        </button>
        <button type="button" className="button" onClick={onClose}>
          やめる
        </button>
      </div>
    </ModalDialog>
  );
}
