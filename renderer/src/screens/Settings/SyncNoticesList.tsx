import { useState } from 'react';
import type { SyncNotice } from '../../../../shared/domain/sync.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { dismissNotice, putBackNotice, useSyncNotices } from '../../query/useSyncReads.ts';
import { machineLabel } from '../../../../shared/messages/syncMessages.ts';

const recordKindLabels: Record<SyncNotice['recordKind'], string> = { clinic: '医療機関', inquiry: '問い合わせ', staff: '担当者' };

/** Who wrote a value, where and when: 山田（受付番号「B」の端末）2026/11/24 14:05. */
function writtenBy(by: SyncNotice['kept'], dateStyle: ReturnType<typeof useDateStyle>): string {
  return `${by.staffName ?? '担当者なし'}（${machineLabel(by)}）${formatDateTime(by.at, dateStyle)}`;
}

/**
 * Two machines changed the same field at the same time: the newer value was kept everywhere,
 * the other is listed here with who wrote each, and can be put back with one click.
 */
export function SyncNoticesList({ recordId, emptyText }: { recordId?: string; emptyText: string }) {
  const { items, loaded, error } = useSyncNotices(recordId ? { recordId, includeResolved: false } : { includeResolved: false });
  const dateStyle = useDateStyle();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const act = async (notice: SyncNotice, action: 'putBack' | 'dismiss') => {
    setBusyId(notice.id);
    setMessage(null);
    try {
      if (action === 'putBack') await putBackNotice(notice.id);
      else await dismissNotice(notice.id);
      setMessage({
        kind: 'success',
        text: action === 'putBack' ? `${notice.recordLabel}の${notice.fieldLabel}を「${notice.replacedValue}」に戻しました。` : `${notice.recordLabel}の${notice.fieldLabel}のお知らせを確認済みにしました。`,
      });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessageOf(err, '操作できませんでした。もう一度お試しください。') });
    } finally {
      setBusyId(null);
    }
  };
  return (
    <>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {loaded && items.length === 0 && <p className="field-hint">{emptyText}</p>}
      {items.length > 0 && (
        <ul className="sync-notices" aria-label="同期のお知らせ">
          {items.map((notice) => (
            <li key={notice.id} className="sync-notice">
              <p className="sync-notice-title">
                {recordKindLabels[notice.recordKind]}「{notice.recordLabel}」の{notice.fieldLabel}が、同時にほかの端末でも変更されました
              </p>
              <dl className="sync-notice-values">
                <dt>残した値</dt>
                <dd>
                  {notice.keptValue || '（空欄）'}
                  <span className="sync-notice-by">{writtenBy(notice.kept, dateStyle)}</span>
                </dd>
                <dt>置き換えられた値</dt>
                <dd>
                  {notice.replacedValue || '（空欄）'}
                  <span className="sync-notice-by">{writtenBy(notice.replaced, dateStyle)}</span>
                </dd>
              </dl>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={busyId !== null}
                  aria-label={`${notice.recordLabel}の${notice.fieldLabel}を元に戻す`}
                  onClick={() => void act(notice, 'putBack')}
                >
                  元に戻す
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busyId !== null}
                  aria-label={`${notice.recordLabel}の${notice.fieldLabel}を確認済みにする`}
                  onClick={() => void act(notice, 'dismiss')}
                >
                  確認済みにする
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
    </>
  );
}
