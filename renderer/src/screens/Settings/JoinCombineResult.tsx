import { useEffect, useId, useRef } from 'react';
import type { JoinCombineResult as Result } from '../../../../shared/domain/joinPreview.ts';
import { joinCombineMessages as m } from '../../../../shared/messages/joinCombineMessages.ts';
import { formatNumber } from '../../format/formatNumber.ts';

/** What 参加してまとめる did: the pairs merged, those left as two records and why, the backup taken first. */
export function JoinCombineResult({ result, onClose }: { result: Result; onClose(): void }) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: the result is what staff read next.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="join-result" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {m.resultTitle}
      </h3>
      <p className="message message-success">{m.resultMerged(formatNumber(result.merged))}</p>
      {result.notMerged.length > 0 && (
        <>
          <p className="message message-error">{m.resultNotMergedLead(formatNumber(result.notMerged.length))}</p>
          <ul className="join-not-merged">
            {result.notMerged.map((pair) => (
              <li key={`${pair.hub.id}:${pair.local.id}`}>
                <span className="join-clinic-name">
                  {m.hubSide}「{pair.hub.name}」／{m.localSide}「{pair.local.name}」
                </span>
                <span className="join-clinic-detail">{pair.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.numbersLeftWithHub.length > 0 && (
        <>
          <p className="message message-info">{m.resultNumbersLeftLead(formatNumber(result.numbersLeftWithHub.length))}</p>
          <ul className="join-not-merged">
            {result.numbersLeftWithHub.map((pair) => (
              <li key={`${pair.hub.id}:${pair.local.id}`}>
                <span className="join-clinic-name">
                  {m.localSide}「{pair.local.name}」／{m.hubSide}「{pair.hub.name}」
                </span>
                <span className="join-clinic-detail">
                  {m.memberNumber} {pair.local.memberNumber}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <dl className="info-list">
        <dt>{m.resultBackup}</dt>
        <dd className="path">{result.backupFile}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          {m.resultClose}
        </button>
      </div>
    </section>
  );
}
