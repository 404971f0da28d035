import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { agencyTextLines, type AgencyTexts } from '../domain/agencyTexts.ts';
import { knownClinicKinds, type Clinic } from '../domain/clinic.ts';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitText } from './fitText.ts';
import { fitTraced } from './fitTraced.ts';
import type { FormLabelKey } from './formLabels.ts';
import { agencyText, agencyTextLine, labelText, packText, recordText, type TracedText } from './textOrigin.ts';
import { contentWidthPt, mmToPt, theme } from './theme.ts';
import { faxTableLayout, valueColumnWidthPt } from './faxRules.ts';

/** The clinic fields the sheet prints: a clinic record, or anything shaped like one. */
export type FaxSheetClinic = Pick<Clinic, 'name' | 'nameKana' | 'kind' | 'bedCount' | 'postalCode' | 'address' | 'phone' | 'fax' | 'contactPerson'>;

export interface FaxSheetOptions {
  clinic?: FaxSheetClinic | undefined;
  receiptNumber?: string | undefined;
  /** Already formatted (西暦 or 和暦), or blank for handwriting. */
  sentOn?: string | undefined;
}

const labelWidthPt = mmToPt(32);
const valueWidthPt = valueColumnWidthPt(labelWidthPt);
const box = mmToPt(theme.tickBoxMm);

const faxRules = faxTableLayout();
/** faxTableLayout's default top and bottom cell padding. */
const rowPaddingPt = 4 + 2;

function tickBox(checked: boolean): Content {
  const rect = { type: 'rect' as const, x: 0, y: 0, w: box, h: box, lineWidth: theme.ruleWidthPt, lineColor: 'black' };
  const cross = checked
    ? [
        { type: 'line' as const, x1: 2, y1: 2, x2: box - 2, y2: box - 2, lineWidth: 2, lineColor: 'black' },
        { type: 'line' as const, x1: box - 2, y1: 2, x2: 2, y2: box - 2, lineWidth: 2, lineColor: 'black' },
      ]
    : [];
  return { canvas: [rect, ...cross] };
}

/** Tick boxes with their labels on one line: a borderless table sizes each label to its text. */
function tickOptions(labels: readonly TracedText[], checked: (index: number) => boolean): Content {
  return {
    table: {
      widths: labels.flatMap(() => [box, 'auto']),
      body: [labels.flatMap((label, i) => [tickBox(checked(i)), { ...label, fontSize: 11, margin: [0, 1, 0, 0] }])],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i % 2 === 1 ? 3 : i === 0 ? 0 : 8),
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

/** A filled value fitted to its row (never growing it), or an empty line to write on. */
function value(field: keyof FaxSheetClinic, text: string | undefined, maxLines: number, rowMm: number): Content {
  if (!text) return { text: ' ', fontSize: theme.keyTextPt };
  const heightPt = mmToPt(rowMm) - rowPaddingPt;
  const fitted = fitTraced([recordText(`clinic.${field}`, halfWidthDigits(text))], { widthPt: valueWidthPt, maxLines, sizesPt: [14, 12, 11, 10], heightPt, lineHeight: 1.1 });
  return { text: fitted.text, font: theme.fonts.value, fontSize: fitted.sizePt, lineHeight: 1.1 };
}

function row(label: FormLabelKey, cell: Content, heightMm: number): { cells: Content[]; height: number } {
  return { cells: [labelText(label, { bold: true, fontSize: 11, margin: [0, 2, 0, 0] }), cell], height: mmToPt(heightMm) };
}

/**
 * The FAX return form (FAX問い合わせ票): the agency's own reply form, on exactly one A4 page,
 * blank for handwriting or pre-filled from a clinic record. It carries the agency's form number,
 * not the flyer's approval code: its questions and notices are the agency's own words. The
 * flyer's invitation to reply (「詳しくは、お電話または下記にご記入のうえ…」) stands above the form,
 * as on the flyer. Pure black on white, rules ≥ 1 pt, tick boxes ≥ 5 mm.
 */
export function buildInquiryFaxSheet(pack: ContentPack, texts: AgencyTexts, options: FaxSheetOptions = {}): TDocumentDefinitions {
  const { clinic } = options;
  const wishes = agencyTextLines(texts.faxSheetWishes.value).map((line) => agencyTextLine(texts, 'faxSheetWishes', line));
  const rows = [
    row('clinicName', value('name', clinic?.name, 2, 15), 15),
    row('clinicNameKana', value('nameKana', clinic?.nameKana, 1, 9), 9),
    // A 未確認 clinic gets five empty boxes for the clinic to tick, never a guess printed as fact.
    row('clinicKind', tickOptions(knownClinicKinds.map((k) => labelText(`kind.${k}`)), (i) => clinic !== undefined && knownClinicKinds[i] === clinic.kind), 9),
    row('bedCount', { columns: [{ width: mmToPt(30), stack: [value('bedCount', clinic?.bedCount?.toString(), 1, 9)] }, labelText('bedUnit', { width: 'auto', fontSize: theme.keyTextPt })] }, 9),
    row('postalCode', { columns: [labelText('postalMark', { width: 'auto', fontSize: theme.keyTextPt, margin: [0, 0, 4, 0] }), value('postalCode', clinic?.postalCode, 1, 9)] }, 9),
    row('address', value('address', clinic?.address, 2, 15), 15),
    row('phone', value('phone', clinic?.phone, 1, 9), 9),
    row('faxNumber', value('fax', clinic?.fax, 1, 9), 9),
    row('contactPerson', value('contactPerson', clinic?.contactPerson, 1, 9), 9),
    row('wishes', tickOptions(wishes, () => false), 9),
    row('contactTime', { text: ' ', fontSize: theme.keyTextPt }, 10),
  ];
  const noticeText = texts.faxSheetNotice.value?.trim() ?? '';
  const noticeLines = noticeText ? fitText(noticeText, { widthPt: contentWidthPt, maxLines: 9, sizesPt: [theme.minFaxTextPt + 0.5] }).lines.length : 0;
  // Three lines to write on: the fourth gave its room to the purpose of use (個人情報保護法21条2項),
  // which must be on the form; a notice of more than one line takes a third, so the form stays one page.
  const writingLineCount = noticeLines > 1 ? 2 : 3;
  const writingLines: Content = {
    canvas: Array.from({ length: writingLineCount }, (_, index) => index + 1).map((i) => ({
      type: 'line' as const,
      x1: 0,
      y1: i * mmToPt(theme.writingLineGapMm),
      x2: contentWidthPt,
      y2: i * mmToPt(theme.writingLineGapMm),
      lineWidth: theme.ruleWidthPt,
      lineColor: 'black',
    })),
  };
  const formNumber = texts.formNumber.value?.trim();
  const notice = texts.faxSheetNotice.value?.trim() ? [agencyText(texts, 'faxSheetNotice', { fontSize: theme.minFaxTextPt + 0.5, margin: [0, 4, 0, 0] })] : [];
  // 個人情報保護法21条2項: the purpose of use stands on the form that collects the information; two lines at most, never below FAX size.
  // fitText reckons every character a full em (the value font); this proportional text takes no more lines than that.
  const purpose = texts.purposeOfUse.value?.trim()
    ? agencyText(texts, 'purposeOfUse', {
        fontSize: fitText(texts.purposeOfUse.value, { widthPt: contentWidthPt, maxLines: 2, sizesPt: [10.5, theme.minFaxTextPt] }).sizePt,
        lineHeight: 1.1,
        margin: [0, 3, 0, 0],
      })
    : undefined;

  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: 'FAX問い合わせ票', subject: pack.productName, creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 11, color: 'black', lineHeight: 1.15 },
    footer: () =>
      formNumber
        ? { text: [labelText('formNumber'), '：', agencyText(texts, 'formNumber')], alignment: 'right', fontSize: theme.minFaxTextPt, margin: [0, 2, mmToPt(theme.marginMm), 0] }
        : null,
    content: [
      { text: [packText(pack, 'contacts.agency.organization'), ' ', labelText('toReplyAddressee')], fontSize: 16, bold: true },
      {
        table: { widths: ['*'], body: [[{ text: [labelText('fax'), ' ', packText(pack, 'contacts.agency.fax')], fontSize: 32, bold: true, alignment: 'center', margin: [0, 2, 0, 0] }]] },
        layout: { ...faxRules, hLineWidth: () => 3, vLineWidth: () => 3 },
        margin: [0, 4, 0, 4],
      },
      { text: [packText(pack, 'productName'), ' ', labelText('inquirySheetTitle')], fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 3] },
      packText(pack, 'inquiryPrompt', { fontSize: theme.minFaxTextPt + 0.5, margin: [0, 0, 0, 6] }),
      {
        columns: [
          { text: [labelText('sentOn', { bold: true }), '：', options.sentOn ? recordText('sentOn', options.sentOn) : labelText('blankDate')], fontSize: theme.keyTextPt },
          {
            text: options.receiptNumber ? [labelText('receiptNumber', { bold: true }), '：', recordText('inquiry.receiptNumber', options.receiptNumber, { font: theme.fonts.value })] : '',
            alignment: 'right',
            fontSize: theme.keyTextPt,
          },
        ],
        margin: [0, 0, 0, 4],
      },
      {
        table: { widths: [labelWidthPt, '*'], heights: rows.map((r) => r.height), body: rows.map((r) => r.cells), dontBreakRows: true },
        layout: faxRules,
      },
      labelText('messageArea', { bold: true, fontSize: theme.keyTextPt, margin: [0, 8, 0, 0] }),
      writingLines,
      {
        columns: [{ width: box, stack: [tickBox(false)] }, { width: '*', ...packText(pack, 'consent'), fontSize: 10.5, margin: [6, 0, 0, 0] }],
        margin: [0, 8, 0, 4],
      },
      {
        text: [
          packText(pack, 'contacts.agency.organization', { bold: true }),
          '\u3000',
          labelText('tel'),
          ' ',
          packText(pack, 'contacts.agency.phone'),
          '\u3000',
          labelText('fax'),
          ' ',
          packText(pack, 'contacts.agency.fax'),
          '\u3000',
          labelText('hours'),
          '：',
          packText(pack, 'contacts.agency.hours'),
          '（',
          packText(pack, 'contacts.agency.closedDays'),
          '）',
        ],
        fontSize: 11,
        margin: [0, 4, 0, 0],
      },
      ...(purpose ? [purpose] : []),
      ...notice,
    ],
  };
}
