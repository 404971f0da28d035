import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitTraced } from './fitTraced.ts';
import { labelBoxes, noLabelOffset, type LabelBox, type LabelOffset, type LabelSheet } from './labelSheets.ts';
import { labelText, recordText, type TracedText } from './textOrigin.ts';
import { fallbackLineFactor, mmToPt, theme } from './theme.ts';

/** Who one label goes to, as the clinic's record has it. */
export interface LabelAddressee {
  name: string;
  /** 先方ご担当者: then 「person 様」 under the clinic; without one the clinic takes 御中. */
  person: string;
  postalCode: string;
  address: string;
}

export interface AddressLabelsOptions {
  sheet: LabelSheet;
  /** Labels of the first sheet already used (peeled off): the first label goes after them. */
  skip?: number;
  /** This machine's printer offset. */
  offset?: LabelOffset;
  /** A faint outline of each label, for a test print on plain paper held against a sheet. */
  outline?: boolean;
  title?: string;
}

const lineHeight = 1.1;
const paddingXMm = 4;
const paddingYMm = 3;
const gapPt = 2;

const sizes = {
  postal: [10, 9, 8],
  address: [10, 9, 8, 7],
  name: [13, 12, 11, 10, 9, 8, 7],
  person: [11, 10, 9, 8],
} as const;

/** Height that one line takes at this size, with room for the taller fallback font. */
const lineHeightPt = (sizePt: number) => sizePt * lineHeight * fallbackLineFactor;

type Fitted = { text: (TracedText | string)[]; sizePt: number; lines: number; cut: boolean };

const linesOf = (text: readonly (TracedText | string)[]) => 1 + text.filter((part) => part === '\n').length;

/**
 * Text fitted to a width and height, with an honorific (御中, 様) that is never cut: each size
 * keeps room for it at the end of every line, so it always follows the last one.
 */
function fitWithHonorific(parts: (TracedText | string)[], honorific: TracedText | null, widthPt: number, heightPt: number, maxLines: number, sizesPt: readonly number[]): Fitted {
  const room = (size: number) => (honorific ? (honorific.text.length + 0.5) * size : 0);
  let last: Fitted | undefined;
  for (const size of sizesPt) {
    const fit = fitTraced(parts, { widthPt: widthPt - room(size), maxLines, sizesPt: [size], heightPt, lineHeight });
    last = { text: honorific ? [...fit.text, ' ', honorific] : fit.text, sizePt: fit.sizePt, lines: linesOf(fit.text), cut: fit.cut };
    if (!fit.cut) return last;
  }
  return last!;
}

/** Formats 8994301 as 899-4301 (the record may hold either). */
function postalCodeOf(code: string): string {
  const digits = halfWidthDigits(code.trim()).replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : halfWidthDigits(code.trim());
}

/**
 * 〒, 所在地, 医療機関名 (御中 when no one is named) and 先方ご担当者 様, top to bottom: the postal
 * code and the person take one line each; the address and the name share the rest, the address
 * at most half of it, and shrink (then end in 「…」) rather than leave the label.
 */
function labelContent(to: LabelAddressee, box: LabelBox): Content[] {
  const leftPt = mmToPt(box.xMm + paddingXMm);
  const widthPt = mmToPt(box.widthMm - 2 * paddingXMm);
  const innerHeightPt = mmToPt(box.heightMm - 2 * paddingYMm);
  const person = to.person.trim();
  const postal = postalCodeOf(to.postalCode);
  const placed: Fitted[] = [];
  let free = innerHeightPt;
  const take = (fit: Fitted) => {
    placed.push(fit);
    free -= fit.lines * lineHeightPt(fit.sizePt) + gapPt;
  };
  if (postal) take(fitWithHonorific([labelText('postalMark'), recordText('clinic.postalCode', postal)], null, widthPt, lineHeightPt(sizes.postal[0]), 1, sizes.postal));
  const personFit = person ? fitWithHonorific([recordText('clinic.contactPerson', person)], labelText('toPerson'), widthPt, lineHeightPt(sizes.person[0]), 1, sizes.person) : null;
  if (personFit) free -= lineHeightPt(personFit.sizePt) + gapPt;
  if (to.address.trim()) take(fitWithHonorific([recordText('clinic.address', to.address)], null, widthPt, free / 2, 3, sizes.address));
  const name = [recordText('clinic.name', to.name)];
  const honorific = person ? null : labelText('toOrganization');
  // A name that fits on one line at a readable size stays on one line rather than break a word.
  const oneLine = fitWithHonorific(name, honorific, widthPt, free, 1, sizes.name.slice(0, 4));
  take(oneLine.cut ? fitWithHonorific(name, honorific, widthPt, free, 2, sizes.name) : oneLine);
  if (personFit) placed.push(personFit);
  let topPt = mmToPt(box.yMm + paddingYMm);
  return placed.map((fit) => {
    const node: Content = { text: fit.text, font: theme.fonts.value, fontSize: fit.sizePt, lineHeight, color: '#000000', absolutePosition: { x: leftPt, y: topPt } };
    topPt += fit.lines * lineHeightPt(fit.sizePt) + gapPt;
    return node;
  });
}

function outlineOf(box: LabelBox): Content {
  return {
    canvas: [{ type: 'rect', x: 0, y: 0, w: mmToPt(box.widthMm), h: mmToPt(box.heightMm), lineWidth: 0.3, lineColor: '#b0b0b0' }],
    absolutePosition: { x: mmToPt(box.xMm), y: mmToPt(box.yMm) },
  };
}

/**
 * 宛名ラベル: one label per addressee on A4 label sheets, placed to the millimetre the sheet
 * gives and moved by this machine's printer offset. Black text only: the sheet's own cuts are the
 * boxes (the outline is for a test print on plain paper).
 */
export function buildAddressLabels(addressees: readonly LabelAddressee[], options: AddressLabelsOptions): TDocumentDefinitions {
  const boxes = labelBoxes(options.sheet, addressees.length, options.skip ?? 0, options.offset ?? noLabelOffset);
  const pages: Content[][] = [];
  addressees.forEach((to, index) => {
    const box = boxes[index]!;
    const page = (pages[box.page] ??= []);
    if (options.outline) page.push(outlineOf(box));
    page.push(...labelContent(to, box));
  });
  if (pages.length === 0) pages.push([]);
  return {
    pageSize: theme.pageSize,
    pageMargins: [0, 0, 0, 0],
    info: { title: options.title ?? '宛名ラベル' },
    defaultStyle: { font: theme.fonts.value },
    // Each sheet starts a page; its labels are placed absolutely, so the flow holds only the breaks.
    content: pages.map((page, index) => ({ stack: [{ text: '' }, ...page], ...(index > 0 ? { pageBreak: 'before' as const } : {}) })),
  };
}
