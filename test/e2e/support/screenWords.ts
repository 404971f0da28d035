import type { Locator } from 'playwright-core';
import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../../shared/content/rateTableSchema.ts';
import type { AgencyTexts } from '../../../shared/domain/agencyTexts.ts';
import { screenLabels } from '../../../shared/messages/screenLabels.ts';

/** One text the screen shows, with the origin mark of the nearest marked element around it. */
export interface ShownText {
  text: string;
  origin: string | null;
  path: string | null;
  key: string | null;
  format: string | null;
  /** The whole text of the marked element: what must equal the value at its path. */
  marked: string | null;
  /** Read out to screen readers only (a table's caption repeating its heading). */
  offScreen: boolean;
}

/** Every text shown inside `root`, in reading order. */
export async function shownTexts(root: Locator): Promise<ShownText[]> {
  // Runs in the page: plain DOM, nothing from this module travels with it.
  return root.evaluate((element) => {
    const out: ShownText[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || text.trim() === '' || parent.closest('script, style, [hidden]')) continue;
      const marked = parent.closest('[data-origin]');
      out.push({
        text,
        origin: marked?.getAttribute('data-origin') ?? null,
        path: marked?.getAttribute('data-path') ?? null,
        key: marked?.getAttribute('data-key') ?? null,
        format: marked?.getAttribute('data-format') ?? null,
        marked: marked?.textContent ?? null,
        offScreen: parent.closest('.visually-hidden') !== null,
      });
    }
    return out;
  });
}

export interface ScreenSources {
  pack: ContentPack;
  rates: RateTable;
  agencyTexts?: AgencyTexts;
}

const yen = new Intl.NumberFormat('ja-JP');
/** Brackets, 〒, arrows, the page counter's digits: marks around words, never words themselves. */
const onlyMarks = /^[\s\p{P}\p{S}\p{N}]*$/u;

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const part of path.split('.')) {
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

function expectedPackText(sources: ScreenSources, path: string, format: string | null): string | null {
  const value = path.startsWith('rates.') ? valueAt(sources.rates, path.slice('rates.'.length)) : valueAt(sources.pack, path);
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (format === 'yen') return `${yen.format(Number(value))}円`;
  if (format === 'number') return yen.format(Number(value));
  return String(value);
}

/**
 * What is wrong with the words a screen shows: a word with no origin, a pack text that is not the
 * value at its path (「損害賠償金」 where the pack says 「損害賠償」), a label not in the catalogue,
 * an agency text not as set, a computed amount written like the flyer's 約…万円.
 */
export function untracedWords(shown: ShownText[], sources: ScreenSources): string[] {
  const problems: string[] = [];
  for (const item of shown) {
    const where = `「${item.text.trim()}」`;
    switch (item.origin) {
      case null:
        if (!onlyMarks.test(item.text)) problems.push(`${where} has no origin`);
        break;
      case 'pack': {
        const expected = item.path ? expectedPackText(sources, item.path, item.format) : null;
        if (expected === null) problems.push(`${where} names ${item.path ?? 'no path'}, which holds no text`);
        else if (item.marked !== expected) problems.push(`${where} is not the pack's ${item.path}: 「${expected}」`);
        break;
      }
      case 'label': {
        const label = item.key !== null && Object.hasOwn(screenLabels, item.key) ? (screenLabels as Record<string, string>)[item.key] : undefined;
        if (label === undefined || item.marked !== label) problems.push(`${where} is not the catalogue's label ${item.key ?? '(no key)'}`);
        break;
      }
      case 'agency': {
        const text = item.key && sources.agencyTexts ? sources.agencyTexts[item.key as keyof AgencyTexts]?.value : undefined;
        if (!text || item.marked !== text) problems.push(`${where} is not the agency text ${item.key ?? '(no key)'} as set`);
        break;
      }
      case 'computed':
        if (!/^[\d,]+円$/.test(item.marked ?? '')) problems.push(`${where} is a computed amount not written to the yen`);
        break;
      default:
        problems.push(`${where} has an unknown origin ${item.origin}`);
    }
  }
  return problems;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The pack texts a part of a screen shows, in the order the approved flyer prints them: each must
 * stand in the flyer after the one before it. A heading the flyer does not print there (「損害賠償金」
 * above the text the flyer heads 「損害賠償」) is only found later, and what follows it is then missing.
 */
export function outOfFlyerOrder(shown: ShownText[], flyerText: string): string[] {
  const flyer = squeeze(flyerText);
  const problems: string[] = [];
  let at = 0;
  let previous = '(start)';
  const seen = new Set<string>();
  for (const item of shown) {
    if (item.origin !== 'pack' || item.offScreen || item.path?.startsWith('rates.') || item.marked === null) continue;
    // One marked element may hold several text nodes: its whole text is checked once.
    const key = `${item.path}\u0000${item.marked}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = flyer.indexOf(squeeze(item.marked), at);
    if (found < 0) problems.push(`「${item.marked}」 (${item.path}) does not follow 「${previous}」 in the flyer`);
    else at = found + squeeze(item.marked).length;
    previous = item.marked;
  }
  return problems;
}
