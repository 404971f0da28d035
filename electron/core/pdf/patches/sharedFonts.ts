import path from 'node:path';
import { createRequire } from 'node:module';
import { patchesOn } from './patchSwitch.ts';
import { writeSubsetsDirectly } from './subsetFontFile.ts';

const require = createRequire(import.meta.url);

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

interface FontkitFont {
  createSubset(): object;
  directory: { tables: Record<string, unknown> };
}

/**
 * pdfkit reads and parses each font file again for every document (a 4.5 MB CJK font takes tens
 * of milliseconds). A parsed font is immutable: pdfkit keeps each document's subset, widths and
 * layout cache on its own objects. So one parse per font and process serves every document (and
 * one shaping of each text, see rememberLayouts.ts), and subsets are written by
 * subsetFontFile.ts. fontkit's exports are read-only getters, so the
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
    if (!patchesOn()) return original.create(buffer, postscriptName);
    const key = `${buffer.length}:${postscriptName ?? ''}:${Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(buffer.length, 1024)).toString('base64')}`;
    let font = parsed.get(key);
    if (!font) {
      font = original.create(buffer, postscriptName);
      if (font.directory.tables.glyf) writeSubsetsDirectly(font.createSubset().constructor);
      parsed.set(key, font);
    }
    return font;
  };
  cached.exports = { ...original, create, sharedFonts: true };
}
