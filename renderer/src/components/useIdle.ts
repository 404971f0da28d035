import { useEffect, useRef } from 'react';

/** What counts as someone at the counter: keys, clicks, taps, scrolling (not a mouse drifting past). */
const inputEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once when `minutes` pass without input (0: never). Time is read from Date.now
 * and checked by an interval, so a test can move the page's clock instead of waiting.
 */
export function useIdle(minutes: number, onIdle: () => void): void {
  const handler = useRef(onIdle);
  useEffect(() => {
    handler.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (minutes <= 0) return;
    let last = Date.now();
    let fired = false;
    const touched = () => {
      last = Date.now();
      fired = false;
    };
    for (const name of inputEvents) window.addEventListener(name, touched, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (fired || Date.now() - last < minutes * 60_000) return;
      fired = true;
      handler.current();
    }, 5_000);
    return () => {
      for (const name of inputEvents) window.removeEventListener(name, touched, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes]);
}
