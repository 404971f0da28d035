import { createRequire } from 'node:module';
import { patchesOn } from './patchSwitch.ts';

const require = createRequire(import.meta.url);

/** The parts of a pdfmake inline (one measured word) that drawing it reads. */
interface Inline {
  text: string;
  x: number;
  width: number;
  font: { widthOfString(text: string, size: number, features?: unknown): number };
  fontSize: number;
  leadingCut?: number;
  trailingCut?: number;
  [style: string]: unknown;
}

interface Line {
  inlines: Inline[];
}

type RenderLine = (this: unknown, line: Line, x: number, y: number) => void;

/** Every property besides text, position and cuts that changes how an inline is drawn. */
const drawingStyle = [
  'font', 'fontSize', 'fontFeatures', 'color', 'opacity', 'characterSpacing', 'background',
  'decoration', 'decorationStyle', 'decorationColor', 'decorationThickness',
  'link', 'linkToPage', 'linkToDestination', 'sup', 'sub', 'height',
] as const;

/** Inlines that only pdfmake itself may touch while drawing (page references, justification). */
const drawnAlone = (inline: Inline) => inline._pageNodeRef !== undefined || inline.justifyShift !== undefined || !!inline.characterSpacing;

/**
 * pdfmake measures and draws every word as its own inline, and in Japanese every character is a
 * word: each became its own text object (about 100 bytes of PDF operators and one full pdfkit
 * text() call per character). Before a line is drawn, neighbouring inlines that touch and share
 * every style are joined, so a run of text is one text object, which is the optimisation
 * pdfmake's renderLine leaves as a TODO. A join is made only when the font shapes the two characters
 * at the seam as it shapes them apart, so every glyph stays where the layout put it.
 */
export function drawTouchingRunsWhole(): void {
  const renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: RenderLine & { runsWhole?: true } } } }).default.prototype;
  if (renderer.renderLine.runsWhole) return;
  const renderLine = renderer.renderLine;
  const joined: RenderLine & { runsWhole?: true } = function (this: unknown, line, x, y) {
    renderLine.call(this, patchesOn() ? withJoinedRuns(line) : line, x, y);
  };
  joined.runsWhole = true;
  renderer.renderLine = joined;
}

export function withJoinedRuns<L extends Line>(line: L): L {
  const runs: Inline[][] = [];
  for (const inline of line.inlines) {
    const run = runs.at(-1);
    if (run && canJoin(run.at(-1)!, inline)) run.push(inline);
    else runs.push([inline]);
  }
  if (runs.length === line.inlines.length) return line;
  return Object.assign(Object.create(Object.getPrototypeOf(line) as object) as L, line, { inlines: runs.map(join) });
}

function canJoin(a: Inline, b: Inline): boolean {
  if (drawnAlone(a) || drawnAlone(b) || a.trailingCut || b.leadingCut) return false;
  if (drawingStyle.some((key) => a[key] !== b[key])) return false;
  const tolerance = 1e-6 * a.fontSize;
  if (Math.abs(a.x + a.width - b.x) > tolerance) return false;
  return seamKeepsWidths(a.font, a.text, b.text, a.fontFeatures);
}

/** Per parsed font (shared by every document), whether shaping a pair of characters together changes their widths. */
const seamsByFont = new WeakMap<object, Map<number | string, boolean>>();
/** The parsed font's seams, also kept on each document's font: there is a seam between every two words. */
const knownSeams = Symbol('seams of its parsed font');
type FontWithSeams = Inline['font'] & { [knownSeams]?: Map<number | string, boolean> };

/**
 * Kerning or a substitution across the seam is the only way joining moves glyphs, and it acts
 * on the two characters at the seam alone: the last of the text before it and the first of the
 * text after it. The answer depends on the font and the pair only, so it is worked out once per
 * pair (in font units, 1000 to the em) and remembered, by the pair's code points.
 */
export function seamKeepsWidths(font: Inline['font'], before: string, after: string, features: unknown): boolean {
  // An empty text has no character to shape with its neighbour.
  if (!before || !after) return true;
  let seams = (font as FontWithSeams)[knownSeams];
  if (!seams) {
    const parsed = (font as { font?: object }).font ?? font;
    seams = seamsByFont.get(parsed);
    if (!seams) seamsByFont.set(parsed, (seams = new Map()));
    (font as FontWithSeams)[knownSeams] = seams;
  }
  const left = lastCodePoint(before);
  const right = after.codePointAt(0) ?? 0;
  const key = features ? `${left}:${right}:${JSON.stringify(features)}` : left * 0x110000 + right;
  let keeps = seams.get(key);
  if (keeps === undefined) {
    const width = (text: string) => font.widthOfString(text, 1000, features);
    const [l, r] = [String.fromCodePoint(left), String.fromCodePoint(right)];
    keeps = Math.abs(width(l + r) - width(l) - width(r)) <= 1e-3;
    seams.set(key, keeps);
  }
  return keeps;
}

function lastCodePoint(text: string): number {
  const low = text.charCodeAt(text.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && text.length > 1 ? (text.codePointAt(text.length - 2) ?? low) : low;
}

function join(run: Inline[]): Inline {
  if (run.length === 1) return run[0]!;
  const first = run[0]!;
  const last = run.at(-1)!;
  return { ...first, text: run.map((i) => i.text).join(''), width: last.x + last.width - first.x, trailingCut: last.trailingCut };
}
