import type { CustomTableLayout } from 'pdfmake/interfaces.js';
import { contentWidthPt, theme } from './theme.ts';

export const cellPaddingPt = 6;

/** Pure black rules of at least 1 pt: thinner ones fall between a FAX machine's scan lines. */
export function faxTableLayout(paddingTopPt = 4, paddingBottomPt = 2): CustomTableLayout {
  return {
    hLineWidth: () => theme.ruleWidthPt,
    vLineWidth: () => theme.ruleWidthPt,
    hLineColor: () => 'black',
    vLineColor: () => 'black',
    paddingLeft: () => cellPaddingPt,
    paddingRight: () => cellPaddingPt,
    paddingTop: () => paddingTopPt,
    paddingBottom: () => paddingBottomPt,
  };
}

/**
 * Text width of the value column of a two-column form table: what is left after the label
 * column, both cells' padding and the three vertical rules, less a little slack so rounding
 * never pushes a line over.
 */
export function valueColumnWidthPt(labelWidthPt: number): number {
  return contentWidthPt - labelWidthPt - 4 * cellPaddingPt - 3 * theme.ruleWidthPt - 2;
}
