import type { SyncStatus } from '../../../shared/domain/sync.ts';
import { formatDateTime, useDateStyle } from '../format/formatDate.ts';
import { formatNumber } from '../format/formatNumber.ts';
import { useSyncStatus } from '../query/useSyncReads.ts';
import { useUiStore } from '../stores/uiStore.ts';

/** The indicator's words for a state; the core's sentence (why it cannot connect) goes in the tooltip. */
function indicatorText(status: SyncStatus, dateStyle: ReturnType<typeof useDateStyle>): string {
  switch (status.state) {
    case 'synced':
      return status.lastSyncedAt ? `同期済み ${formatDateTime(status.lastSyncedAt, dateStyle).split(' ')[1] ?? ''}` : '同期済み';
    case 'sending':
      // Receiving only (nothing of this machine's waiting): still a round under way.
      return status.unsent > 0 ? `未送信 ${formatNumber(status.unsent)}件` : '同期中';
    case 'unreachable':
      return status.unsent > 0 ? `接続できません（未送信 ${formatNumber(status.unsent)}件）` : '接続できません';
    case 'clockSkew':
      return '時計がずれています';
    case 'updateApp':
      return '更新が必要です';
    case 'off':
      return '';
  }
}

/**
 * A quiet line under the menu: whether this machine's changes have reached the hub. Never a
 * dialog; a machine that does not share shows nothing. Choosing it opens 設定, where sharing
 * and the notices are.
 */
export function SyncIndicator() {
  const status = useSyncStatus().status;
  const dateStyle = useDateStyle();
  const navigate = useUiStore((s) => s.navigate);
  if (!status || status.state === 'off') return null;
  const text = indicatorText(status, dateStyle);
  const detail = [status.lastSyncedAt ? `最後の同期：${formatDateTime(status.lastSyncedAt, dateStyle)}` : null, status.message].filter(Boolean).join('\n');
  const problem = status.state === 'unreachable' || status.state === 'clockSkew' || status.state === 'updateApp';
  return (
    <div role="status" aria-label="同期の状態" className={`sync-indicator sync-indicator-${problem ? 'problem' : 'ok'}`}>
      <button type="button" title={detail || undefined} onClick={() => navigate('settings')}>
        <span aria-hidden="true" className="sync-indicator-dot" />
        {text}
      </button>
      {status.openNotices > 0 && <p className="sync-indicator-notices">確認が必要な同期のお知らせ {formatNumber(status.openNotices)}件</p>}
    </div>
  );
}
