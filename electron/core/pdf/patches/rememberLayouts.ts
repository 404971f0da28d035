import { createRequire } from 'node:module';
import { patchesOn } from './patchSwitch.ts';

const require = createRequire(import.meta.url);

/** A text shaped by pdfkit: its glyphs and their positions, scaled to 1000 units to the em. */
interface GlyphRun {
  advanceWidth: number;
}

/** pdfkit's font of one document (its EmbeddedFont), as measuring and drawing use it. */
interface DocumentFont {
  font: object;
  [knownWidths]?: Map<string, number>;
  [knownRuns]?: Map<string, GlyphRun>;
  layoutCache?: Record<string, GlyphRun>;
  layout(text: string, features: unknown, onlyWidth: true): GlyphRun;
  layoutCached(text: string): GlyphRun;
  widthOfString(text: string, size: number, features?: unknown): number;
}
interface FontClass {
  widthOfString: DocumentFont['widthOfString'];
  layoutCached: DocumentFont['layoutCached'];
  remembered?: true;
}
type ProvideFont = (this: unknown, family: string, bold: boolean, italics: boolean) => DocumentFont;

/** Distinct texts whose widths, and whose shaped runs, are kept per font before each memo starts over. */
const widthsKept = 20_000;
const runsKept = 5_000;

/**
 * pdfkit shapes every word and every drawn text again in each document, through a layout cache
 * of that document, and pdfmake measures every word of every document. A text's shaping and
 * width depend only on the parsed font (shared by all documents, see sharedFonts.ts) and the
 * text, so both are remembered per font across documents. pdfkit's own cache already hands the
 * same shaped run to every reader in a document, so no reader changes one. Texts shaped with
 * OpenType features are left to pdfkit, as pdfkit leaves them uncached.
 */
export function rememberLayoutsAcrossDocuments(): void {
  const documentClass = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: { provideFont: ProvideFont } } }).default.prototype;
  const provideFont = documentClass.provideFont;
  // pdfkit's font class is not exported: it is patched on the first font pdfmake provides, and
  // provideFont is handed back, so measuring each word does not pass through this wrapper.
  documentClass.provideFont = function (this: unknown, family, bold, italics) {
    const font = provideFont.call(this, family, bold, italics);
    if (typeof font.layout === 'function') {
      rememberLayoutsOf(Object.getPrototypeOf(font) as FontClass);
      documentClass.provideFont = provideFont;
    }
    return font;
  };
}

/** Remembered per parsed font: what it takes `size / 1000` times to give a width, and shaped runs. */
const widths = new WeakMap<object, Map<string, number>>();
const runs = new WeakMap<object, Map<string, GlyphRun>>();
/** The parsed font's memos, also kept on each document's font: a word is measured thousands of times a copy. */
const knownWidths = Symbol('widths of its parsed font');
const knownRuns = Symbol('runs of its parsed font');

function memoOf<T>(memos: WeakMap<object, Map<string, T>>, font: object): Map<string, T> {
  let memo = memos.get(font);
  if (!memo) memos.set(font, (memo = new Map()));
  return memo;
}

function rememberLayoutsOf(fontClass: FontClass): void {
  if (fontClass.remembered) return;
  fontClass.remembered = true;
  const widthOfString = fontClass.widthOfString;
  fontClass.widthOfString = function (this: DocumentFont, text, size, features) {
    if (features || !patchesOn()) return widthOfString.call(this, text, size, features);
    const known = (this[knownWidths] ??= memoOf(widths, this.font));
    let width = known.get(text);
    if (width === undefined) {
      if (known.size >= widthsKept) known.clear();
      width = this.layout(text, features, true).advanceWidth;
      known.set(text, width);
    }
    return width * (size / 1000); // as pdfkit computes it, so every width is the same to the last bit
  };
  const layoutCached = fontClass.layoutCached;
  fontClass.layoutCached = function (this: DocumentFont, text) {
    // A document made with fontLayoutCache: false asked pdfkit not to keep runs.
    if (!this.layoutCache || !patchesOn()) return layoutCached.call(this, text);
    const known = (this[knownRuns] ??= memoOf(runs, this.font));
    let run = known.get(text);
    if (!run) {
      if (known.size >= runsKept) known.clear();
      run = layoutCached.call(this, text);
      known.set(text, run);
    }
    return run;
  };
}
