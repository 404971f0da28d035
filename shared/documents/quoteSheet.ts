import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { z } from 'zod';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { clinicKindLabels, type ClinicKind } from '../domain/clinic.ts';
import type { quoteSnapshotSchema } from '../quote/savedQuote.ts';
import { fitText } from './fitText.ts';
import { contentWidthPt, fallbackLineFactor, mmToPt, theme } from './theme.ts';
import { cellPaddingPt, faxTableLayout, valueColumnWidthPt } from './faxRules.ts';

export type QuoteSnapshot = z.infer<typeof quoteSnapshotSchema>;

export interface QuoteSheetOptions {
  /** The insurer-approved title and notice, from the content pack. */
  sheet: NonNullable<ContentPack['quoteSheet']>;
  quote: QuoteSnapshot;
  clinic: { name: string; kind: ClinicKind; bedCount: number | null; address: string };
  /** 受付番号 of the inquiry the quote belongs to. */
  receiptNumber: string;
  /** Already formatted date the quote was made. */
  quotedOn: string;
  /** Already formatted date of printing (作成日). */
  issuedOn: string;
  staffName?: string | undefined;
}

export const quoteSheetMessages = {
  sample: '見本の保険料表で作った試算は、試算書として印刷できません。正式な保険料表を取り込んでから、もう一度試算してください。',
  noWording:
    '現在の内容パックに試算書用の注意書き（保険会社の承認済みの文言）がないため、試算書は作れません。承認済みの内容パックを 設定 → 内容の更新 で取り込んでください。',
  kindChanged: (quoted: ClinicKind, now: ClinicKind) =>
    now === 'unconfirmed'
      ? `医療機関の種別が未確認です（試算：${clinicKindLabels[quoted]}）。医療機関の画面で種別を選んでから、もう一度試算してください。`
      : `この試算のあとで医療機関の種別が変わりました（試算：${clinicKindLabels[quoted]}、現在：${clinicKindLabels[now]}）。もう一度試算してください。`,
};

/**
 * Why this quote cannot be printed as a quote sheet, in Japanese for staff; null when it can.
 * Given the clinic, also refuses a quote made for another 種別 than the clinic's current one.
 */
export function quoteSheetProblem(pack: ContentPack, quote: QuoteSnapshot, clinic?: { kind: ClinicKind }): string | null {
  // A sample table's figures are made up: they must never reach a customer.
  if (quote.sample) return quoteSheetMessages.sample;
  // The sheet's wording is a legal text the insurer approves; code never supplies one.
  if (!pack.quoteSheet) return quoteSheetMessages.noWording;
  // The premium depends on the 種別: a figure for another one would be a wrong figure.
  if (clinic && clinic.kind !== quote.clinicKind) return quoteSheetMessages.kindChanged(quote.clinicKind, clinic.kind);
  return null;
}

const lineHeight = 1.1;
const labelWidthPt = mmToPt(42);
const valueWidthPt = valueColumnWidthPt(labelWidthPt);
const boxTextWidthPt = contentWidthPt - 2 * cellPaddingPt - 2 * theme.ruleWidthPt - 2;
const paddingTopPt = 5;
const paddingBottomPt = 3;
const layout = faxTableLayout(paddingTopPt, paddingBottomPt);

const addresseeBox = { widthPt: boxTextWidthPt, maxLines: 2, sizesPt: [18, 16, 14, 12, 11, 10] } as const;
const addressBox = { widthPt: boxTextWidthPt, maxLines: 2, sizesPt: [11, 10] } as const;
const honorific = '御中';
const addresseeGapPt = 4;

/** Height that always holds `maxLines` lines at the largest size, even in the fallback font. */
function reservedHeightPt(box: { maxLines: number; sizesPt: readonly number[] }): number {
  return box.maxLines * (box.sizesPt[0] ?? theme.keyTextPt) * lineHeight * fallbackLineFactor;
}

const fitsOneLine = (line: string, sizePt: number) => !fitText(line, { widthPt: addresseeBox.widthPt, maxLines: 1, sizesPt: [sizePt] }).cut;

/**
 * 「○○ 御中」 fitted to its box. The honorific is never cut or split over two lines: a name too
 * long for the box loses its end (「…」) instead.
 */
function addresseeLines(name: string): { lines: string[]; sizePt: number } {
  const withHonorific = (line: string) => (line ? `${line} ${honorific}` : honorific);
  const fits = addresseeBox.sizesPt.map((sizePt) => fitText(name, { ...addresseeBox, sizesPt: [sizePt] })).filter((fit) => !fit.cut);
  // Best: 御中 on the name's last line; next best: on a line of its own; last resort: a cut name.
  for (const fit of fits) {
    const last = fit.lines[fit.lines.length - 1] ?? '';
    if (fitsOneLine(withHonorific(last), fit.sizePt)) return { lines: [...fit.lines.slice(0, -1), withHonorific(last)], sizePt: fit.sizePt };
  }
  const roomy = fits.find((fit) => fit.lines.length < addresseeBox.maxLines);
  if (roomy) return { lines: [...roomy.lines, honorific], sizePt: roomy.sizePt };
  const fit = fitText(name, addresseeBox);
  const lastLine = fit.lines[fit.lines.length - 1] ?? '';
  const last = [...(fit.cut ? lastLine.slice(0, -1) : lastLine)];
  while (last.length > 0 && !fitsOneLine(`${last.join('')}… ${honorific}`, fit.sizePt)) last.pop();
  return { lines: [...fit.lines.slice(0, -1), `${last.join('')}… ${honorific}`], sizePt: fit.sizePt };
}

/**
 * The 宛名 block: the clinic's address and 「name 御中」 in a box whose size never depends on them,
 * centred vertically unless the room that lines in the taller fallback font may need forbids it.
 */
function addressee(clinic: QuoteSheetOptions['clinic']): Content {
  const name = addresseeLines(clinic.name);
  const address = clinic.address.trim() ? fitText(clinic.address, addressBox) : undefined;
  const innerPt = reservedHeightPt(addressBox) + addresseeGapPt + reservedHeightPt(addresseeBox);
  const heightOf = (fit: { lines: readonly string[]; sizePt: number }) => fit.lines.length * fit.sizePt * lineHeight;
  const usedPt = heightOf(name) + (address ? heightOf(address) + addresseeGapPt : 0);
  const topPt = Math.max(0, Math.min((innerPt - usedPt) / 2, innerPt - usedPt * fallbackLineFactor));
  const stack: Content[] = [];
  if (address) stack.push({ text: address.lines.join('\n'), font: theme.fonts.value, fontSize: address.sizePt, lineHeight, margin: [0, 0, 0, addresseeGapPt] });
  stack.push({ text: name.lines.join('\n'), font: theme.fonts.value, fontSize: name.sizePt, bold: true, lineHeight });
  return {
    table: {
      widths: ['*'],
      heights: [innerPt + paddingTopPt + paddingBottomPt],
      body: [[{ stack, margin: [0, topPt, 0, 0] }]],
    },
    layout,
  };
}

/** A user or table value in its cell: fitted, so that it never leaves the box. */
function fittedValue(text: string, maxLines: number, sizesPt: readonly number[] = [14, 12, 11, 10]): Content {
  const fit = fitText(text, { widthPt: valueWidthPt, maxLines, sizesPt });
  return { text: fit.lines.join('\n'), font: theme.fonts.value, fontSize: fit.sizePt, lineHeight };
}

/** A label and its value; `labelTopPt` lowers the label to the first line of a large value. */
function formRow(label: string, cell: Content, labelTopPt = 0): Content[] {
  return [{ text: label, bold: true, fontSize: 12, margin: [0, labelTopPt, 0, 0] }, cell];
}

function formTable(rows: Content[][]): Content {
  return { table: { widths: [labelWidthPt, '*'], body: rows, dontBreakRows: true }, layout };
}

function heading(text: string): Content {
  return { text, bold: true, fontSize: 13, margin: [0, 10, 0, 3] };
}

const yen = (amount: number) => `${amount.toLocaleString('ja-JP')}円`;

/**
 * 保険料試算書 on exactly one A4 page: the figures of one saved quote for one clinic, with the
 * table's conditions and version and the insurer-approved notice. Prints only what it is given;
 * FAX rules as every sheet (black only, rules ≥ 1 pt, no text under 10 pt).
 */
export function buildQuoteSheet(pack: ContentPack, options: QuoteSheetOptions): TDocumentDefinitions {
  const { quote, clinic, sheet } = options;
  // Callers check quoteSheetProblem first; this guard keeps a wrong figure off paper regardless.
  if (quote.sample) throw new Error(quoteSheetMessages.sample);
  if (clinic.kind !== quote.clinicKind) throw new Error(quoteSheetMessages.kindChanged(quote.clinicKind, clinic.kind));
  const agency = pack.contacts.agency;

  const dates: Content[] = [{ text: [{ text: '作成日：', bold: true }, { text: options.issuedOn, font: theme.fonts.value }] }];
  if (options.receiptNumber.trim()) {
    dates.push({ text: [{ text: '受付番号：', bold: true }, { text: options.receiptNumber, font: theme.fonts.value }] });
  }

  const inputs: Content[][] = [formRow('医療機関の種別', { text: clinicKindLabels[quote.clinicKind], fontSize: 14 }, 1.5)];
  if (clinic.bedCount !== null) inputs.push(formRow('病床数', { text: `${clinic.bedCount}床`, font: theme.fonts.value, fontSize: 14 }, 1.5));
  inputs.push(formRow('プラン', fittedValue(quote.planName, 2)));

  const figure = (amount: number): Content => ({ text: yen(amount), font: theme.fonts.value, fontSize: 22, bold: true, margin: [0, 1, 0, 1] });
  const figures: Content[][] = [
    formRow('月額保険料', figure(quote.monthlyYen), 8),
    formRow('年間保険料\n（月額×12回）', figure(quote.annualYen), 1),
    formRow('試算日', { text: options.quotedOn, font: theme.fonts.value, fontSize: 14 }, 1.5),
    // One run of text, as the flyer writes them: a list of many conditions would push the page over.
    formRow('保険料の条件', { text: quote.conditions.join('、'), fontSize: 12 }),
    formRow('保険料表の版', fittedValue(quote.tableVersion, 2, [12, 11, 10])),
  ];

  const contact: Content[] = [
    { text: `お問い合わせ先（${agency.role}）`, bold: true, fontSize: 12, margin: [0, 0, 0, 2] },
    { text: agency.branch ? `${agency.organization}\u3000${agency.branch}` : agency.organization, bold: true, fontSize: 14 },
    { text: `〒${agency.postalCode}\u3000${agency.address}`, fontSize: 11 },
    { text: `TEL ${agency.phone}\u3000FAX ${agency.fax}`, fontSize: 14, bold: true },
    { text: `受付時間：${agency.hours}（${agency.closedDays}）`, fontSize: 11 },
  ];
  if (options.staffName?.trim()) {
    const staff = fitText(options.staffName, { widthPt: contentWidthPt - mmToPt(20), maxLines: 1, sizesPt: [12, 11, 10] });
    contact.push({ text: [{ text: '担当：', bold: true, fontSize: 12 }, { text: staff.lines.join(''), font: theme.fonts.value, fontSize: staff.sizePt }] });
  }

  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: sheet.title, subject: pack.productName, creator: agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 12, color: 'black', lineHeight: 1.15 },
    footer: () => ({ text: `（ ${pack.document.code} ${pack.document.createdLabel} ）`, alignment: 'right', fontSize: theme.minFaxTextPt, margin: [0, 2, mmToPt(theme.marginMm), 0] }),
    content: [
      { text: sheet.title, fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      { stack: dates, alignment: 'right', fontSize: theme.keyTextPt, margin: [0, 0, 0, 6] },
      addressee(clinic),
      heading('試算の内容'),
      formTable(inputs),
      heading('試算の結果'),
      formTable(figures),
      {
        table: { widths: ['*'], body: [[{ text: sheet.notice, bold: true, fontSize: 12, margin: [0, 1, 0, 1] }]] },
        layout: { ...layout, hLineWidth: () => 2, vLineWidth: () => 2 },
        margin: [0, 12, 0, 12],
      },
      { stack: contact, lineHeight: 1.2 },
    ],
  };
}
