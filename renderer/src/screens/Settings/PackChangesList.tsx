import { useId } from 'react';
import type { ContentPackChange } from '../../../../shared/content/contentImport.ts';

const absent = '（なし）';

/** Every field a new content pack changes, old text beside new, in a list that scrolls by keyboard too. */
export function PackChangesList({ changes }: { changes: ContentPackChange[] }) {
  const captionId = useId();
  if (changes.length === 0) return <p>今の内容と同じです。変わる項目はありません。</p>;
  return (
    // Focusable so that a long list scrolls with the arrow keys, not only with a mouse wheel.
    <div className="pack-changes" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table pack-changes-table">
        <caption id={captionId}>変わる項目（{changes.length}件）</caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">今の内容</th>
            <th scope="col">新しい内容</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path}>
              <th scope="row" title={c.path}>
                {c.label}
              </th>
              <td>{c.before ?? absent}</td>
              <td>{c.after ?? absent}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
