import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Logger } from '../../log/logger.ts';
import { firstDifference, recordGlyphs } from './glyphPositions.ts';
import { switchPatches } from './patchSwitch.ts';
import { selfCheckDocument } from './selfCheckDocument.ts';

/**
 * Lays the reference document out with plain pdfmake, then twice with the patches (the second
 * copy draws from what the first left in the shared fonts and memos), and compares where every
 * glyph lands. The patches stay on only if every copy agrees; otherwise, or if anything throws,
 * the thread logs why and goes on with plain pdfmake. Returns whether the patches are on.
 */
export async function checkPatches(render: (definition: TDocumentDefinitions) => Promise<unknown>, log: Logger, reference: TDocumentDefinitions = selfCheckDocument): Promise<boolean> {
  try {
    switchPatches(false);
    const plain = await recordGlyphs(() => render(reference));
    switchPatches(true);
    for (const copy of [1, 2]) {
      const difference = firstDifference(plain, await recordGlyphs(() => render(reference)));
      if (difference !== undefined) {
        switchPatches(false);
        log.warn('PDF patches off: the self-check laid its reference out differently with them; plain pdfmake is used', { copy, difference });
        return false;
      }
    }
    return true;
  } catch (error) {
    switchPatches(false);
    log.warn('PDF patches off: the self-check failed; plain pdfmake is used', { error: String(error) });
    return false;
  }
}
