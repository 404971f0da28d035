import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** One glyph as drawn: page, font, size, glyph id and where its origin lies (points, from the top left). */
export interface PlacedGlyph {
  page: number;
  font: string;
  size: number;
  glyph: number;
  x: number;
  y: number;
}

interface PdfkitFont {
  name: string;
  layout(text: string, features?: unknown): { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}
interface PdfkitDocument {
  page: object;
  _font: PdfkitFont;
  _fontSize: number;
  _fragment(this: PdfkitDocument, text: string, x: number, y: number, options: { features?: unknown; characterSpacing?: number }): void;
}

/**
 * Every glyph a rendering draws, read where pdfkit draws text (its `_fragment`, which every text
 * of pdfmake goes through): the glyphs and advances pdfkit's shaping gives, placed from the
 * fragment's origin. However pdfmake's words are grouped into fragments, the same glyphs at the
 * same places give the same list.
 */
export async function recordGlyphs(render: () => Promise<unknown>): Promise<PlacedGlyph[]> {
  const documentClass = (require('pdfkit') as { prototype: PdfkitDocument }).prototype;
  const fragment = documentClass._fragment;
  const placed: PlacedGlyph[] = [];
  const pages = new Map<object, number>();
  documentClass._fragment = function (this: PdfkitDocument, text, x, y, options) {
    const drawn = `${text}`.replace(/\n/g, '');
    if (drawn.length > 0) {
      if (!pages.has(this.page)) pages.set(this.page, pages.size + 1);
      const { glyphs, positions } = this._font.layout(drawn, options.features);
      const scale = this._fontSize / 1000;
      let advance = 0;
      glyphs.forEach((glyph, i) => {
        const position = positions[i]!;
        placed.push({ page: pages.get(this.page)!, font: this._font.name, size: this._fontSize, glyph: glyph.id, x: x + (advance + position.xOffset) * scale + i * (options.characterSpacing ?? 0), y: y - position.yOffset * scale });
        advance += position.xAdvance;
      });
    }
    fragment.call(this, text, x, y, options);
  };
  try {
    await render();
  } finally {
    documentClass._fragment = fragment;
  }
  return placed;
}

/** Glyphs placed within a hundredth of a point of each other are in the same place: sums of the same widths may differ in the last bits. */
const tolerance = 0.01;

/** The first difference between two layouts, in words for the log, or undefined when they agree. */
export function firstDifference(expected: readonly PlacedGlyph[], actual: readonly PlacedGlyph[]): string | undefined {
  if (expected.length === 0) return 'the reference document drew no glyphs';
  if (expected.length !== actual.length) return `${actual.length} glyphs drawn, expected ${expected.length}`;
  for (const [i, want] of expected.entries()) {
    const got = actual[i]!;
    const same = want.page === got.page && want.font === got.font && want.size === got.size && want.glyph === got.glyph && Math.abs(want.x - got.x) <= tolerance && Math.abs(want.y - got.y) <= tolerance;
    if (!same) return `glyph ${i + 1}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
  }
  return undefined;
}
