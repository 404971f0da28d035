import path from 'node:path';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { resourcesDir } from '../paths.ts';
import { applyGlyphFallback, fallbackFamily, GlyphCoverage } from './glyphFallback.ts';

// pdfmake is CommonJS; one configured instance per process (or worker thread).
const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
}

/**
 * pdfkit reads and parses each font file again for every document (a 4.5 MB CJK font takes tens
 * of milliseconds, and its glyphs are decoded again for every subset). The parsed font is
 * read-only to pdfkit, which keeps each document's subset and layout cache on its own objects,
 * so one parse per font and process can serve every document. fontkit's exports are read-only
 * getters, so the module pdfkit loads is swapped in Node's module cache, before pdfkit loads it,
 * for a copy whose create() remembers what it parsed. Fonts are told apart by their table
 * directory (tags, checksums, offsets), which differs between any two font files.
 */
function shareParsedFonts(): void {
  const fontkitPath = require.resolve('fontkit', { paths: [path.dirname(require.resolve('pdfkit'))] });
  const original = require(fontkitPath) as Fontkit;
  const cached = require.cache[fontkitPath];
  if (!cached || (original as { sharedFonts?: true }).sharedFonts) return;
  const parsed = new Map<string, unknown>();
  const create = (buffer: Uint8Array, postscriptName?: string) => {
    const key = `${buffer.length}:${postscriptName ?? ''}:${Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(buffer.length, 1024)).toString('base64')}`;
    let font = parsed.get(key);
    if (!font) {
      font = original.create(buffer, postscriptName);
      parsed.set(key, font);
    }
    return font;
  };
  cached.exports = { ...original, create, sharedFonts: true };
}

let configured: PdfMake | undefined;
let coverage: GlyphCoverage | undefined;

/** pdfmake with our fonts, no network access, and file access limited to the fonts folder. */
function pdfmake(fontsDir: string): PdfMake {
  if (configured) return configured;
  shareParsedFonts();
  const instance = require('pdfmake') as PdfMake;
  const font = (name: string) => path.join(fontsDir, name);
  instance.setFonts({
    BIZUDPGothic: {
      normal: font('BIZUDPGothic-Regular.ttf'),
      bold: font('BIZUDPGothic-Bold.ttf'),
      italics: font('BIZUDPGothic-Regular.ttf'),
      bolditalics: font('BIZUDPGothic-Bold.ttf'),
    },
    BIZUDGothic: {
      normal: font('BIZUDGothic-Regular.ttf'),
      bold: font('BIZUDGothic-Bold.ttf'),
      italics: font('BIZUDGothic-Regular.ttf'),
      bolditalics: font('BIZUDGothic-Bold.ttf'),
    },
    [fallbackFamily]: {
      normal: font('NotoSansJP-Regular.ttf'),
      bold: font('NotoSansJP-Bold.ttf'),
      italics: font('NotoSansJP-Regular.ttf'),
      bolditalics: font('NotoSansJP-Bold.ttf'),
    },
  });
  // BIZ UDPGothic and BIZ UDGothic cover the same characters; one of them decides.
  coverage = new GlyphCoverage(font('BIZUDGothic-Regular.ttf'));
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsDir + path.sep));
  configured = instance;
  return instance;
}

/**
 * Renders a document definition to PDF bytes (fonts subset and embedded). Workers pass the fonts
 * folder explicitly: their bundled location says nothing about where the resources are.
 */
export async function renderPdf(definition: TDocumentDefinitions, fontsDir: string = path.join(resourcesDir(), 'fonts')): Promise<Buffer> {
  const instance = pdfmake(fontsDir);
  return instance.createPdf(applyGlyphFallback(definition, coverage!)).getBuffer();
}
