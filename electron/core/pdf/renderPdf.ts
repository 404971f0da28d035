import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { resourcesDir } from '../paths.ts';
import { compressStreamsInParallel } from './compressStreams.ts';
import { drawTouchingRunsWhole } from './drawRunsWhole.ts';
import { resolveStylesOncePerRun } from './resolveStylesPerRun.ts';
import { layOutRunsOfWordsWhole } from './runsOfWords.ts';
import { rememberLayoutsAcrossDocuments } from './rememberLayouts.ts';
import { shareFontWorkAcrossDocuments } from './sharedFonts.ts';
import { applyGlyphFallback, fallbackFamily, GlyphCoverage } from './glyphFallback.ts';

// pdfmake is CommonJS; one configured instance per process (or worker thread).
const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let configured: PdfMake | undefined;
let coverage: GlyphCoverage | undefined;

/** pdfmake with our fonts, no network access, and file access limited to the fonts folder. */
function pdfmake(fontsDir: string): PdfMake {
  if (configured) return configured;
  shareFontWorkAcrossDocuments();
  drawTouchingRunsWhole();
  resolveStylesOncePerRun();
  layOutRunsOfWordsWhole();
  rememberLayoutsAcrossDocuments();
  compressStreamsInParallel();
  const instance = require('pdfmake') as PdfMake;
  // Each font file is read once into pdfmake's virtual file system: given a path, pdfkit reads
  // the whole file again for every document (four CJK fonts, 9 ms and 18 MB of garbage a copy).
  const font = (name: string) => {
    instance.virtualfs.writeFileSync(name, fs.readFileSync(path.join(fontsDir, name)));
    return name;
  };
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
  coverage = new GlyphCoverage(path.join(fontsDir, 'BIZUDGothic-Regular.ttf'));
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
