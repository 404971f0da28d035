import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { resourcesDir } from '../paths.ts';
import type { Logger } from '../log/logger.ts';
import { applyGlyphFallback, fallbackFamily, GlyphCoverage } from './glyphFallback.ts';
import { installPdfmakePatches } from './patches/pdfmakePatches.ts';
import { patchesOn, patchesWanted, switchPatches } from './patches/patchSwitch.ts';
import { checkPatches } from './patches/selfCheck.ts';

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
  installPdfmakePatches();
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

const defaultFontsDir = () => path.join(resourcesDir(), 'fonts');

/** Where a thread without a log file of its own (tests, the bench) says that its patches are off. */
const stderrLogger: Logger = {
  info: () => undefined,
  warn: (message, meta) => process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...meta })}\n`),
  error: (message, meta) => process.stderr.write(`${JSON.stringify({ level: 'error', message, ...meta })}\n`),
};

export interface PdfSetup {
  fontsDir?: string;
  /** The patches of patches/, if their self-check agrees; off with CYBER_COUNTER_PDF_PATCHES=off. */
  patches?: boolean;
  log?: Logger;
}

let ready: Promise<boolean> | undefined;

/**
 * Loads and configures this thread's pdfmake and decides whether its patches are used: only if
 * wanted and the self-check lays its reference out exactly as plain pdfmake does. Resolves with
 * whether they are on. renderPdf does this on first use with the setting from the environment.
 */
export function preparePdfmake({ fontsDir = defaultFontsDir(), patches = patchesWanted(), log = stderrLogger }: PdfSetup = {}): Promise<boolean> {
  const instance = pdfmake(fontsDir);
  const draw = (definition: TDocumentDefinitions) => instance.createPdf(applyGlyphFallback(definition, coverage!)).getBuffer();
  const previous = ready ?? Promise.resolve(false);
  ready = previous.then(() => {
    switchPatches(false);
    return patches ? checkPatches(draw, log) : false;
  });
  return ready;
}

/** Whether this thread's pdfmake runs with its patches (after preparePdfmake has settled). */
export function pdfPatchesInUse(): boolean {
  return patchesOn();
}

/**
 * Renders a document definition to PDF bytes (fonts subset and embedded). Workers pass the fonts
 * folder explicitly: their bundled location says nothing about where the resources are.
 */
export async function renderPdf(definition: TDocumentDefinitions, fontsDir: string = defaultFontsDir()): Promise<Buffer> {
  await (ready ?? preparePdfmake({ fontsDir }));
  return pdfmake(fontsDir).createPdf(applyGlyphFallback(definition, coverage!)).getBuffer();
}
