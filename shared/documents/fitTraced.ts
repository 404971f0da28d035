import type { Style } from './textOrigin.ts';
import { fitText } from './fitText.ts';
import type { TracedText } from './textOrigin.ts';

export type FitBox = Parameters<typeof fitText>[1];

/**
 * fitText for texts of several origins (「霧島中央クリニック」 from the record, 「様」 from the
 * labels) and blanks between them: fitted as one text, then cut back into its parts line by line, so each printed piece
 * still says where it comes from. A cut's 「…」 belongs to the piece it ends.
 */
export function fitTraced(given: readonly (TracedText | string)[], box: FitBox, style: Style = {}): { text: (TracedText | string)[]; sizePt: number; cut: boolean } {
  // Plain strings are the blanks and line breaks between parts; the provenance check finds any with words.
  const parts = given.map((part) => (typeof part === 'string' ? { text: part } : part));
  const source = parts.flatMap((part, owner) => [...part.text].map((char) => ({ char, owner })));
  const fit = fitText(parts.map((p) => p.text).join(''), box);
  const pieces: (TracedText | string)[] = [];
  let at = 0;
  fit.lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) pieces.push('\n');
    let current: { owner: number; text: string } | undefined;
    const flush = () => {
      const part = current && parts[current.owner]!;
      if (current && part) pieces.push('origin' in part ? { ...part, ...style, text: current.text } : current.text);
      current = undefined;
    };
    for (const char of line) {
      // Runs of white space in the source became one space (or a line break) in the fitted text.
      while (at < source.length && source[at]!.char !== char && /\s/.test(source[at]!.char)) at++;
      const owner = at < source.length && source[at]!.char === char ? source[at++]!.owner : (current?.owner ?? parts.length - 1);
      if (current && current.owner !== owner) flush();
      current = current ? { owner, text: current.text + char } : { owner, text: char };
    }
    flush();
  });
  return { text: pieces, sizePt: fit.sizePt, cut: fit.cut };
}
