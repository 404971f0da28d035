import { useQuery } from '@tanstack/react-query';
import { contentMessages } from '../../../../shared/messages/contentMessages.ts';
import { rateTableMessages } from '../../../../shared/messages/rateTableMessages.ts';
import { formatDate, formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { queries } from '../../query/queries.ts';
import { useContentImportStore } from '../../stores/contentImportStore.ts';


/** 取り込みの記録: every table and pack installed, the insurer's document an official table rests on, who confirmed it, and 取り消す. */
export function ContentChangesHistory() {
  const changes = useQuery(queries.contentChanges()).data ?? [];
  const busy = useContentImportStore((s) => s.busy);
  const revert = useContentImportStore((s) => s.revert);
  const style = useDateStyle();
  if (changes.length === 0) return null;
  return (
    <table className="data-table">
      <caption>取り込みの記録</caption>
      <thead>
        <tr>
          <th scope="col">日時</th>
          <th scope="col">内容</th>
          <th scope="col">確認・取り込みをした担当者</th>
          <th scope="col">状態</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.id}>
            <td className="nowrap">{formatDateTime(c.installedAt, style)}</td>
            <td>
              {c.kind === 'rates' ? '保険料表' : 'チラシ'}「{c.label}」
              {c.source && (
                <>
                  <br />
                  {rateTableMessages.sourceLabel(c.source.document, c.source.date, style === 'japanese' ? formatDate(c.source.date, style) : undefined)}
                </>
              )}
            </td>
            <td>{c.staffName ?? '—'}</td>
            <td>
              {c.notUsedHere && !c.revertedAt && <p className="field-error">{contentMessages.notUsedHere}</p>}
              {c.revertedAt ? (
                '取り消し済み'
              ) : (
                <button type="button" className="button button-small" disabled={busy} onClick={() => void revert(c)}>
                  取り消す
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
