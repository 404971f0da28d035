import { useEffect, useId, useRef } from 'react';
import type { JoinPreview } from '../../../../shared/domain/joinPreview.ts';
import { joinCombineMessages as m, joinMatchRuleLabels, uncertainReasonLabels } from '../../../../shared/messages/joinCombineMessages.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { JoinPairList } from './JoinPairList.tsx';
import type { JoinTicks } from './useJoinTicks.ts';
import '../../styles/joinCombine.css';

/** One side's clinics without a partner: how many, and the first names the preview carries. */
function AloneList({ title, alone }: { title: string; alone: JoinPreview['hubOnly'] }) {
  const titleId = useId();
  const rest = alone.count - alone.first.length;
  return (
    <section className="join-alone" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {title}：{m.clinicCount(formatNumber(alone.count))}
      </h4>
      {alone.count > 0 && (
        <>
          <p className="field-hint">{m.aloneHint}</p>
          <ul className="join-alone-names">
            {alone.first.map((clinic) => (
              <li key={clinic.id}>{clinic.name}</li>
            ))}
          </ul>
          {rest > 0 && <p className="join-alone-more">{m.more(formatNumber(rest))}</p>}
        </>
      )}
    </section>
  );
}

interface JoinCombinePreviewProps {
  preview: JoinPreview;
  ticks: JoinTicks;
  busy: boolean;
  onJoin(): void;
  onRedo(): void;
}

/** 照合の結果: what joining would combine, before anything is written; staff tick the pairs to merge. */
export function JoinCombinePreview({ preview, ticks, busy, onJoin, onRedo }: JoinCombinePreviewProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The 参加する button that had focus is gone: the preview is read from its heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="join-preview" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {m.previewTitle}
      </h3>
      <p>{m.previewLead}</p>
      <dl className="info-list join-summary" aria-label="照合の件数">
        <dt>{m.matchedTitle}</dt>
        <dd>{m.pairCount(formatNumber(preview.matched.length))}</dd>
        <dt>{m.uncertainTitle}</dt>
        <dd>{m.pairCount(formatNumber(preview.uncertain.length))}</dd>
        <dt>{m.hubOnlyTitle}</dt>
        <dd>{m.clinicCount(formatNumber(preview.hubOnly.count))}</dd>
        <dt>{m.localOnlyTitle}</dt>
        <dd>{m.clinicCount(formatNumber(preview.localOnly.count))}</dd>
      </dl>
      <JoinPairList
        kind="matched"
        title={m.matchedTitle}
        hint={m.matchedHint}
        rows={preview.matched.map((pair) => ({
          hub: pair.hub,
          local: pair.local,
          why: joinMatchRuleLabels[pair.rule],
          ...(pair.rule === 'memberNumber' ? { apartNote: m.sameMemberNumberApart } : {}),
        }))}
        ticked={(hubId) => ticks.isTicked('matched', hubId)}
        onTick={(hubId, ticked) => ticks.tick('matched', hubId, ticked)}
        tickedCount={ticks.matchedTicked}
        onTickAll={ticks.tickAllMatched}
        disabled={busy}
      />
      <JoinPairList
        kind="uncertain"
        title={m.uncertainTitle}
        hint={m.uncertainHint}
        rows={preview.uncertain.map((pair) => ({ hub: pair.hub, local: pair.local, why: uncertainReasonLabels[pair.reason] }))}
        ticked={(hubId) => ticks.isTicked('uncertain', hubId)}
        onTick={(hubId, ticked) => ticks.tick('uncertain', hubId, ticked)}
        tickedCount={ticks.uncertainTicked}
        disabled={busy}
      />
      <div className="join-alone-lists">
        <AloneList title={m.hubOnlyTitle} alone={preview.hubOnly} />
        <AloneList title={m.localOnlyTitle} alone={preview.localOnly} />
      </div>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={onJoin}>
          {m.joinButton}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onRedo}>
          {m.redo}
        </button>
      </div>
    </section>
  );
}
