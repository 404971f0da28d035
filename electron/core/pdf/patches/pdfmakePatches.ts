import { drawTouchingRunsWhole } from './drawRunsWhole.ts';
import { rememberLayoutsAcrossDocuments } from './rememberLayouts.ts';
import { shareFontWorkAcrossDocuments } from './sharedFonts.ts';

/**
 * Puts every patch in place, switched off (see patchSwitch.ts), before pdfmake is loaded:
 * sharedFonts.ts must replace fontkit in the module cache before pdfkit loads it. Each thread
 * has its own module cache, so this changes the pdfmake of the calling thread only. See README.md.
 */
export function installPdfmakePatches(): void {
  shareFontWorkAcrossDocuments();
  drawTouchingRunsWhole();
  rememberLayoutsAcrossDocuments();
}
