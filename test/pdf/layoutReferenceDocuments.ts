/**
 * Documents whose layout by renderPdf is compared with pdfmake's own (see plainPdfmake.ts). They
 * hold only characters the BIZ UD fonts have: plain pdfmake has no fallback font.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildFlyer } from '../../shared/documents/flyer.ts';
import { bundledPack, sampleRates } from '../helpers/documentFixtures.ts';

const paragraph =
  'サイバー攻撃による被害は、医療機関にも広がっています。電子カルテが使えなくなった場合の「事故対応費用」や「損害賠償責任」を補償します（団体割引15%）。';

/** Text that makes line breaking hard: closing brackets and stops that may not start a line, Latin words, mixed styles, narrow columns. */
const awkward: Content[] = [
  { text: paragraph, fontSize: 10.5 },
  { text: [paragraph, { text: '太字の続き。', bold: true }, { text: '赤字、', color: '#cc0000' }, 'Cyber', { text: 'Counter', bold: true }, 'の説明'], fontSize: 12 },
  { text: `髙﨑クリニック「${paragraph}」`, alignment: 'center', fontSize: 14 },
  { text: paragraph, alignment: 'right', fontSize: 9, lineHeight: 1.3 },
  { text: `改行の前。\n改行の後、${paragraph}`, fontSize: 11 },
  { ul: [paragraph, `（${paragraph}）`], fontSize: 10 },
  // pdfmake justifies a line by its first part's alignment, spreading space between all its words.
  { text: ['両端揃えの段落、', { text: paragraph.repeat(2), alignment: 'left' }], alignment: 'justify', fontSize: 11 },
  // Named styles: one that extends two others takes its own values first, then the last parent's.
  { text: [{ text: '見出しの注記。', style: 'headingNote' }, paragraph, { text: '注記', style: ['heading', 'note'] }], style: 'note' },
  // An opening bracket may not end a line, so pdfmake keeps it with the first word of the next part.
  ...Array.from({ length: 12 }, (_, i): Content => ({ text: [`${paragraph.slice(0, 40 + i)}「`, { text: '損害賠償責任」の補償', bold: true }], fontSize: 12 })),
  {
    columns: [
      { width: 24, text: 'ランサムウェア被害ＷＷＷ' },
      { width: 90, text: paragraph },
      { width: 40, text: 'WWWWWWWWWWWW損害賠償責任' },
      { width: '*', text: paragraph, fontSize: 16 },
    ],
    columnGap: 6,
  },
  {
    table: {
      widths: ['auto', '*', 'auto'],
      body: [
        [{ text: '補償の種類' }, { text: paragraph }, { text: '１億円（上限）' }],
        [{ text: paragraph, fontSize: 8 }, { text: '事故対応費用' }, { text: 'ご相談ください', noWrap: true }],
      ],
    },
  },
];

export const awkwardPage: TDocumentDefinitions = {
  pageSize: 'A4',
  pageMargins: [40, 40, 40, 40],
  defaultStyle: { font: 'BIZUDPGothic', fontSize: 10 },
  styles: { heading: { fontSize: 14, bold: true }, note: { fontSize: 8, lineHeight: 1.3 }, headingNote: { extends: ['heading', 'note'], font: 'BIZUDGothic' } },
  content: awkward,
};

const flyer = buildFlyer(bundledPack, sampleRates);
export const addressedFlyer: TDocumentDefinitions = { ...flyer, content: [{ text: '医療法人髙﨑会 山﨑クリニック 御中', fontSize: 12, bold: true }, flyer.content] };
