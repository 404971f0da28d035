/**
 * This machine's clock against the hub's: every answer from the hub carries a `Date` header, so
 * each round (each request, in fact) re-measures the offset at no extra cost. The header has
 * one-second resolution, far finer than the two minutes that matter here.
 */

/** Beyond this, a machine's own edits would win or lose concurrent edits on its clock alone. */
export const maxClockOffsetMs = 2 * 60 * 1000;

export interface HubClock {
  /** Records the hub's `Date` header of an answer just received. */
  observe(dateHeader: string | null): void;
  /** This machine's clock minus the hub's (ms), or null until the hub has answered. */
  offsetMs(): number | null;
  /** True once measured beyond the limit, until a later answer says otherwise. */
  skewed(): boolean;
  forget(): void;
}

export function createHubClock(now: () => Date, onChange: () => void): HubClock {
  let offset: number | null = null;
  return {
    observe(dateHeader) {
      if (!dateHeader) return;
      const hubTime = Date.parse(dateHeader);
      if (Number.isNaN(hubTime)) return;
      const wasSkewed = offset !== null && Math.abs(offset) > maxClockOffsetMs;
      const previous = offset;
      offset = now().getTime() - hubTime;
      const isSkewed = Math.abs(offset) > maxClockOffsetMs;
      if (previous === null || wasSkewed !== isSkewed) onChange();
    },
    offsetMs: () => offset,
    skewed: () => offset !== null && Math.abs(offset) > maxClockOffsetMs,
    forget() {
      offset = null;
    },
  };
}
