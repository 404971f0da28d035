import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { clinicKindLabels, knownClinicKinds, type Clinic } from '../domain/clinic.ts';
import { fitText } from './fitText.ts';
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
const wishes = ['資料がほしい', '保険料を知りたい', '説明を聞きたい'];

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
function tickOptions(labels: readonly string[], checked: (label: string) => boolean): Content {
  return {
    table: {
      widths: labels.flatMap(() => [box, 'auto']),
      body: [labels.flatMap((label) => [tickBox(checked(label)), { text: label, fontSize: 11, margin: [0, 1, 0, 0] }])],
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
function value(text: string | undefined, maxLines: number, rowMm: number): Content {
  if (!text) return { text: ' ', fontSize: theme.keyTextPt };
  const heightPt = mmToPt(rowMm) - rowPaddingPt;
  const fitted = fitText(text, { widthPt: valueWidthPt, maxLines, sizesPt: [14, 12, 11, 10], heightPt, lineHeight: 1.1 });
  return { text: fitted.lines.join('\n'), font: theme.fonts.value, fontSize: fitted.sizePt, lineHeight: 1.1 };
}

function row(label: string, cell: Content, heightMm: number): { cells: Content[]; height: number } {
  return { cells: [{ text: label, bold: true, fontSize: 11, margin: [0, 2, 0, 0] }, cell], height: mmToPt(heightMm) };
}

/**
 * The FAX return form (FAX問い合わせ票) on exactly one A4 page: blank for handwriting, or
 * pre-filled from a clinic record. Pure black on white, rules ≥ 1 pt, tick boxes ≥ 5 mm.
 */
export function buildInquiryFaxSheet(pack: ContentPack, options: FaxSheetOptions = {}): TDocumentDefinitions {
  const { clinic } = options;
  const agency = pack.contacts.agency;
  const rows = [
    row('医療機関名', value(clinic?.name, 2, 15), 15),
    row('ふりがな', value(clinic?.nameKana, 1, 9), 9),
    // A 未確認 clinic gets five empty boxes for the clinic to tick, never a guess printed as fact.
    row('種別', tickOptions(knownClinicKinds.map((k) => clinicKindLabels[k]), (label) => clinic !== undefined && clinicKindLabels[clinic.kind] === label), 9),
    row('病床数', { columns: [{ width: mmToPt(30), stack: [value(clinic?.bedCount?.toString(), 1, 9)] }, { text: '床', width: 'auto', fontSize: theme.keyTextPt }] }, 9),
    row('郵便番号', { columns: [{ text: '〒', width: 'auto', fontSize: theme.keyTextPt, margin: [0, 0, 4, 0] }, value(clinic?.postalCode, 1, 9)] }, 9),
    row('所在地', value(clinic?.address, 2, 15), 15),
    row('電話番号', value(clinic?.phone, 1, 9), 9),
    row('FAX番号', value(clinic?.fax, 1, 9), 9),
    row('ご担当者名', value(clinic?.contactPerson, 1, 9), 9),
    row('ご希望', tickOptions(wishes, () => false), 9),
    row('連絡希望時間帯', { text: ' ', fontSize: theme.keyTextPt }, 10),
  ];
  const writingLines: Content = {
    canvas: [1, 2, 3, 4].map((i) => ({
      type: 'line' as const,
      x1: 0,
      y1: i * mmToPt(theme.writingLineGapMm),
      x2: contentWidthPt,
      y2: i * mmToPt(theme.writingLineGapMm),
      lineWidth: theme.ruleWidthPt,
      lineColor: 'black',
    })),
  };
  const documentLine = `（ ${pack.document.code} ${pack.document.createdLabel} ）`;

  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: 'FAX問い合わせ票', subject: pack.productName, creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 11, color: 'black', lineHeight: 1.15 },
    footer: () => ({ text: documentLine, alignment: 'right', fontSize: theme.minFaxTextPt, margin: [0, 2, mmToPt(theme.marginMm), 0] }),
    content: [
      { text: `${agency.organization} 行`, fontSize: 16, bold: true },
      {
        table: { widths: ['*'], body: [[{ text: `FAX ${agency.fax}`, fontSize: 32, bold: true, alignment: 'center', margin: [0, 2, 0, 0] }]] },
        layout: { ...faxRules, hLineWidth: () => 3, vLineWidth: () => 3 },
        margin: [0, 4, 0, 6],
      },
      { text: `${pack.productName} お問い合わせ票`, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        columns: [
          { text: [{ text: '送信日：', bold: true }, options.sentOn ?? '　　　　年　　月　　日'], fontSize: theme.keyTextPt },
          { text: options.receiptNumber ? [{ text: '受付番号：', bold: true }, { text: options.receiptNumber, font: theme.fonts.value }] : '', alignment: 'right', fontSize: theme.keyTextPt },
        ],
        margin: [0, 0, 0, 4],
      },
      {
        table: { widths: [labelWidthPt, '*'], heights: rows.map((r) => r.height), body: rows.map((r) => r.cells), dontBreakRows: true },
        layout: faxRules,
      },
      { text: '通信欄', bold: true, fontSize: theme.keyTextPt, margin: [0, 8, 0, 0] },
      writingLines,
      {
        columns: [{ width: box, stack: [tickBox(false)] }, { width: '*', text: pack.consent, fontSize: 10.5, margin: [6, 0, 0, 0] }],
        margin: [0, 10, 0, 6],
      },
      { text: pack.inquiryPrompt, fontSize: theme.minFaxTextPt + 0.5 },
      {
        text: [
          { text: `${agency.organization}\u3000`, bold: true },
          `TEL ${agency.phone}\u3000FAX ${agency.fax}\u3000受付時間：${agency.hours}（${agency.closedDays}）`,
        ],
        fontSize: 11,
        margin: [0, 4, 0, 0],
      },
    ],
  };
}
