import { createRequire } from 'node:module';
import type { Content } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** The family used for characters the BIZ UD fonts lack (𠮷 and other CJK extension kanji). */
export const fallbackFamily = 'NotoSansJP';

/**
 * Knows which characters the primary fonts can draw. Names are printed as typed, and a name
 * with 𠮷 must print 𠮷, not an empty box: such characters are set in the fallback font.
 */
export class GlyphCoverage {
  private readonly font: FontkitFont;
  private readonly cache = new Map<number, boolean>();

  constructor(primaryFontFile: string) {
    const fontkit = require('fontkit') as { openSync(file: string): FontkitFont };
    this.font = fontkit.openSync(primaryFontFile);
  }

  covers(codePoint: number): boolean {
    let known = this.cache.get(codePoint);
    if (known === undefined) {
      // Spaces and line breaks are layout, not glyphs.
      known = codePoint <= 0x20 || this.font.hasGlyphForCodePoint(codePoint);
      this.cache.set(codePoint, known);
    }
    return known;
  }

  /** Splits a string into runs, marking the ones the primary fonts cannot draw. */
  runs(text: string): { text: string; fallback: boolean }[] {
    const runs: { text: string; fallback: boolean }[] = [];
    for (const char of text) {
      const fallback = !this.covers(char.codePointAt(0) ?? 0);
      const last = runs[runs.length - 1];
      if (last && last.fallback === fallback) last.text += char;
      else runs.push({ text: char, fallback });
    }
    return runs;
  }
}

/**
 * Rewrites every text of a document so that characters missing from the primary fonts use the
 * fallback family; everything else (style, size, layout) is left as it was.
 */
export function applyGlyphFallback<T>(node: T, coverage: GlyphCoverage): T {
  if (Array.isArray(node)) return node.map((child) => applyGlyphFallback(child, coverage)) as T;
  // Only plain objects hold text: a Date (the PDF's creation date) or a Buffer (an image) is kept as it is.
  if (typeof node !== 'object' || node === null || Object.getPrototypeOf(node) !== Object.prototype) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text') out.text = splitText(value, coverage);
    else if (typeof value === 'object' && value !== null && !(value instanceof Function)) out[key] = applyGlyphFallback(value, coverage);
    else out[key] = value;
  }
  return out as T;
}

function splitText(value: unknown, coverage: GlyphCoverage): unknown {
  if (typeof value === 'string') {
    const runs = coverage.runs(value);
    if (runs.every((r) => !r.fallback)) return value;
    return runs.map((r) => (r.fallback ? ({ text: r.text, font: fallbackFamily } satisfies Content) : r.text));
  }
  if (Array.isArray(value)) {
    return value.flatMap((part) => {
      const split = typeof part === 'string' ? splitText(part, coverage) : applyGlyphFallback(part, coverage);
      return Array.isArray(split) && typeof part === 'string' ? split : [split];
    });
  }
  return applyGlyphFallback(value, coverage);
}
