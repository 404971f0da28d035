import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';

const paragraph = '窓口で使う書類の見本です。「括弧」や、句読点、English words と数字 0123456789 が混ざる段落を（行の終わりを越えて）続け、次の行に折り返します。';

/**
 * The document the self-check lays out with and without the patches: what the patches touch
 * (shared fonts and their subsets, remembered widths and shapes, runs drawn whole) in the ways
 * the app's documents use it: mixed styles in one paragraph, every alignment, columns, a table,
 * a kanji only the fallback font has, and two pages, so that the second page draws from what
 * the first remembered. Not product text: it is never printed.
 */
export const selfCheckDocument: TDocumentDefinitions = {
  pageSize: 'A4',
  pageMargins: [40, 40, 40, 40],
  defaultStyle: { font: 'BIZUDPGothic', fontSize: 10 },
  content: [
    { text: paragraph, fontSize: 10.5 },
    { text: [paragraph, { text: '太字の続き。', bold: true }, { text: '色の違う字、', color: '#cc0000' }, 'Self', { text: 'Check', bold: true }, '𠮷田'], fontSize: 12 },
    { text: paragraph, alignment: 'center', fontSize: 14 },
    { text: paragraph, alignment: 'right', fontSize: 9, lineHeight: 1.3 },
    { text: ['両端揃え、', { text: paragraph.repeat(2), alignment: 'left' }], alignment: 'justify', fontSize: 11 },
    { text: paragraph, font: 'BIZUDGothic', fontSize: 11 },
    {
      columns: [
        { width: 90, text: paragraph },
        { width: 40, text: 'WWWWWW見本ＷＷ' },
        { width: '*', text: paragraph, fontSize: 16 },
      ],
      columnGap: 6,
    },
    { table: { widths: ['auto', '*'], body: [['見出し', paragraph], [{ text: paragraph, fontSize: 8 }, { text: '１億円', noWrap: true }]] } },
    { text: paragraph, pageBreak: 'before' } satisfies Content,
    { text: [paragraph, { text: paragraph, bold: true }], alignment: 'right' },
  ],
};
