import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitText } from './fitText.ts';
import { fitTraced } from './fitTraced.ts';
import { labelText, recordText, type TracedText } from './textOrigin.ts';
import { fallbackLineFactor, mmToPt } from './theme.ts';

/** Who one label goes to, as the clinic's record has it. */
export interface LabelAddressee {
  name: string;
  /** 先方ご担当者: then 「person 様」 under the clinic; without one the clinic takes 御中. */
  person: string;
  postalCode: string;
  address: string;
}

/** One block of a label (〒, 所在地, 医療機関名, ご担当者), fitted: its text with line breaks, its size and lines. */
export interface LabelBlock {
  text: (TracedText | string)[];
  sizePt: number;
  lines: number;
  cut: boolean;
}

/** A label's blocks top to bottom, and whether any of them had to end in 「…」. */
export interface LabelLayout {
  blocks: LabelBlock[];
  cut: boolean;
}

export const labelLineHeight = 1.1;
export const labelPaddingXMm = 4;
export const labelPaddingYMm = 3;
export const labelGapPt = 2;

/**
 * Sizes each block may take, largest first. The smallest is 7 pt: a label is read in the hand,
 * not faxed (the FAX forms' 10 pt floor is for a scan at 0.25 mm), and 7 pt BIZ UD stays legible.
 */
const sizes = {
  address: [10, 9, 8, 7],
  name: [13, 12, 11, 10, 9, 8, 7],
  person: [11, 10, 9, 8, 7],
} as const;
const floorPt = 7;
/** Below this a label reads as small print: every layout keeping all its text at 8 pt or more is preferred. */
const comfortablePt = 8;
const maxAddressLines = 4;

/** Height that one line takes at this size, with room for the taller fallback font. */
export const labelLineHeightPt = (sizePt: number) => sizePt * labelLineHeight * fallbackLineFactor;
const heightOf = (block: LabelBlock) => block.lines * labelLineHeightPt(block.sizePt);
const linesOf = (text: readonly (TracedText | string)[]) => 1 + text.filter((part) => part === '\n').length;

/**
 * Text fitted to a width at one size, with an honorific (御中, 様) that is never cut: room for it
 * is kept at the end of every line, so it always follows the last one.
 */
function fitAt(parts: (TracedText | string)[], honorific: TracedText | null, widthPt: number, sizePt: number, maxLines: number, heightPt?: number): LabelBlock {
  const room = honorific ? (honorific.text.length + 0.5) * sizePt : 0;
  const fit = fitTraced(parts, { widthPt: widthPt - room, maxLines, sizesPt: [sizePt], lineHeight: labelLineHeight, ...(heightPt === undefined ? {} : { heightPt }) });
  return { text: honorific ? [...fit.text, ' ', honorific] : fit.text, sizePt, lines: linesOf(fit.text), cut: fit.cut };
}

/** Formats 8994301 as 899-4301 (the record may hold either). */
function postalCodeOf(code: string): string {
  const digits = halfWidthDigits(code.trim()).replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : halfWidthDigits(code.trim());
}

/**
 * The address with a line break at a blank wherever the next word would not fit the line, when
 * every line then fits whole: 「…45番1号」 and 「国分メディカルビル2階」 each stay on their own
 * line instead of breaking inside 「45番1／号」. Null when there is no such break to make.
 */
function brokenAtBlanks(text: string, widthPt: number, sizePt: number, maxLines = maxAddressLines): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  const fits = (line: string) => !fitText(line, { widthPt, maxLines: 1, sizesPt: [sizePt] }).cut;
  const lines: string[] = [];
  let line = words[0] ?? '';
  for (const word of words.slice(1)) {
    if (fits(`${line} ${word}`)) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.length > 1 && lines.length <= maxLines && lines.every(fits) ? lines.join('\n') : null;
}

interface Candidate {
  blocks: LabelBlock[];
  /** Compared left to right, larger is better. */
  score: number[];
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  const at = a.score.findIndex((value, index) => value !== b.score[index]);
  return at >= 0 && a.score[at]! > b.score[at]!;
}

/**
 * 〒, 所在地, 医療機関名 (御中 when no one is named) and 先方ご担当者 様, top to bottom, fitted to
 * one label: every combination of sizes is tried and the best one that prints everything whole
 * wins (all of it at 8 pt or more first, then 〒 on its own line, then the address broken at a
 * blank rather than inside a word, then the larger the smallest text, the name (with the person's
 * line not far below it), the address). Only when nothing fits even at 7 pt with 〒 before the address
 * does a block end in 「…」, and the layout says so.
 */
export function layoutAddressLabel(to: LabelAddressee, label: { widthMm: number; heightMm: number }): LabelLayout {
  const widthPt = mmToPt(label.widthMm - 2 * labelPaddingXMm);
  const heightPt = mmToPt(label.heightMm - 2 * labelPaddingYMm);
  const person = to.person.trim();
  const address = to.address.trim();
  const postal = postalCodeOf(to.postalCode);
  const postalParts = postal ? [labelText('postalMark'), recordText('clinic.postalCode', postal)] : [];
  const addressParts = address ? [recordText('clinic.address', address)] : [];
  const nameParts = [recordText('clinic.name', to.name)];
  const nameHonorific = person ? null : labelText('toOrganization');
  const personBlocks = person ? sizes.person.map((size) => fitAt([recordText('clinic.contactPerson', person)], labelText('toPerson'), widthPt, size, 1)) : [null];
  // Each name size once: on one line if it fits there, else on two, broken at a blank (「医療法人社団 鶴陵会」 /
  // 「鹿児島県医師会館診療所」) when that fits.
  const nameRoomPt = (size: number) => (nameHonorific ? (nameHonorific.text.length + 0.5) * size : 0);
  const names = sizes.name.map((size) => {
    const one = fitAt(nameParts, nameHonorific, widthPt, size, 1);
    if (!one.cut) return one;
    const broken = brokenAtBlanks(to.name, widthPt - nameRoomPt(size), size, 2);
    return fitAt(broken ? [recordText('clinic.name', broken)] : nameParts, nameHonorific, widthPt, size, 2);
  });
  // 〒 on its own line, the address broken at a blank or wherever a line is full; or 〒 before the address.
  const shapes = [
    { merged: false, atBlanks: true },
    { merged: false, atBlanks: false },
    ...(postal && address ? [{ merged: true, atBlanks: false }] : []),
  ];
  let best: Candidate | undefined;
  for (const { merged, atBlanks } of shapes) {
    for (const addressSize of sizes.address) {
      const top: LabelBlock[] = [];
      const broken = atBlanks ? brokenAtBlanks(address, widthPt, addressSize) : null;
      if (atBlanks && !broken) continue;
      if (merged) top.push(fitAt([...postalParts, ' ', ...addressParts], null, widthPt, addressSize, maxAddressLines));
      else {
        if (postal) top.push(fitAt(postalParts, null, widthPt, addressSize, 1));
        if (address) top.push(fitAt(broken ? [recordText('clinic.address', broken)] : addressParts, null, widthPt, addressSize, maxAddressLines));
      }
      if (top.some((block) => block.cut)) continue;
      for (const personBlock of personBlocks) {
        if (personBlock?.cut) continue;
        const fixed = personBlock ? [...top, personBlock] : top;
        const free = heightPt - fixed.reduce((sum, block) => sum + heightOf(block) + labelGapPt, 0);
        // The person's line is never larger than the name above it; a name that fits on one line
        // at 10 pt or more stays on one line rather than break.
        const fitting = names.filter((block) => !block.cut && heightOf(block) <= free && block.sizePt >= (personBlock?.sizePt ?? 0));
        const name = fitting.find((block) => block.lines === 1 && block.sizePt >= 10) ?? fitting[0];
        if (!name) continue;
        const blocks = [...top, name, ...(personBlock ? [personBlock] : [])];
        const smallest = Math.min(...blocks.map((block) => block.sizePt));
        // The person's line is not left far smaller than the name above it.
        const balanced = personBlock ? Math.min(name.sizePt, personBlock.sizePt + 2) : name.sizePt;
        const score = [Math.min(smallest, comfortablePt), merged ? 0 : 1, broken ? 1 : 0, smallest, balanced, name.sizePt, addressSize, personBlock?.sizePt ?? 0];
        const candidate = { blocks, score };
        if (better(candidate, best)) best = candidate;
      }
    }
  }
  if (best) return { blocks: best.blocks, cut: false };
  return shortened(postalParts, addressParts, nameParts, nameHonorific, person, widthPt, heightPt);
}

/** Nothing fits whole: everything at 7 pt, 〒 before the address, and the address takes what the name and person leave. */
function shortened(
  postalParts: TracedText[],
  addressParts: TracedText[],
  nameParts: TracedText[],
  nameHonorific: TracedText | null,
  person: string,
  widthPt: number,
  heightPt: number,
): LabelLayout {
  const personBlock = person ? fitAt([recordText('clinic.contactPerson', person)], labelText('toPerson'), widthPt, floorPt, 1) : null;
  const name = fitAt(nameParts, nameHonorific, widthPt, floorPt, 2);
  const top = [...postalParts, ...(postalParts.length > 0 && addressParts.length > 0 ? [' '] : []), ...addressParts];
  const free = heightPt - heightOf(name) - labelGapPt - (personBlock ? heightOf(personBlock) + labelGapPt : 0);
  const blocks = top.length > 0 ? [fitAt(top, null, widthPt, floorPt, maxAddressLines, free)] : [];
  blocks.push(name);
  if (personBlock) blocks.push(personBlock);
  return { blocks, cut: blocks.some((block) => block.cut) };
}
