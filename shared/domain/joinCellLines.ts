import { csvMessages } from '../messages/csvMessages.ts';

/**
 * A cell of a one-line field (医療機関名, 所在地, …) with its line breaks replaced by one space
 * each, blank lines dropped: what staff meant by pressing Alt+Enter in Excel to wrap a long
 * address. `message` says what was done, in Japanese, for the import preview.
 */
export function joinCellLines(cell: string): { text: string; changed: boolean; message: string } {
  if (!/[\r\n]/.test(cell)) return { text: cell, changed: false, message: '' };
  const lines = cell.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  const text = lines.join(' ');
  return { text, changed: true, message: csvMessages.lineBreaksJoined(text.length > 40 ? `${text.slice(0, 40)}…` : text) };
}
