import { csvMessages } from '../messages/csvMessages.ts';
import { clinicFieldLabels } from './clinic.ts';

/** What the clinic list export writes in 送付不要 for a marked clinic: the word an office types itself. */
export const noMailingMark = clinicFieldLabels.noMailing;

// Compared after NFKC (ＴＲＵＥ, １), lower case (True) and without spaces. ◯ is how an IME
// converts まる as often as ○ and 〇; 不要 is what a 送付不要 column says in few words.
const key = (cell: string) => cell.normalize('NFKC').toLowerCase().replace(/\s/g, '');
const markedCells = new Set([noMailingMark, '不要', 'はい', '○', '〇', '◯', '1', 'true'].map(key));
// A blank cell is the export's own 'not marked'; いいえ, 0 and FALSE are what Excel users type
// or what a TRUE/FALSE column holds.
const unmarkedCells = new Set(['', 'いいえ', '0', 'false'].map(key));

/**
 * A 送付不要 cell of an imported list: true for a mark, false for blank or an explicit no, or
 * the Japanese message saying which values are read when it is neither.
 */
export function readNoMailingCell(cell: string): { ok: true; noMailing: boolean } | { ok: false; message: string } {
  const read = key(cell);
  if (markedCells.has(read)) return { ok: true, noMailing: true };
  if (unmarkedCells.has(read)) return { ok: true, noMailing: false };
  const shown = cell.trim();
  return { ok: false, message: csvMessages.noMailingUnreadable(shown.length > 20 ? `${shown.slice(0, 20)}…` : shown) };
}
