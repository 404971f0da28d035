import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  labelGapPt,
  labelLineHeight,
  labelLineHeightPt,
  labelPaddingXMm,
  labelPaddingYMm,
  layoutAddressLabel,
  type LabelAddressee,
  type LabelLayout,
} from './addressLabelLayout.ts';
import { labelBoxes, noLabelOffset, type LabelBox, type LabelOffset, type LabelSheet } from './labelSheets.ts';
import { mmToPt, theme } from './theme.ts';

export type { LabelAddressee } from './addressLabelLayout.ts';

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

/** The label's blocks placed top to bottom inside its padding, in black. */
function labelContent(layout: LabelLayout, box: LabelBox): Content[] {
  const leftPt = mmToPt(box.xMm + labelPaddingXMm);
  let topPt = mmToPt(box.yMm + labelPaddingYMm);
  return layout.blocks.map((block) => {
    const node: Content = { text: block.text, font: theme.fonts.value, fontSize: block.sizePt, lineHeight: labelLineHeight, color: '#000000', absolutePosition: { x: leftPt, y: topPt } };
    topPt += block.lines * labelLineHeightPt(block.sizePt) + labelGapPt;
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
 * boxes (the outline is for a test print on plain paper). `shortened` lists the addressees
 * (by index) whose label had to end a line in 「…」, so that staff can be told which.
 */
export function buildAddressLabels(addressees: readonly LabelAddressee[], options: AddressLabelsOptions): { definition: TDocumentDefinitions; shortened: number[] } {
  const boxes = labelBoxes(options.sheet, addressees.length, options.skip ?? 0, options.offset ?? noLabelOffset);
  const pages: Content[][] = [];
  const shortened: number[] = [];
  addressees.forEach((to, index) => {
    const box = boxes[index]!;
    const page = (pages[box.page] ??= []);
    const layout = layoutAddressLabel(to, box);
    if (layout.cut) shortened.push(index);
    if (options.outline) page.push(outlineOf(box));
    page.push(...labelContent(layout, box));
  });
  if (pages.length === 0) pages.push([]);
  const definition: TDocumentDefinitions = {
    pageSize: theme.pageSize,
    pageMargins: [0, 0, 0, 0],
    info: { title: options.title ?? '宛名ラベル' },
    defaultStyle: { font: theme.fonts.value },
    // Each sheet starts a page; its labels are placed absolutely, so the flow holds only the breaks.
    content: pages.map((page, index) => ({ stack: [{ text: '' }, ...page], ...(index > 0 ? { pageBreak: 'before' as const } : {}) })),
  };
  return { definition, shortened };
}
