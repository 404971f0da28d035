import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import type { AgencyTexts } from '../domain/agencyTexts.ts';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitText } from './fitText.ts';
import { fitTraced } from './fitTraced.ts';
import { agencyText, labelText, packText, recordText, staffText, type TracedText } from './textOrigin.ts';
import { contentWidthPt, mmToPt, theme } from './theme.ts';
import { cellPaddingPt, faxTableLayout, valueColumnWidthPt } from './faxRules.ts';

export interface CoverSheetOptions {
  /** Already formatted (西暦 or 和暦). */
  sentOn: string;
  /** The person's name comes from the clinic record unless staff typed one for this cover. */
  recipient: { organization: string; person?: { name: string; typed: boolean } | undefined; fax: string };
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

function fitted(parts: (TracedText | string)[], maxLines: number, rowHeightPt: number): Content {
  const fit = fitTraced(parts, { widthPt: valueWidthPt, maxLines, sizesPt: [14, 12, 11, 10], heightPt: rowHeightPt - rowPaddingPt, lineHeight: 1.1 });
  return { text: fit.text, font: theme.fonts.value, fontSize: fit.sizePt, lineHeight: 1.1 };
}

/**
 * 「霧島中央クリニック／鈴木 一郎 様」: a named person takes 様 and the organisation then no
 * 御中; an organisation alone takes 御中.
 */
export function addresseeParts(organization: string, person: { name: string; typed: boolean } | undefined): (TracedText | string)[] {
  const name = person?.name.trim();
  const personParts: (TracedText | string)[] = name ? [person!.typed ? staffText(name) : recordText('clinic.contactPerson', name), ' ', labelText('toPerson')] : [];
  if (!organization) return personParts;
  if (!name) return [recordText('clinic.name', organization), ' ', labelText('toOrganization')];
  return [recordText('clinic.name', organization), '\n', ...personParts];
}

/**
 * FAX送付状: sent ahead of the flyer or a quote. The flyer itself is never personalised; the
 * recipient's name goes here. Same FAX rules as every sheet: black only, rules ≥ 1 pt.
 */
/**
 * FAX送付状: the agency's own cover for what follows. It names the recipient and the sender and
 * says nothing about the product, so it carries no approval code. Same FAX rules as every sheet:
 * black only, rules ≥ 1 pt.
 */
export function buildFaxCoverSheet(pack: ContentPack, texts: AgencyTexts, options: CoverSheetOptions): TDocumentDefinitions {
  const organization = options.recipient.organization.trim();
  const person = options.recipient.person?.name.trim() ? options.recipient.person : undefined;
  // Without a recipient the sheet is filled in by hand: the line is left free before 御中.
  const toCell: Content = organization
    ? fitted(addresseeParts(organization, person), 3, rowHeightsPt[0])
    : person
      ? fitted(addresseeParts('', person), 3, rowHeightsPt[0])
      : { stack: [labelText('toOrganization', { alignment: 'right', margin: [0, 6, mmToPt(20), 6] })], fontSize: 14 };
  const agencyLine = (key: 'tel' | 'fax', path: 'contacts.agency.phone' | 'contacts.agency.fax') => [labelText(key), ' ', packText(pack, path)];
  const rows: Content[][] = [
    [labelText('recipient', { bold: true }), toCell],
    [labelText('recipientFax', { bold: true }), fitted([recordText('clinic.fax', halfWidthDigits(options.recipient.fax) || '\u3000')], 1, rowHeightsPt[1])],
    [
      labelText('sender', { bold: true }),
      {
        text: [
          packText(pack, 'contacts.agency.organization'),
          ...(options.staffName ? ['\n', labelText('staffInCharge'), '：', recordText('staff.name', options.staffName)] : []),
          '\n',
          ...agencyLine('tel', 'contacts.agency.phone'),
          '\u3000',
          ...agencyLine('fax', 'contacts.agency.fax'),
        ],
        fontSize: 12,
      },
    ],
    [labelText('subject', { bold: true }), fitted([staffText(options.subject)], 2, rowHeightsPt[3])],
    [labelText('pageCount', { bold: true }), { text: [recordText('pages', options.pages), labelText('pagesUnit')], fontSize: 12 }],
  ];
  const message = options.message?.trim() ? fitText(options.message, { widthPt: contentWidthPt - 2 * cellPaddingPt, maxLines: 12, sizesPt: [12, 11, 10] }) : undefined;
  const notice = texts.coverSheetNotice.value?.trim() ? [agencyText(texts, 'coverSheetNotice', { fontSize: 11, margin: [0, 10, 0, 0] })] : [];
  // A FAX dialled wrong lands at a stranger's: the agency asks for it back in its own words, two lines at most.
  const misdirected = texts.misdirectedFaxNotice.value?.trim()
    ? agencyText(texts, 'misdirectedFaxNotice', {
        fontSize: fitText(texts.misdirectedFaxNotice.value, { widthPt: contentWidthPt, maxLines: 2, sizesPt: [11, 10.5, 10] }).sizePt,
        lineHeight: 1.1,
        margin: [0, 6, 0, 0],
      })
    : undefined;
  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: 'FAX送付状', creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 12, color: 'black', lineHeight: 1.15 },
    content: [
      labelText('coverSheetTitle', { fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 10] }),
      { text: [labelText('sentOn'), '：', recordText('sentOn', options.sentOn)], alignment: 'right', margin: [0, 0, 0, 8] },
      { table: { widths: [labelWidthPt, '*'], heights: (row: number) => rowHeightsPt[row] ?? 'auto', body: rows, dontBreakRows: true }, layout },
      labelText('messageArea', { bold: true, margin: [0, 14, 0, 4] }),
      {
        table: {
          widths: ['*'],
          // 12 lines of message still fit; the rest is room for the agency's notices below.
          heights: [mmToPt(108)],
          body: [[message ? staffText(message.lines.join('\n'), { font: theme.fonts.value, fontSize: message.sizePt }) : { text: ' ' }]],
        },
        layout,
      },
      ...notice,
      ...(misdirected ? [misdirected] : []),
    ],
  };
}
