import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { fitText } from './fitText.ts';
import { contentWidthPt, mmToPt, theme } from './theme.ts';
import { cellPaddingPt, faxTableLayout, valueColumnWidthPt } from './faxRules.ts';

export interface CoverSheetOptions {
  /** Already formatted (西暦 or 和暦). */
  sentOn: string;
  recipient: { organization: string; person?: string | undefined; fax: string };
  staffName?: string | undefined;
  subject: string;
  /** Pages including this cover sheet (本紙を含む). */
  pages: number;
  message?: string | undefined;
}

const labelWidthPt = mmToPt(30);
const valueWidthPt = valueColumnWidthPt(labelWidthPt);
const layout = faxTableLayout(5, 4);

/** Rows that hold typed text have a fixed height, so a long name never moves the rules below. */
const rowHeightsPt = [mmToPt(24), mmToPt(10), undefined, mmToPt(17), undefined] as const;
const rowPaddingPt = 5 + 4;

function fitted(text: string, maxLines: number, rowHeightPt: number): Content {
  const fit = fitText(text, { widthPt: valueWidthPt, maxLines, sizesPt: [14, 12, 11, 10], heightPt: rowHeightPt - rowPaddingPt, lineHeight: 1.1 });
  return { text: fit.lines.join('\n'), font: theme.fonts.value, fontSize: fit.sizePt, lineHeight: 1.1 };
}

/**
 * FAX送付状: sent ahead of the flyer or a quote. The flyer itself is never personalised; the
 * recipient's name goes here. Same FAX rules as every sheet: black only, rules ≥ 1 pt.
 */
export function buildFaxCoverSheet(pack: ContentPack, options: CoverSheetOptions): TDocumentDefinitions {
  const agency = pack.contacts.agency;
  const organization = options.recipient.organization.trim();
  const to = options.recipient.person ? `${organization} 御中\n${options.recipient.person} 様` : `${organization} 御中`;
  // Without a recipient the sheet is filled in by hand: the line is left free before 御中.
  const toCell: Content = organization
    ? fitted(to, 3, rowHeightsPt[0])
    : { stack: [{ text: '御中', alignment: 'right', margin: [0, 6, mmToPt(20), 6] }, ...(options.recipient.person ? [{ text: `${options.recipient.person} 様` }] : [])], fontSize: 14 };
  const rows: Content[][] = [
    [{ text: '宛先', bold: true }, toCell],
    [{ text: '宛先FAX', bold: true }, fitted(options.recipient.fax || '\u3000', 1, rowHeightsPt[1])],
    [{ text: '送信者', bold: true }, { text: [`${agency.organization}`, options.staffName ? `\n担当：${options.staffName}` : '', `\nTEL ${agency.phone}\u3000FAX ${agency.fax}`], fontSize: 12 }],
    [{ text: '件名', bold: true }, fitted(options.subject, 2, rowHeightsPt[3])],
    [{ text: '枚数', bold: true }, { text: `${options.pages}枚（本紙を含む）`, fontSize: 12 }],
  ];
  const message = options.message?.trim() ? fitText(options.message, { widthPt: contentWidthPt - 2 * cellPaddingPt, maxLines: 12, sizesPt: [12, 11, 10] }) : undefined;
  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: 'FAX送付状', creator: agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 12, color: 'black', lineHeight: 1.15 },
    footer: () => ({ text: `（ ${pack.document.code} ${pack.document.createdLabel} ）`, alignment: 'right', fontSize: theme.minFaxTextPt, margin: [0, 2, mmToPt(theme.marginMm), 0] }),
    content: [
      { text: 'FAX送付状', fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: `送信日：${options.sentOn}`, alignment: 'right', margin: [0, 0, 0, 8] },
      { table: { widths: [labelWidthPt, '*'], heights: (row: number) => rowHeightsPt[row] ?? 'auto', body: rows, dontBreakRows: true }, layout },
      { text: '通信欄', bold: true, margin: [0, 14, 0, 4] },
      {
        table: {
          widths: ['*'],
          heights: [mmToPt(120)],
          body: [[message ? { text: message.lines.join('\n'), font: theme.fonts.value, fontSize: message.sizePt } : { text: ' ' }]],
        },
        layout,
      },
      { text: '※ 受信に不備がございましたら、お手数ですが上記の送信者までご連絡ください。', fontSize: 11, margin: [0, 10, 0, 0] },
    ],
  };
}
