import { createRequire } from 'node:module';
import { seamKeepsWidths } from './drawRunsWhole.ts';
import { notStyle } from './resolveStylesPerRun.ts';

const require = createRequire(import.meta.url);

/** A word as pdfmake's TextBreaker hands it to measuring: its text, line-end marks and its text node's own style. */
interface Word {
  text: string;
  lineEnd?: boolean;
  noNewLine?: boolean;
  [key: string]: unknown;
}

interface Font {
  widthOfString(text: string, size: number, features?: unknown): number;
}

/** A measured word, or a run of them: what pdfmake lays out on lines and draws. */
interface Inline extends Word {
  font: Font;
  fontSize: number;
  fontFeatures: unknown;
  width: number;
  leadingCut: number;
  trailingCut: number;
  x?: number;
  [words]?: RunWords;
}

/** The words of a run, with the width pdfmake measured for each. */
interface RunWords {
  texts: string[];
  widths: number[];
}

interface TextMeasurer {
  widthOfText(text: string, inline: Inline): number;
}
type Measure = ((this: TextMeasurer, words: Word[], stack: unknown) => Inline[]) & { runsOfWords?: true };
type BuildInlines = (this: TextMeasurer, text: unknown, stack: unknown) => { items: Inline[]; minWidth: number; maxWidth: number };
type GetStyleProperty = (item: object, stack: unknown, property: string, fallback: unknown) => unknown;

interface Line {
  maxWidth: number;
  leadingCut: number;
  trailingCut: number;
  inlineWidths: number;
  inlines: Inline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  addInline(inline: Inline): void;
  hasEnoughSpaceForInline(inline: Inline, next: Inline[]): boolean;
  getAvailableWidth(): number;
}
interface TextNode {
  _inlines?: Inline[];
}
interface LayoutBuilder {
  writer: { context(): { availableWidth: number } };
}
type BuildNextLine = (this: LayoutBuilder, node: TextNode) => Line | null;

const words = Symbol('words of a run');

/** Style that makes pdfmake place or draw each word on its own (spacing, decorations, links, justification). */
const placedPerWord = ['characterSpacing', 'fontFeatures', 'decoration', 'background', 'link', 'linkToPage', 'linkToDestination', 'sup', 'sub', 'noWrap'] as const;


/** pdfmake trims white space at either end of a word with these (its LEADING and TRAILING). */
const spaceAtAnEnd = /^\s|\s$/;

let measuringLeaf = false;

/**
 * pdfmake breaks text into words at every line-break opportunity, and in Japanese that is every
 * character: each is measured, styled, placed on a line and drawn as an object of its own (two
 * thousand of them in the flyer, half of the time of a copy). A stretch of words of one style
 * that pdfmake could only set edge to edge (no spaces, no per-word spacing, links or
 * decorations, and a font that shapes each seam as it shapes the words apart) is measured as one
 * run that remembers each word's width. Where a line ends inside a run, the run is split at the
 * word pdfmake would have moved to the next line, deciding word by word with pdfmake's own rule
 * and the widths it measured, so lines break at the same characters and every word keeps its
 * place. Text in list markers (whose first word pdfmake reads on its own) is left as words.
 */
export function layOutRunsOfWordsWhole(): void {
  const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: (new (document: null) => TextMeasurer) & { prototype: { measure: Measure; buildInlines: BuildInlines } } }).default;
  const measuring = TextInlines.prototype;
  if (measuring.measure.runsOfWords) return;
  const styles = (require('pdfmake/js/StyleContextStack.js') as { default: { getStyleProperty: GetStyleProperty } }).default;
  const measurer = (require('pdfmake/js/DocMeasure.js') as { default: { prototype: { measureLeaf(this: unknown, node: unknown): unknown } } }).default.prototype;
  const layout = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine: BuildNextLine } } }).default.prototype;
  const LineClass = (require('pdfmake/js/Line.js') as { default: new (maxWidth: number) => Line }).default;

  const widthOfText = (text: string, inline: Inline) => new TextInlines(null).widthOfText(text, inline);

  const measureLeaf = measurer.measureLeaf;
  measurer.measureLeaf = function (node) {
    measuringLeaf = !refersToPages(node);
    try {
      return measureLeaf.call(this, node);
    } finally {
      measuringLeaf = false;
    }
  };

  const measure = measuring.measure;
  const measureInRuns: Measure = function (wordsToMeasure, stack) {
    if (!measuringLeaf || wordsToMeasure.length < 2) return measure.call(this, wordsToMeasure, stack);
    // pdfmake indents the first word it measures; a run is measured from parts, so indented text stays words.
    if (styles.getStyleProperty(wordsToMeasure[0]!, stack, 'leadingIndent', 0)) return measure.call(this, wordsToMeasure, stack);
    return measureRuns(this, wordsToMeasure, (some) => measure.call(this, some, stack));
  };
  measureInRuns.runsOfWords = true;
  measuring.measure = measureInRuns;

  const buildInlines = measuring.buildInlines;
  measuring.buildInlines = function (text, stack) {
    const built = buildInlines.call(this, text, stack);
    if (!built.items.some((item) => item[words])) return built;
    return { ...built, ...widthsOverWords(built.items, !!styles.getStyleProperty({}, stack, 'noWrap', false)) };
  };

  const buildNextLine = layout.buildNextLine;
  layout.buildNextLine = function (node) {
    if (!node._inlines?.some((inline) => inline[words])) return buildNextLine.call(this, node);
    return nextLineWithRuns(node._inlines, new LineClass(this.writer.context().availableWidth), widthOfText);
  };
}

/** Texts whose first inline pdfmake rewrites to a page number or a reference's text. */
function refersToPages(node: unknown): boolean {
  const keys = ['_pageRef', '_tocItemRef', '_textRef', 'tocItem', 'pageReference', 'textReference'];
  return typeof node === 'object' && node !== null && keys.some((key) => key in node);
}

/**
 * Measures, in one call, every word pdfmake places on its own and the first word of each run,
 * so each run gets the style pdfmake resolves for its words; then the rest of each run by width.
 * Where words are placed one by one (spacing, links, decorations, or any justified part in the
 * text), the rest are words alone, measured as pdfmake measures a word of that style.
 */
function measureRuns(measurer: TextMeasurer, all: Word[], measure: (some: Word[]) => Inline[]): Inline[] {
  const spans = spansOfRunnableWords(all);
  if (spans.length === 0) return measure(all);
  const startsSpan = new Map(spans);
  const measured: Word[] = [];
  for (let i = 0; i < all.length; i++) {
    measured.push(all[i]!);
    const end = startsSpan.get(i);
    if (end !== undefined) i = end - 1;
  }
  measure(measured);
  // pdfmake justifies a line by the alignment of its first word, spreading space between all of
  // its words: in a text with a justified part, every word stays a word.
  const justified = (measured as Inline[]).some((word) => word.alignment === 'justify');
  const out: Inline[] = [];
  for (let i = 0; i < all.length; i++) {
    const end = startsSpan.get(i);
    if (end === undefined) {
      out.push(all[i] as Inline);
      continue;
    }
    const first = all[i] as Inline;
    const rest = all.slice(i + 1, end);
    if (!justified && drawsAsOneRun(first)) out.push(...runsOf(measurer, first, rest));
    else out.push(first, ...rest.map((word) => runOf(first, [word.text], [measurer.widthOfText(word.text, first)], word.lineEnd)));
    i = end - 1;
  }
  return out;
}

function drawsAsOneRun(first: Inline): boolean {
  return placedPerWord.every((key) => !first[key]);
}

/** [start, end) of each stretch of two or more words pdfmake would set edge to edge in one style. */
function spansOfRunnableWords(all: Word[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= all.length; i++) {
    const joins = i < all.length && runnable(all[i]!) && runnable(all[i - 1]!) && !all[i - 1]!.lineEnd && sameOwnStyle(all[i - 1]!, all[i]!);
    if (joins) continue;
    if (i - start >= 2) spans.push([start, i]);
    start = i;
  }
  return spans;
}

function runnable(word: Word): boolean {
  if (!word.text || word.noNewLine || spaceAtAnEnd.test(word.text)) return false;
  // Page references, table-of-contents items and the like are resolved per inline.
  for (const key in word) if (key.startsWith('_')) return false;
  return true;
}

function sameOwnStyle(a: Word, b: Word): boolean {
  let count = 0;
  for (const key in a) {
    if (notStyle.has(key)) continue;
    if (a[key] !== b[key]) return false;
    count++;
  }
  for (const key in b) if (!notStyle.has(key)) count--;
  return count === 0;
}

/**
 * The run's words measured as pdfmake measures each (same style, so same font and size), in
 * runs that end where the font shapes two words differently together than apart.
 */
function runsOf(measurer: TextMeasurer, first: Inline, rest: Word[]): Inline[] {
  const runs: Inline[] = [];
  let texts = [first.text];
  let widths = [first.width];
  let lastWord: Word = first;
  const close = () => runs.push(runOf(first, texts, widths, lastWord.lineEnd));
  for (const word of rest) {
    const width = measurer.widthOfText(word.text, first);
    if (!seamKeepsWidths(first.font, lastWord.text, word.text, first.fontFeatures)) {
      close();
      texts = [];
      widths = [];
    }
    texts.push(word.text);
    widths.push(width);
    lastWord = word;
  }
  close();
  return runs;
}

/** An inline like `model` (a measured word of the same style) holding the given words. */
function runOf(model: Inline, texts: string[], widths: number[], lineEnd: boolean | undefined): Inline {
  const run = copyOf(model);
  delete run.lineEnd;
  if (lineEnd) run.lineEnd = true;
  run.text = texts.join('');
  run.width = sum(widths);
  if (texts.length > 1) run[words] = { texts, widths };
  return run;
}

/** A copy as pdfmake copies an inline (for-in), with the same properties. */
function copyOf(inline: Inline): Inline {
  const copy = {} as Inline;
  for (const key in inline) copy[key] = inline[key];
  return copy;
}

/** Widths added one after another, in the order pdfmake adds up the widths of a line. */
function sum(widths: readonly number[]): number {
  let total = 0;
  for (const width of widths) total += width;
  return total;
}

/**
 * pdfmake's smallest and largest width of a text (for auto-sized table columns), worked out over
 * the words of each run as pdfmake works them out over words.
 */
function widthsOverWords(items: Inline[], noWrap: boolean): { minWidth: number; maxWidth: number } {
  let minWidth = 0;
  let maxWidth = 0;
  let line: { width: number; leadingCut: number; trailingCut: number } | null = null;
  const trimmed = (width: number, leadingCut: number, trailingCut: number) => Math.max(0, width - leadingCut - trailingCut);
  const add = (width: number, leadingCut: number, trailingCut: number, lineEnd: boolean | undefined) => {
    minWidth = Math.max(minWidth, trimmed(width, leadingCut, trailingCut));
    line ??= { width: 0, leadingCut, trailingCut: 0 };
    line.width += width;
    line.trailingCut = trailingCut;
    maxWidth = Math.max(maxWidth, trimmed(line.width, line.leadingCut, line.trailingCut));
    if (lineEnd) line = null;
  };
  for (const item of items) {
    const run = item[words];
    if (!run) {
      add(item.width, item.leadingCut, item.trailingCut, item.lineEnd);
      continue;
    }
    const last = run.widths.length - 1;
    run.widths.forEach((width, i) => add(width, i === 0 ? item.leadingCut : 0, i === last ? item.trailingCut : 0, i === last && item.lineEnd));
  }
  return { minWidth: noWrap ? maxWidth : minWidth, maxWidth };
}

/**
 * pdfmake's buildNextLine (0.3), for a text with runs. A word alone is placed as pdfmake places
 * it. A run gives the line as many of its words as pdfmake would place one by one, with the same
 * test in the same arithmetic; the words that do not fit stay a run for the next line.
 */
function nextLineWithRuns(inlines: Inline[], line: Line, widthOfText: (text: string, inline: Inline) => number): Line | null {
  if (inlines.length === 0) return null;
  let isForceContinue = false;
  while (inlines.length > 0) {
    const inline = inlines[0]!;
    const run = inline[words];
    if (run && !hardWrapsFirstWord(line, run, isForceContinue)) {
      const { taken, widths } = wordsThatFit(line, run, isForceContinue);
      if (taken === 0) break;
      if (taken === run.texts.length) {
        inlines.shift();
        line.addInline(inline);
      } else {
        const [placed, left] = splitRun(inline, run, taken);
        inlines[0] = left;
        line.addInline(placed);
      }
      // The line's width as the words' widths added one by one, as pdfmake adds them.
      line.inlineWidths = widths;
      isForceContinue = false;
      if (taken < run.texts.length) break;
      continue;
    }
    if (run) {
      // pdfmake would cut this first word itself: it becomes a word alone.
      const [word, left] = splitRun(inline, run, 1);
      inlines.splice(0, 1, word, left);
      continue;
    }
    if (!(line.hasEnoughSpaceForInline(inline, inline.noNewLine ? joinedWordsAfter(inlines) : []) || isForceContinue)) break;
    inlines.shift();
    let isHardWrap = false;
    if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
      const maxChars = longestPrefixThatFits(inline.text, line.getAvailableWidth(), (text) => widthOfText(text, inline));
      if (maxChars < inline.text.length) {
        const newInline = copyOf(inline);
        newInline.text = inline.text.substr(maxChars);
        inline.text = inline.text.substr(0, maxChars);
        newInline.width = widthOfText(newInline.text, newInline);
        inline.width = widthOfText(inline.text, inline);
        inlines.unshift(newInline);
        isHardWrap = true;
      }
    }
    line.addInline(inline);
    isForceContinue = !!inline.noNewLine && !isHardWrap;
  }
  line.lastLineInParagraph = inlines.length === 0;
  return line;
}

/**
 * What pdfmake reads after a word that must not end a line: the inlines up to the first that
 * may end one, whose widths it adds to the word's. Of a run, that is its first word.
 */
function joinedWordsAfter(inlines: Inline[]): Inline[] {
  const next: Inline[] = [];
  for (let i = 1; i < inlines.length; i++) {
    const inline = inlines[i]!;
    const run = inline[words];
    next.push(run ? { ...inline, text: run.texts[0]!, width: run.widths[0]!, [words]: undefined } : inline);
    if (run || !inline.noNewLine) break;
  }
  return next;
}

/**
 * How many words of a run pdfmake would place on the line one by one, and the line's widths
 * with them: a word goes on while the line is empty, is forced on, or fits (no word of a run has
 * cuts or may not end a line).
 */
function wordsThatFit(line: Line, run: RunWords, isForceContinue: boolean): { taken: number; widths: number } {
  let widths = line.inlineWidths;
  let leadingCut = line.leadingCut;
  let placed = line.inlines.length;
  let taken = 0;
  for (const width of run.widths) {
    const fits = (taken === 0 && isForceContinue) || placed === 0 || (!line.newLineForced && widths + width - leadingCut <= line.maxWidth);
    if (!fits) break;
    if (placed === 0) leadingCut = 0;
    widths += width;
    placed++;
    taken++;
  }
  return { taken, widths };
}

/** Whether pdfmake would cut the run's first word in two to fit it (a word wider than the line). */
function hardWrapsFirstWord(line: Line, run: RunWords, isForceContinue: boolean): boolean {
  const forcedOn = line.inlines.length === 0 || isForceContinue;
  return forcedOn && run.texts[0]!.length > 1 && run.widths[0]! > line.getAvailableWidth();
}

/** The first `count` words of a run and the rest, each a run (or a word alone) of the same style. */
function splitRun(inline: Inline, run: RunWords, count: number): [Inline, Inline] {
  const split = (from: number, to: number, lineEnd: boolean | undefined) =>
    runOf(inline, run.texts.slice(from, to), run.widths.slice(from, to), lineEnd);
  return [split(0, count, false), split(count, run.texts.length, inline.lineEnd)];
}

/** pdfmake's findMaxFitLength: the longest start of a word that fits, at least one character. */
function longestPrefixThatFits(text: string, maxWidth: number, measure: (text: string) => number): number {
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measure(text.substring(0, mid)) <= maxWidth) {
      bestFit = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return bestFit;
}
