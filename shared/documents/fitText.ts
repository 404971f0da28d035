import { fallbackLineFactor } from './theme.ts';

/**
 * Fits a value into a fixed box for the fixed-width value font (BIZ UDGothic): full-width
 * characters are 1 em, half-width ones (ASCII, half-width katakana) 0.5 em. Tries each size,
 * largest first, wrapping into at most `maxLines`; at the smallest size, cuts with 「…」 so that
 * nothing ever leaves its box. With `heightPt`, a size gets only the lines that fit that height
 * even in the taller fallback font (a name with 𠮷), so a fixed row never grows.
 */
export function fitText(
  text: string,
  box: { widthPt: number; maxLines: number; sizesPt: readonly number[]; heightPt?: number; lineHeight?: number },
): { lines: string[]; sizePt: number; cut: boolean } {
  const linesAt = (size: number) =>
    box.heightPt === undefined
      ? box.maxLines
      : Math.max(1, Math.min(box.maxLines, Math.floor(box.heightPt / (size * (box.lineHeight ?? 1.1) * fallbackLineFactor))));
  // Line breaks the user typed are kept; any other run of white space counts as one space.
  const paragraphs = text
    .trim()
    .split(/\r?\n/)
    .map((p) => [...p.replace(/\s+/g, ' ').trim()]);
  const wrapAll = (capacity: number) => paragraphs.flatMap((p) => wrap(p, capacity));
  for (const size of box.sizesPt) {
    const lines = wrapAll(box.widthPt / size);
    if (lines.length <= linesAt(size)) return { lines, sizePt: size, cut: false };
  }
  const size = box.sizesPt[box.sizesPt.length - 1] ?? 10;
  const capacity = box.widthPt / size;
  const lines = wrapAll(capacity).slice(0, linesAt(size));
  const last = [...(lines[lines.length - 1] ?? '')];
  while (last.length > 0 && emWidth(last) + 1 > capacity) last.pop();
  lines[lines.length - 1] = `${last.join('')}…`;
  return { lines, sizePt: size, cut: true };
}

function charEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 || (code >= 0xff61 && code <= 0xff9f) ? 0.5 : 1;
}

function emWidth(chars: readonly string[]): number {
  return chars.reduce((sum, c) => sum + charEm(c), 0);
}

// 禁則処理 (JIS X 4051): these never start a line, so the character before them moves down with them.
const noLineStart = new Set([...'、。，．,.）)」』】〕］〉》｝!！?？：:；;ー―ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…‥％%']);
// …and these never end one, so they move down to the next line.
const noLineEnd = new Set([...'（(「『【〔［〈《｛']);

/** The last characters of a full line that must move down so that neither line breaks a 禁則 rule. */
function carriedDown(line: readonly string[], next: string): string[] {
  let keep = line.length;
  while (keep > 0 && (noLineStart.has(line[keep] ?? next) || noLineEnd.has(line[keep - 1] ?? ''))) keep -= 1;
  return line.slice(keep);
}

function wrap(chars: readonly string[], capacityEm: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (const char of chars) {
    const w = charEm(char);
    if (width + w > capacityEm && line.length > 0) {
      let carried = carriedDown(line, char);
      // A run of punctuation longer than a line has no allowed break: it breaks where it must.
      if (carried.length >= line.length) carried = [];
      lines.push(line.slice(0, line.length - carried.length).join(''));
      line = carried;
      width = emWidth(carried);
    }
    line.push(char);
    width += w;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join(''));
  return lines;
}
