import { useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract/channels.ts';
import type { JoinCombineResult, JoinPreview } from '../../../../shared/domain/joinPreview.ts';
import { joinCombineMessages as m } from '../../../../shared/messages/joinCombineMessages.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { joinSharing } from '../../query/useSyncReads.ts';
import { JoinCombineConfirm } from './JoinCombineConfirm.tsx';
import { JoinCombinePreview } from './JoinCombinePreview.tsx';
import { useJoinTicks } from './useJoinTicks.ts';

export interface JoinCombineFlowProps {
  preview: JoinPreview;
  /** The hub access and 受付番号 prefix of the form, as sync.join takes them. */
  joinInput(): Omit<ChannelInput<'sync.join'>, 'combine' | 'replaceLocal'>;
  onRedo(): void;
  /** Joining runs (minutes for a big roster): the form must stay on screen until it answers. */
  onJoining(joining: boolean): void;
  onCombined(result: JoinCombineResult | null): void;
}

/** 照合してまとめる after the preview: staff tick pairs, confirm, and the join runs once. */
export function JoinCombineFlow({ preview, joinInput, onRedo, onJoining, onCombined }: JoinCombineFlowProps) {
  const ticks = useJoinTicks(preview);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // A second click can arrive before the button shows it is busy: joining twice must not start twice.
  const running = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const merging = ticks.matchedTicked + ticks.uncertainTicked;
  const leftApart = preview.matched.length + preview.uncertain.length - merging;
  // One 会員番号 belongs to one record: such a pair left apart cannot be two records here.
  const sameNumberApart = preview.matched.filter((pair) => pair.rule === 'memberNumber' && !ticks.isTicked('matched', pair.hub.id)).length;

  const join = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    onJoining(true);
    try {
      const joined = await joinSharing({ ...joinInput(), combine: { pairs: ticks.pairs() } });
      onCombined(joined.combined ?? null);
      setConfirming(false);
    } catch (err) {
      setError(errorMessageOf(err, m.joinFailed));
    } finally {
      running.current = false;
      setBusy(false);
      onJoining(false);
    }
  };

  return (
    <>
      <JoinCombinePreview
        preview={preview}
        ticks={ticks}
        busy={busy}
        onJoin={() => {
          setError(null);
          setConfirming(true);
        }}
        onRedo={onRedo}
      />
      {confirming && (
        <JoinCombineConfirm merging={merging} leftApart={leftApart} sameNumberApart={sameNumberApart} busy={busy} error={error} onConfirm={() => void join()} onCancel={() => setConfirming(false)} />
      )}
    </>
  );
}
