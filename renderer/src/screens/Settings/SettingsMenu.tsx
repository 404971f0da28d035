import { useEffect, useState, type RefObject } from 'react';

interface MenuItem {
  id: string;
  label: string;
}

/** The sections the page shows now (some appear only when they have something to say). */
function sectionsOf(screen: HTMLElement): MenuItem[] {
  return [...screen.querySelectorAll<HTMLHeadingElement>(':scope > section > h2[id]')].map((h) => ({ id: h.id, label: h.textContent ?? '' }));
}

/**
 * 「このページの項目」: 設定 is several screens long, so its sections are one click (or Enter)
 * away; the chosen heading takes the focus, so the keyboard carries on from there.
 */
export function SettingsMenu({ screen }: { screen: RefObject<HTMLElement | null> }) {
  const [items, setItems] = useState<MenuItem[]>([]);
  useEffect(() => {
    const element = screen.current;
    if (!element) return;
    const read = () => {
      const next = sectionsOf(element);
      setItems((current) => (current.length === next.length && current.every((c, i) => c.id === next[i]?.id && c.label === next[i]?.label) ? current : next));
    };
    read();
    const observer = new MutationObserver(read);
    observer.observe(element, { childList: true, subtree: false });
    return () => observer.disconnect();
  }, [screen]);

  const go = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };

  if (items.length === 0) return null;
  return (
    <nav className="settings-menu" aria-label="このページの項目">
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="link-button" onClick={() => go(item.id)}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
