import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { LabelText, PackText } from '../../components/ScreenText.tsx';
import { DocumentCode } from './DocumentCode.tsx';
import type { ProductSection } from './productSections.tsx';

interface PresentationModeProps {
  sections: ProductSection[];
  pack: ContentPack;
  startAt?: number;
  onClose(): void;
}

/** How much of a page one PageDown/Space scrolls before it turns the page. */
const scrollStep = 0.85;
/** ↓/↑ scroll a long page by about two lines of the large type, wherever the focus is. */
const lineStep = 80;

/** Keys a focused control needs for itself (Space and Enter press a button, Home/End move in a field). */
function keyBelongsToControl(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select')) return true;
  return (event.key === ' ' || event.key === 'Enter') && target.closest('button') !== null;
}

/** Tab and Shift+Tab go round the controls of the dialog instead of leaving it for the browser's own. */
function keepFocusInside(event: KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const controls = [...root.querySelectorAll<HTMLElement>('button:not(:disabled), [href], input, select, textarea, [tabindex="0"]')];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const outside = !(active instanceof Node) || !root.contains(active);
  if (event.shiftKey && (outside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (outside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * 説明モード: the explanation one section per page in large type, full screen when the browser
 * allows it and a full-window overlay when it does not (e.g. headless, or a refused request).
 * Arrow keys, PageUp/PageDown and Space turn pages; Esc leaves and ends full screen too.
 */
export function PresentationMode({ sections, pack, startAt = 0, onClose }: PresentationModeProps) {
  const [index, setIndex] = useState(startAt);
  /** Whether the page goes on below the window (a long table at 1366×768). */
  const [more, setMore] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  const last = sections.length - 1;
  const section = sections[Math.min(index, last)];
  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(last, to))), [last]);

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    closeRef.current();
  }, []);

  // Full screen, the rest of the app out of reach, focus in and back to the opener afterwards.
  useEffect(() => {
    const root = rootRef.current;
    const appRoot = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (appRoot) appRoot.inert = true;
    pageRef.current?.focus();
    let wasFullscreen = false;
    const onFullscreenChange = () => {
      if (document.fullscreenElement === root) wasFullscreen = true;
      // The browser ends full screen on Esc by itself, without telling the page about the key.
      else if (wasFullscreen && !document.fullscreenElement) closeRef.current();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    if (root && typeof root.requestFullscreen === 'function') {
      // Refused or unsupported: the fixed overlay already fills the window.
      root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement === root) void document.exitFullscreen().catch(() => undefined);
      if (appRoot) appRoot.inert = false;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    const page = pageRef.current;
    // PageDown/Space (and a presenter's remote, which sends them) first show the rest of a long
    // page, then turn it; the arrow keys always turn.
    const scrollOrTurn = (direction: 1 | -1) => {
      if (page) {
        const room = direction === 1 ? page.scrollHeight - page.clientHeight - page.scrollTop : page.scrollTop;
        if (room > 4) {
          page.scrollBy({ top: direction * page.clientHeight * scrollStep });
          return;
        }
      }
      setIndex((i) => Math.max(0, Math.min(last, i + direction)));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        leave();
        return;
      }
      if (event.key === 'Tab') {
        keepFocusInside(event, rootRef.current);
        return;
      }
      if (keyBelongsToControl(event)) return;
      const turns: Record<string, () => void> = {
        ArrowRight: () => setIndex((i) => Math.min(last, i + 1)),
        ArrowLeft: () => setIndex((i) => Math.max(0, i - 1)),
        PageDown: () => scrollOrTurn(1),
        PageUp: () => scrollOrTurn(-1),
        ' ': () => scrollOrTurn(event.shiftKey ? -1 : 1),
        ArrowDown: () => page?.scrollBy({ top: lineStep }),
        ArrowUp: () => page?.scrollBy({ top: -lineStep }),
        Home: () => setIndex(0),
        End: () => setIndex(last),
      };
      const turn = turns[event.key];
      if (!turn) return;
      event.preventDefault();
      turn();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [last, leave]);

  useEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    const measure = () => setMore(page.scrollHeight - page.clientHeight - page.scrollTop > 4);
    measure();
    page.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(page);
    if (page.firstElementChild) observer.observe(page.firstElementChild);
    return () => {
      page.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [index]);

  // A new page starts at its top; a button that just became disabled must not swallow the focus.
  useEffect(() => {
    pageRef.current?.scrollTo({ top: 0 });
    const active = document.activeElement;
    if (active instanceof HTMLButtonElement && active.disabled) pageRef.current?.focus();
  }, [index]);

  if (!section) return null;
  const titleId = `present-title-${section.id}`;
  return createPortal(
    <div ref={rootRef} className="present" role="dialog" aria-modal="true" aria-label="説明モード">
      <div className="present-top">
        <p className="present-product">{sections[0]?.title}</p>
        <DocumentCode pack={pack} />
        <button type="button" className="present-button present-close" onClick={leave}>
          <LabelText k="presentClose" />
        </button>
      </div>
      <div className="present-page-wrap">
        <div ref={pageRef} className="present-page" tabIndex={-1} role="region" aria-labelledby={titleId}>
          <section className={`present-section present-${section.id}`}>
            <h2 id={titleId} className="present-title">
              {section.title}
            </h2>
            {section.body}
          </section>
        </div>
      </div>
      <div className="present-bottom">
        <button type="button" className="present-button" onClick={() => go(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">◀ </span>
          <LabelText k="previous" />
        </button>
        <p className="present-counter" role="status">
          {index + 1} / {sections.length}
        </p>
        <button type="button" className="present-button present-next" onClick={() => go(index + 1)} disabled={index === last}>
          <LabelText k="next" />
          <span aria-hidden="true"> ▶</span>
        </button>
        <p className="present-more" aria-hidden="true">
          {more && <LabelText k="more" />}
        </p>
        <p className="present-footnote">
          <PackText pack={pack} path="summaryNote" />
        </p>
      </div>
    </div>,
    document.body,
  );
}
