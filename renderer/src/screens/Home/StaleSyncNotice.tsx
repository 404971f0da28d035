import { syncOverdueDays } from '../../../../shared/time/syncOverdue.ts';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { useSettings } from '../../query/useSharedReads.ts';
import { useSyncStatus } from '../../query/useSyncReads.ts';
import { useUiStore } from '../../stores/uiStore.ts';

/** ホーム: this machine shares but has not synced for the days set in 設定 (a laptop out of the office). */
export function StaleSyncNotice() {
  const { status } = useSyncStatus();
  const staleDays = useSettings().settings?.syncStaleDays ?? null;
  const dateStyle = useDateStyle();
  const navigate = useUiStore((s) => s.navigate);
  if (!status || staleDays === null) return null;
  const days = syncOverdueDays(status, staleDays, new Date());
  if (days === null) return null;
  return (
    <div role="alert" aria-label="同期していません" className="message message-info staff-banner">
      <p>
        この端末は{days}日間、ほかの端末と同期していません（
        {status.lastSyncedAt ? `最後の同期：${formatDateTime(status.lastSyncedAt, dateStyle)}` : `共有に参加した ${formatDateTime(status.joinedAt!, dateStyle)} から一度も同期していません`}）。この間の変更はまだ共有されていません。事務所のネットワークにつないで、「設定」の「今すぐ同期」を押してください。
      </p>
      <button type="button" className="button" onClick={() => navigate('settings')}>
        同期の設定を開く
      </button>
    </div>
  );
}
