import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's h1. After a menu choice it takes focus, so keyboard and screen-reader users land
 * at the top of the new screen instead of staying in the menu; on first load focus stays put.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement?.closest('nav')) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
