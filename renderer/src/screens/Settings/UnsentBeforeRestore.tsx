import { useEffect, useState } from 'react';
import type { ChannelResult } from '../../../../shared/contract/channels.ts';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { useSyncStatus } from '../../query/useSyncReads.ts';
import { unsentChanges } from './syncRepairCalls.ts';

/**
 * In 復元's dialog on a machine that shares: the changes made here and not yet sent, which the
 * restore loses (what was sent comes back from the hub), so staff know what to redo.
 */
export function UnsentBeforeRestore() {
  const { status } = useSyncStatus();
  const dateStyle = useDateStyle();
  const sharing = status !== null && status.state !== 'off';
  const [unsent, setUnsent] = useState<ChannelResult<'sync.unsentChanges'> | null>(null);
  useEffect(() => {
    if (!sharing) return;
    let current = true;
    void unsentChanges().then((answer) => current && setUnsent(answer), () => undefined);
    return () => {
      current = false;
    };
  }, [sharing]);
  if (!sharing) return null;
  return (
    <div className="message message-info">
      <p>この端末は記録を共有しています。復元のあと、ほかの端末と共有されている最新の記録を受け取ります。</p>
      {unsent && unsent.count === 0 && <p>まだ送っていない変更はありません。</p>}
      {unsent && unsent.count > 0 && (
        <>
          <p>次の{formatNumber(unsent.count)}件は、まだほかの端末に送っていない変更です。復元すると失われるので、必要なら復元のあとで入力し直してください。</p>
          <ul aria-label="まだ送っていない変更">
            {unsent.items.map((item) => (
              <li key={item.docId}>
                {item.recordKind}「{item.recordLabel}」{item.fieldLabels.length > 0 ? `（${item.fieldLabels.join('・')}）` : ''} {formatDateTime(item.changedAt, dateStyle)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
