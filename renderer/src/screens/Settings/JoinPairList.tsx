import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { useEffect, useId, useRef, useState } from 'react';
import type { JoinPreviewClinic } from '../../../../shared/domain/joinPreview.ts';
import { joinCombineMessages as m } from '../../../../shared/messages/joinCombineMessages.ts';
import { formatNumber } from '../../format/formatNumber.ts';

/** A pair as the list shows it: the two records and why they were paired, in words. */
export interface JoinPairRow {
  hub: JoinPreviewClinic;
  local: JoinPreviewClinic;
  why: string;
  /** Said in the row while the pair is unticked: what leaving it apart means. */
  apartNote?: string;
}

/** Rows drawn at a time: a 20,000-clinic roster gives 20,000 matched pairs. */
const pageSize = 100;

const details = ['phone', 'memberNumber', 'address'] as const;

/**
 * One side's record: a value the other side holds differently stands out, so staff see what to
 * check; a field neither side has is left out, so a long list stays short.
 */
function ClinicCell({ clinic, other }: { clinic: JoinPreviewClinic; other: JoinPreviewClinic }) {
  return (
    <td>
      {/* Names are compared as the matching compares them (spaces and kana forms aside), so only a real difference stands out. */}
      <span className={normalizeForSearch(clinic.name) === normalizeForSearch(other.name) ? 'join-clinic-name' : 'join-clinic-name join-differs'}>{clinic.name}</span>
      {details
        .filter((field) => clinic[field] !== '' || other[field] !== '')
        .map((field) => (
          <span key={field} className={clinic[field] === other[field] ? 'join-clinic-detail' : 'join-clinic-detail join-differs'}>
            {m[field]}：<span className={field === 'address' ? undefined : 'join-number'}>{clinic[field] === '' ? m.blank : clinic[field]}</span>
          </span>
        ))}
    </td>
  );
}

interface JoinPairListProps {
  kind: 'matched' | 'uncertain';
  title: string;
  hint: string;
  rows: readonly JoinPairRow[];
  ticked(hubId: string): boolean;
  onTick(hubId: string, ticked: boolean): void;
  tickedCount: number;
  /** すべて選ぶ / すべて外す, offered where the list can be long. */
  onTickAll?: (ticked: boolean) => void;
  disabled: boolean;
}

/** The pairs of one kind, each with a labelled checkbox, drawn a hundred at a time. */
export function JoinPairList({ kind, title, hint, rows, ticked, onTick, tickedCount, onTickAll, disabled }: JoinPairListProps) {
  const [shown, setShown] = useState(pageSize);
  const titleId = useId();
  const body = useRef<HTMLTableSectionElement>(null);
  // After さらに表示 a keyboard user goes on from the first new pair, not from the end of the list.
  useEffect(() => {
    if (shown > pageSize) body.current?.querySelectorAll('input')[shown - pageSize]?.focus();
  }, [shown]);
  const visible = rows.slice(0, shown);
  return (
    <section className={`join-pairs join-pairs-${kind}`} aria-labelledby={titleId}>
      <h4 id={titleId}>
        {title}：{m.pairCount(formatNumber(rows.length))}
        {rows.length > 0 && <span className="join-ticked">（まとめる：{m.pairCount(formatNumber(tickedCount))}）</span>}
      </h4>
      {rows.length === 0 ? (
        <p className="field-hint">{m.noPairs}</p>
      ) : (
        <>
          <p className="field-hint">{hint}</p>
          {onTickAll && (
            <div className="actions join-tick-all">
              <button type="button" className="button" disabled={disabled || tickedCount === rows.length} onClick={() => onTickAll(true)}>
                {m.selectAll}
              </button>
              <button type="button" className="button" disabled={disabled || tickedCount === 0} onClick={() => onTickAll(false)}>
                {m.selectNone}
              </button>
            </div>
          )}
          <div className="table-scroll">
            <table className="data-table join-pair-table" aria-labelledby={titleId}>
              <thead>
                <tr>
                  <th scope="col">{m.tickColumn}</th>
                  <th scope="col">{m.hubSide}</th>
                  <th scope="col">{m.localSide}</th>
                  <th scope="col">{m.whyColumn}</th>
                </tr>
              </thead>
              <tbody ref={body}>
                {visible.map((row) => (
                  <tr key={row.hub.id}>
                    <td className="join-tick">
                      <input
                        type="checkbox"
                        aria-label={m.tickLabel(row.hub.name, row.local.name)}
                        checked={ticked(row.hub.id)}
                        disabled={disabled}
                        onChange={(e) => onTick(row.hub.id, e.target.checked)}
                      />
                    </td>
                    <ClinicCell clinic={row.hub} other={row.local} />
                    <ClinicCell clinic={row.local} other={row.hub} />
                    <td>
                      {row.why}
                      {row.apartNote && !ticked(row.hub.id) && <span className="join-apart-note">{row.apartNote}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > shown && (
            <div className="actions">
              <span className="field-hint">{m.shownOf(formatNumber(shown), formatNumber(rows.length))}</span>
              <button type="button" className="button" onClick={() => setShown((n) => n + pageSize)}>
                {m.showMore}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
