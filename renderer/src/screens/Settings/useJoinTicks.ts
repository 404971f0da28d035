import { useState } from 'react';
import type { JoinPair, JoinPreview } from '../../../../shared/domain/joinPreview.ts';

export interface JoinTicks {
  /** Whether a pair (known by its hub record, which is in at most one pair) is to be merged. */
  isTicked(kind: 'matched' | 'uncertain', hubId: string): boolean;
  tick(kind: 'matched' | 'uncertain', hubId: string, ticked: boolean): void;
  /** Ticks or unticks every matched pair. */
  tickAllMatched(ticked: boolean): void;
  matchedTicked: number;
  uncertainTicked: number;
  /** The pairs staff confirmed, as sync.join takes them. */
  pairs(): JoinPair[];
}

/**
 * Which pairs of the preview staff confirmed: matched pairs start ticked (only the exceptions are
 * kept, so 20,000 pairs cost nothing until someone unticks one), uncertain pairs start unticked.
 */
export function useJoinTicks(preview: JoinPreview): JoinTicks {
  const [matchedOff, setMatchedOff] = useState<ReadonlySet<string>>(new Set());
  const [uncertainOn, setUncertainOn] = useState<ReadonlySet<string>>(new Set());
  const toggled = (set: ReadonlySet<string>, id: string, present: boolean) => {
    const next = new Set(set);
    if (present) next.add(id);
    else next.delete(id);
    return next;
  };
  return {
    isTicked: (kind, hubId) => (kind === 'matched' ? !matchedOff.has(hubId) : uncertainOn.has(hubId)),
    tick: (kind, hubId, ticked) => {
      if (kind === 'matched') setMatchedOff((set) => toggled(set, hubId, !ticked));
      else setUncertainOn((set) => toggled(set, hubId, ticked));
    },
    tickAllMatched: (ticked) => setMatchedOff(ticked ? new Set() : new Set(preview.matched.map((pair) => pair.hub.id))),
    matchedTicked: preview.matched.length - matchedOff.size,
    uncertainTicked: uncertainOn.size,
    pairs: () => [
      ...preview.matched.filter((pair) => !matchedOff.has(pair.hub.id)),
      ...preview.uncertain.filter((pair) => uncertainOn.has(pair.hub.id)),
    ].map((pair) => ({ hubId: pair.hub.id, localId: pair.local.id })),
  };
}
