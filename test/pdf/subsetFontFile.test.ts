import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { switchPatches } from '../../electron/core/pdf/patches/patchSwitch.ts';
import { writeSubsetsDirectly } from '../../electron/core/pdf/patches/subsetFontFile.ts';
import { resourcesDir } from '../../electron/core/paths.ts';

const require = createRequire(import.meta.url);

interface Font {
  numGlyphs: number;
  stream: { buffer: Uint8Array };
  createSubset(): Subset;
}
interface Subset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
type Encode = ((this: Subset) => Uint8Array) & { direct?: true };

// The fontkit pdfkit uses, as renderPdf hooks it.
const fontkit = require(require.resolve('fontkit', { paths: [path.dirname(require.resolve('pdfkit'))] })) as { create(data: Buffer): Font };
const fonts = ['BIZUDPGothic-Regular.ttf', 'BIZUDGothic-Bold.ttf', 'NotoSansJP-Regular.ttf'].map((name) => ({
  name,
  font: fontkit.create(fs.readFileSync(path.join(resourcesDir(), 'fonts', name))),
}));

/** A deterministic spread of glyph ids. (The bundled fonts have no composite glyphs; subsets with one are left to fontkit.) */
function someGlyphs(font: Font, seed: number): number[] {
  const ids: number[] = [];
  for (let i = 1; ids.length < 300; i++) ids.push((seed * 7919 * i) % font.numGlyphs);
  return ids;
}

describe('writing a subset font file', () => {
  it('writes byte for byte the file fontkit writes, for every bundled font, and leaves the font itself unchanged', () => {
    const subsetClass = Object.getPrototypeOf(fonts[0]!.font.createSubset()).constructor as { prototype: { encode: Encode } };
    const fontkitEncode = subsetClass.prototype.encode;
    expect(fontkitEncode.direct).toBeUndefined();
    const hash = (font: Font) => crypto.createHash('sha256').update(font.stream.buffer).digest('hex');
    const subset = (font: Font, glyphs: number[]) => {
      const s = font.createSubset();
      for (const id of glyphs) s.includeGlyph(id);
      return s;
    };
    const fontBytes = fonts.map(({ font }) => hash(font));

    const byFontkit = fonts.map(({ font }) => [1, 2].map((seed) => Buffer.from(fontkitEncode.call(subset(font, someGlyphs(font, seed))))));
    writeSubsetsDirectly(subsetClass);
    switchPatches(true);
    try {
      const direct = fonts.map(({ font }) => [1, 2].map((seed) => Buffer.from(subset(font, someGlyphs(font, seed)).encode())));
      fonts.forEach(({ name }, f) => {
        for (const copy of [0, 1]) expect(direct[f]![copy]!.equals(byFontkit[f]![copy]!), `${name}, subset ${copy + 1}`).toBe(true);
      });
      expect(fonts.map(({ font }) => hash(font))).toEqual(fontBytes);
    } finally {
      switchPatches(false);
      subsetClass.prototype.encode = fontkitEncode;
    }
  });
});
