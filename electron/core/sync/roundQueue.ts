/**
 * Rounds run one at a time: a request made while one runs is merged into the next, and none is
 * left behind when the running one ends.
 */
export interface Round {
  drain: boolean;
  apply: boolean;
}

export interface RoundQueue {
  request(what: Partial<Round>): void;
  /** Waits until no round runs. */
  settle(): Promise<void>;
  /** Forgets what was asked for (the engine stopped or closed). */
  clear(): void;
}

/** `run` does one round; `canRun` false (stopped, closed) leaves requests waiting until cleared. */
export function createRoundQueue(run: (round: Round, again: (what: Partial<Round>) => void) => Promise<void>, canRun: () => boolean): RoundQueue {
  let wanted: Round = { drain: false, apply: false };
  let running: Promise<void> | null = null;
  const merge = (what: Partial<Round>) => {
    wanted = { drain: wanted.drain || !!what.drain, apply: wanted.apply || !!what.apply };
  };
  const pending = () => (wanted.drain || wanted.apply) && canRun();
  const pump = () => {
    running ??= (async () => {
      await Promise.resolve();
      // Checked as the last thing before letting go, so a request made meanwhile is never left behind.
      while (pending()) {
        const round = wanted;
        wanted = { drain: false, apply: false };
        await run(round, merge);
      }
      running = null;
    })();
  };
  return {
    request(what) {
      merge(what);
      pump();
    },
    async settle() {
      while (running) await running;
    },
    clear() {
      wanted = { drain: false, apply: false };
    },
  };
}
