import { useState } from 'react';
import { useSyncNotices } from '../query/useSyncReads.ts';
import { SyncNoticesList } from '../screens/Settings/SyncNoticesList.tsx';

/**
 * On a record's detail: a badge when another machine's concurrent edit of one of its fields was
 * replaced; it opens the notices of this record, with 元に戻す.
 */
export function SyncNoticeBadge({ recordId }: { recordId: string }) {
  const { items } = useSyncNotices({ recordId, includeResolved: false });
  const [open, setOpen] = useState(false);
  if (items.length === 0 && !open) return null;
  return (
    <div className="sync-notice-badge">
      <button type="button" className="badge-sync-notice" aria-expanded={open} onClick={() => setOpen(!open)}>
        同期のお知らせ {items.length}件
      </button>
      {open && <SyncNoticesList recordId={recordId} emptyText="確認が必要なお知らせはありません。" />}
    </div>
  );
}
