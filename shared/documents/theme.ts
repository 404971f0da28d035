/**
 * Layout constants of every printed document, in millimetres. The FAX limits drive them: a
 * standard-mode FAX scans at 0.25 mm per line, so rules below 1 pt can vanish, boxes under
 * 5 mm are hard to tick, and text under 10 pt blurs.
 */
export const mmToPt = (mm: number) => (mm * 72) / 25.4;

export const theme = {
  pageSize: 'A4' as const,
  /** Nothing is printed within 10 mm of an edge (printers and FAX machines crop there). */
  marginMm: 15,
  tickBoxMm: 5.5,
  ruleWidthPt: 1.2,
  writingLineGapMm: 9,
  fieldRowMm: 11,
  /** Smallest text allowed on anything that will be faxed. */
  minFaxTextPt: 10,
  keyTextPt: 12,
  fonts: {
    /** Proportional, for running text. */
    text: 'BIZUDPGothic',
    /** Fixed-width, for filled-in values: widths are predictable, so text can be fitted to its box. */
    value: 'BIZUDGothic',
  },
};

/**
 * Line height of the fallback font (Noto Sans JP, ascent + descent = 1.448 em) against the BIZ UD
 * fonts: a line holding 𠮷 is that much taller, so a fixed box leaves room for it.
 */
export const fallbackLineFactor = 1.448;

export const pageWidthPt = mmToPt(210);
export const pageHeightPt = mmToPt(297);
export const contentWidthPt = pageWidthPt - 2 * mmToPt(theme.marginMm);
