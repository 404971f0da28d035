import path from 'node:path';
import { createRequire } from 'node:module';
import { writeSubsetsDirectly } from './subsetFontFile.ts';

const require = createRequire(import.meta.url);

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

interface FontkitFont {
  getGlyph(id: number): object | null;
  createSubset(): object;
  directory: { tables: Record<string, unknown> };
}

/**
 * pdfkit reads and parses each font file again for every document (a 4.5 MB CJK font takes tens
 * of milliseconds), and decodes every glyph it embeds again for every subset. A parsed font is
 * immutable: pdfkit keeps each document's subset, widths and layout cache on its own objects.
 * So one parse and one decoding of each glyph per font and process serve every document (and
 * one shaping of each text, see rememberLayouts.ts). fontkit's exports are read-only getters, so the
 * module pdfkit loads is swapped in Node's module cache, before pdfkit loads it, for a copy whose
 * create() remembers what it parsed. Fonts are told apart by their table directory (tags,
 * checksums, offsets), which differs between any two font files.
 */
export function shareFontWorkAcrossDocuments(): void {
  const fontkitPath = require.resolve('fontkit', { paths: [path.dirname(require.resolve('pdfkit'))] });
  const original = require(fontkitPath) as Fontkit;
  const cached = require.cache[fontkitPath];
  if (!cached || (original as { sharedFonts?: true }).sharedFonts) return;
  const parsed = new Map<string, FontkitFont>();
  const create = (buffer: Uint8Array, postscriptName?: string) => {
    const key = `${buffer.length}:${postscriptName ?? ''}:${Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(buffer.length, 1024)).toString('base64')}`;
    let font = parsed.get(key);
    if (!font) {
      font = original.create(buffer, postscriptName);
      decodeGlyphsOnce(font);
      if (font.directory.tables.glyf) writeSubsetsDirectly(font.createSubset().constructor);
      parsed.set(key, font);
    }
    return font;
  };
  cached.exports = { ...original, create, sharedFonts: true };
}

/**
 * A subset decodes each glyph it embeds (all its points) only to learn whether it is composite.
 * Decoded glyphs are read-only (static fonts: no variation processing), so each is decoded once.
 */
function decodeGlyphsOnce(font: FontkitFont): void {
  const glyphClass = Object.getPrototypeOf(font.getGlyph(0)) as { _decode?: () => unknown; decodedOnce?: true };
  if (!glyphClass._decode || glyphClass.decodedOnce) return;
  const decode = glyphClass._decode;
  const decoded = new WeakMap<object, unknown>();
  glyphClass._decode = function (this: object) {
    if (!decoded.has(this)) decoded.set(this, decode.call(this));
    return decoded.get(this);
  };
  glyphClass.decodedOnce = true;
}
