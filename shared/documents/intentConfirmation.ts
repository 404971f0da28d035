import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import type { AgencyTexts } from '../domain/agencyTexts.ts';
import type { IntentQuestions } from '../domain/inquiryIntent.ts';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { cellPaddingPt, faxTableLayout } from './faxRules.ts';
import { fitText } from './fitText.ts';
import { agencyText, labelText, packText, recordText, type TracedText } from './textOrigin.ts';
import { contentWidthPt, mmToPt, theme } from './theme.ts';

/** One recorded stage as the sheet prints it: the answers and the date, already formatted. */
export interface IntentSheetStage {
  answers: readonly string[];
  on: string;
}

/** What the 意向確認書 prints for one inquiry; no stage recorded yet leaves its column blank for handwriting. */
export interface IntentSheetInput {
  clinicName: string;
  receiptNumber: string;
  /** The questions as asked (the initial record's), or those a new record would ask. */
  questions: IntentQuestions;
  initial: IntentSheetStage | null;
  final: (IntentSheetStage & { explanation: string }) | null;
  /** Date of printing, formatted for documents. */
  issuedOn: string;
}

const layout = faxTableLayout(3, 2);
const questionWidthPt = mmToPt(50);
/** Each answer column: what is left, less both cells' padding, the rules and a little slack. */
const answerWidthPt = (contentWidthPt - questionWidthPt - 6 * cellPaddingPt - 4 * theme.ruleWidthPt - 4) / 2;
const questionTextWidthPt = questionWidthPt - 2 * cellPaddingPt - 2;
/** Room the table may take on the page, whatever the number of questions: the rest is fixed. */
const tableBudgetPt = mmToPt(145);
const rowPaddingPt = 3 + 2 + theme.ruleWidthPt;
/** Ten rows of this fit the table's room. */
const handwritingRowPt = mmToPt(12);
const lineHeight = 1.15;
/** Smallest first is last: 9 pt is still read at a FAX's fine mode; a sheet that needs less is cut, and a test keeps the limits inside. */
const sizesPt = [11, 10, 9] as const;

const linesOf = (text: string, widthPt: number, sizePt: number) => fitText(text, { widthPt, maxLines: 99, sizesPt: [sizePt] }).lines.length;

/** The largest size at which every row fits the table's room, and each row's lines at that size. */
function tableFit(rows: readonly string[][]): { sizePt: number; maxLines: number } {
  for (const sizePt of sizesPt) {
    const lines = rows.map(([q = '', a = '', b = '']) => Math.max(linesOf(q, questionTextWidthPt, sizePt), linesOf(a, answerWidthPt, sizePt), linesOf(b, answerWidthPt, sizePt)));
    const height = lines.reduce((sum, n) => sum + n * sizePt * lineHeight + rowPaddingPt, 0);
    if (height <= tableBudgetPt) return { sizePt, maxLines: 99 };
  }
  const sizePt = sizesPt[sizesPt.length - 1] ?? 9;
  return { sizePt, maxLines: Math.max(1, Math.floor((tableBudgetPt / rows.length - rowPaddingPt) / (sizePt * lineHeight))) };
}

function cell(traced: TracedText, widthPt: number, fit: { sizePt: number; maxLines: number }, font = theme.fonts.value): Content {
  const fitted = fitText(traced.text, { widthPt, maxLines: fit.maxLines, sizesPt: [fit.sizePt] });
  return { ...traced, text: fitted.lines.join('\n'), font, fontSize: fit.sizePt, lineHeight };
}

/** A question as asked: the agency's text at the version asked, the pack's form when it is the one in force, else the record's copy. */
function questionText(pack: ContentPack, questions: IntentQuestions, index: number): TracedText {
  const text = questions.questions[index]!;
  if (questions.source === 'agency') return { text, origin: { from: 'agency', key: 'intentQuestions', version: questions.version } };
  const form = pack.intentForm;
  if (form && form.code === questions.code && form.date === questions.date && form.questions[index] === text) return packText(pack, `intentForm.questions.${index}`);
  return recordText('intent.questions', text);
}

function stageHeading(label: 'intentInitial' | 'intentFinal', dateLabel: 'intentRecordedOn' | 'intentConfirmedOn', field: string, on: string | undefined): Content {
  return {
    stack: [labelText(label, { bold: true, fontSize: 11 }), { text: [labelText(dateLabel), '：', on ? recordText(field, on) : labelText('blankDate')], fontSize: theme.minFaxTextPt }],
  };
}

/**
 * 意向確認書 (保険業法294条の2) on one A4 page: the customer's wishes as heard first (当初) and as
 * confirmed last (最終), question by question, the explanation where they differ, and a box for
 * the clinic to confirm and sign. The headings are the questions as they were asked (the agency's
 * own, or the insurer's form carried by the pack); the product's name and the agency's contact
 * come from the pack. Long answers are set smaller to fit, never cut at the limits staff can type.
 */
export function buildIntentConfirmation(pack: ContentPack, texts: AgencyTexts, input: IntentSheetInput): TDocumentDefinitions {
  const { questions } = input;
  const answer = (stage: IntentSheetStage | null, i: number) => halfWidthDigits(stage?.answers[i] ?? '');
  const rows = questions.questions.map((q, i) => [q, answer(input.initial, i), answer(input.final, i)]);
  const fit = tableFit(rows);
  const body: Content[][] = [
    [
      labelText('intentQuestion', { bold: true, fontSize: 11 }),
      stageHeading('intentInitial', 'intentRecordedOn', 'intent.initial.recordedOn', input.initial?.on),
      stageHeading('intentFinal', 'intentConfirmedOn', 'intent.final.confirmedOn', input.final?.on),
    ],
    ...rows.map(([, initial = '', final = ''], i) => [
      cell(questionText(pack, questions, i), questionTextWidthPt, fit, theme.fonts.text),
      initial ? cell(recordText(`intent.initial.answers.${i}`, initial), answerWidthPt, fit) : ' ',
      final ? cell(recordText(`intent.final.answers.${i}`, final), answerWidthPt, fit) : ' ',
    ]),
  ];
  const explanation = input.final?.explanation.trim();
  const explanationFit = explanation ? fitText(halfWidthDigits(explanation), { widthPt: contentWidthPt - 2 * cellPaddingPt - 4, maxLines: 5, sizesPt: [11, 10, 9] }) : null;
  const differenceCell: Content = explanationFit
    ? { ...recordText('intent.final.differsExplanation', explanationFit.lines.join('\n')), font: theme.fonts.value, fontSize: explanationFit.sizePt, lineHeight }
    : input.final
      ? labelText('intentNoDifference', { fontSize: 11 })
      : { text: '\n\n', fontSize: 11 };
  const signRow = (label: 'intentSignDate' | 'intentSignature', blank: TracedText | string): Content => ({
    columns: [labelText(label, { width: mmToPt(24), bold: true }), { text: blank, width: '*' }],
    fontSize: 12,
    margin: [0, 6, 0, 0],
  });
  const formCode: (TracedText | string)[] | null =
    questions.source === 'pack'
      ? pack.intentForm && pack.intentForm.code === questions.code && pack.intentForm.date === questions.date
        ? [labelText('intentFormCode'), '：', packText(pack, 'intentForm.code'), ' ', packText(pack, 'intentForm.date')]
        : [labelText('intentFormCode'), '：', recordText('intent.questions.code', questions.code), ' ', recordText('intent.questions.date', questions.date)]
      : null;
  const capacity = texts.solicitationCapacity.value?.trim() ? [agencyText(texts, 'solicitationCapacity', { fontSize: 10, margin: [0, 4, 0, 0] })] : [];

  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: '意向確認書', subject: pack.productName, creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 11, color: 'black', lineHeight },
    footer: () => (formCode ? { text: formCode, alignment: 'right', fontSize: theme.minFaxTextPt, margin: [0, 2, mmToPt(theme.marginMm), 0] } : null),
    content: [
      labelText('intentTitle', { fontSize: 22, bold: true, alignment: 'center' }),
      packText(pack, 'productName', { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 6] }),
      {
        columns: [
          {
            width: '*',
            text: [labelText('intentClinic', { bold: true }), '：', recordText('clinic.name', fitText(input.clinicName, { widthPt: contentWidthPt * 0.62 - 100, maxLines: 2, sizesPt: [13, 12, 11, 10] }).lines.join('\n'), { font: theme.fonts.value }), labelText('toPerson')],
            fontSize: 12,
          },
          {
            width: 'auto',
            stack: [
              { text: [labelText('quoteIssuedOn', { bold: true }), '：', recordText('document.issuedOn', input.issuedOn)] },
              { text: [labelText('receiptNumber', { bold: true }), '：', recordText('inquiry.receiptNumber', halfWidthDigits(input.receiptNumber), { font: theme.fonts.value })] },
            ],
            alignment: 'right',
            fontSize: 10,
          },
        ],
        margin: [0, 0, 0, 4],
      },
      labelText('intentLead', { fontSize: 10.5, margin: [0, 0, 0, 3] }),
      {
        // A stage not recorded yet leaves each row room to write the answer by hand.
        table: { widths: [questionWidthPt - 2 * cellPaddingPt, '*', '*'], heights: (row: number) => (row > 0 && !(input.initial && input.final) ? handwritingRowPt : 'auto'), headerRows: 1, body, dontBreakRows: true },
        layout,
      },
      labelText('intentDifference', { bold: true, fontSize: 11, margin: [0, 6, 0, 2] }),
      { table: { widths: ['*'], body: [[differenceCell]] }, layout },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  labelText('intentSignBox', { bold: true, fontSize: 12 }),
                  labelText('intentSignPrompt', { fontSize: 11, margin: [0, 2, 0, 0] }),
                  signRow('intentSignDate', labelText('blankDate')),
                  signRow('intentSignature', ' '),
                  { canvas: [{ type: 'line', x1: mmToPt(24), y1: 0, x2: contentWidthPt - mmToPt(20), y2: 0, lineWidth: theme.ruleWidthPt, lineColor: 'black' }] },
                ],
                margin: [2, 2, 2, 6],
              },
            ],
          ],
        },
        layout: { ...layout, hLineWidth: () => 2, vLineWidth: () => 2 },
        margin: [0, 8, 0, 6],
      },
      {
        text: [
          labelText('quoteContact', { bold: true }),
          '：',
          packText(pack, 'contacts.agency.organization', { bold: true }),
          '\u3000',
          labelText('tel'),
          ' ',
          packText(pack, 'contacts.agency.phone'),
          '\u3000',
          labelText('fax'),
          ' ',
          packText(pack, 'contacts.agency.fax'),
        ],
        fontSize: 10.5,
      },
      { text: [labelText('hours'), '：', packText(pack, 'contacts.agency.hours'), '（', packText(pack, 'contacts.agency.closedDays'), '）'], fontSize: 10 },
      ...capacity,
    ],
  };
}
