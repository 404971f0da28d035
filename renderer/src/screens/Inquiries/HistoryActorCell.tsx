import type { InquiryHistoryEntry } from '../../../../shared/domain/inquiry.ts';

/**
 * Who made a status change as they were then: the name and 募集人ID copied at that moment, not
 * today's staff record (an audit asks who solicited on that day). Rows from before actors were
 * kept fall back to the staff record's name.
 */
export function HistoryActorCell({ entry }: { entry: InquiryHistoryEntry }) {
  const name = entry.actor?.name ?? entry.staffName;
  if (!name) {
    return (
      <td>
        <span className="text-muted">未設定</span>
      </td>
    );
  }
  return (
    <td>
      {name}
      {entry.actor?.solicitorId && <span className="nowrap">（募集人ID：{entry.actor.solicitorId}）</span>}
    </td>
  );
}
