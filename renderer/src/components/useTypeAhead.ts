import { useEffect, useRef, type ChangeEvent, type CompositionEvent } from 'react';

/** Long enough to skip the keystrokes in the middle of a word, short enough to feel immediate. */
const searchDelayMs = 250;

/**
 * Search as the user types, for Japanese input: waits for a pause in typing and never searches
 * while an IME composition is open (the text is still being converted), so half-converted text
 * is never sent. `run` gets the box's text; the newest `run` given is the one called.
 */
export function useTypeAhead(run: (text: string) => void) {
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const cancel = () => clearTimeout(timer.current);
  const schedule = (text: string) => {
    cancel();
    timer.current = setTimeout(() => latestRun.current(text), searchDelayMs);
  };
  return {
    /** Searches at once (Enter), dropping a search still waiting. */
    runNow(text: string) {
      cancel();
      latestRun.current(text);
    },
    cancel,
    /** Call from onChange once the text is stored: schedules a search unless the IME is converting. */
    typed(e: ChangeEvent<HTMLInputElement>) {
      if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) schedule(e.target.value);
    },
    /** Spread onto the input. */
    compositionHandlers: {
      onCompositionStart() {
        composing.current = true;
        cancel();
      },
      onCompositionEnd(e: CompositionEvent<HTMLInputElement>) {
        composing.current = false;
        schedule(e.currentTarget.value);
      },
    },
  };
}
