import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { z } from 'zod';
import type { ContentPack } from '../content/contentPackSchema.ts';
import type { ClinicKind } from '../domain/clinic.ts';
import type { AgencyTexts } from '../domain/agencyTexts.ts';
import { quoteSheetMessages } from '../messages/quoteSheetMessages.ts';
import type { quoteSnapshotSchema } from '../quote/savedQuote.ts';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitText } from './fitText.ts';
import { addresseeBlock, addresseeWidthPt, type QuoteAddressee } from './quoteSheetAddressee.ts';
import { packDigits, senderBlock } from './quoteSheetSender.ts';
import { agencyText, labelText, recordText, type PackPath, type TracedText } from './textOrigin.ts';
import { contentWidthPt, mmToPt, theme } from './theme.ts';
import { faxTableLayout, valueColumnWidthPt } from './faxRules.ts';

export type QuoteSnapshot = z.infer<typeof quoteSnapshotSchema>;

export interface QuoteSheetOptions {
  /** The insurer-approved title, notice and (when the pack has one) approval code. */
  sheet: NonNullable<ContentPack['quoteSheet']>;
  quote: QuoteSnapshot;
  clinic: QuoteAddressee & { kind: ClinicKind; bedCount: number | null };
  /** The agency's own texts; the sheet prints `solicitationCapacity` and records its version. */
  agencyTexts: AgencyTexts;
  /** 受付番号 of the inquiry the quote belongs to. */
  receiptNumber: string;
  /** Date the quote was made, formatted as documents write dates (2026年11月20日). */
  quotedOn: string;
  /** The table's 有効期限 of the quote, formatted likewise; absent when the table states none. */
  validUntil?: string | undefined;
  /** Date of printing (作成日), formatted likewise. */
  issuedOn: string;
  staffName?: string | undefined;
}

/**
 * Why this quote cannot be printed as a quote sheet, in Japanese for staff; null when it can.
 * Given the clinic, also refuses a quote made for another 種別 than the clinic's current one;
 * given the agency's texts, refuses while the agency has not stated for whom and in what
 * capacity it solicits.
 */
export function quoteSheetProblem(
  pack: ContentPack,
  quote: QuoteSnapshot,
  clinic?: { kind: ClinicKind },
  agencyTexts?: Pick<AgencyTexts, 'solicitationCapacity'>,
): string | null {
  // A sample table's figures are made up: they must never reach a customer.
  if (quote.sample) return quoteSheetMessages.sample;
  // The sheet's wording is a legal text the insurer approves; code never supplies one.
  if (!pack.quoteSheet) return quoteSheetMessages.noWording;
  // The premium depends on the 種別: a figure for another one would be a wrong figure.
  if (clinic && clinic.kind !== quote.clinicKind) return quoteSheetMessages.kindChanged(quote.clinicKind, clinic.kind);
  if (agencyTexts && !agencyTexts.solicitationCapacity.value?.trim()) return quoteSheetMessages.capacityUnset;
  return null;
}

const lineHeight = 1.1;
const labelWidthPt = mmToPt(42);
const valueWidthPt = valueColumnWidthPt(labelWidthPt);
const layout = faxTableLayout(5, 3);
const senderGapPt = mmToPt(4);

/** A record value in its cell, in half-width digits and fitted, so that it never leaves the box. */
function fittedRecord(field: string, value: string, maxLines: number, sizesPt: readonly number[] = [14, 12, 11, 10]): Content {
  const fit = fitText(halfWidthDigits(value), { widthPt: valueWidthPt, maxLines, sizesPt });
  return { ...recordText(field, fit.lines.join('\n')), font: theme.fonts.value, fontSize: fit.sizePt, lineHeight };
}

/** A label and its value; `labelTopPt` lowers the label to the first line of a large value. */
function formRow(label: TracedText | (TracedText | string)[], cell: Content, labelTopPt = 0): Content[] {
  return [{ text: label, bold: true, fontSize: 12, margin: [0, labelTopPt, 0, 0] }, cell];
}

function formTable(rows: Content[][]): Content {
  return { table: { widths: [labelWidthPt, '*'], body: rows, dontBreakRows: true }, layout };
}

const heading = (label: TracedText): Content => ({ ...label, bold: true, fontSize: 13, margin: [0, 6, 0, 2] });

const yen = (amount: number) => `${amount.toLocaleString('ja-JP')}円`;

/**
 * 保険料試算書 on exactly one A4 page: the figures of one saved quote for one clinic, with what the
 * rate table stated with them (annual premium, 支払限度額, 有効期限: each only where it did), the
 * table's conditions and version, the insurer-approved notice and the agency's statement of for
 * whom and in what capacity it solicits. Every text is traced to its origin; the footer carries the
 * approval code of the sheet's own wording, or nothing: never the flyer's. FAX rules as every
 * sheet (black only, rules ≥ 1 pt, no text under 10 pt).
 */
export function buildQuoteSheet(pack: ContentPack, options: QuoteSheetOptions): TDocumentDefinitions {
  const { quote, clinic, sheet } = options;
  // The sheet's wording is read at its pack path like every other pack text, so each is traced.
  const content: ContentPack = { ...pack, quoteSheet: sheet };
  // Callers check quoteSheetProblem first; this guard keeps a wrong figure or an unstated capacity off paper regardless.
  const problem = quoteSheetProblem(content, quote, clinic, options.agencyTexts);
  if (problem) throw new Error(problem);
  const pk = (path: PackPath, style = {}) => packDigits(content, path, style);

  const dates: Content[] = [{ text: [labelText('quoteIssuedOn', { bold: true }), '：', recordText('document.issuedOn', options.issuedOn, { font: theme.fonts.value })] }];
  if (options.receiptNumber.trim()) {
    dates.push({ text: [labelText('receiptNumber', { bold: true }), '：', recordText('inquiry.receiptNumber', halfWidthDigits(options.receiptNumber), { font: theme.fonts.value })] });
  }

  const valueStyle = { font: theme.fonts.value, fontSize: 14 };
  const inputs: Content[][] = [formRow(labelText('quoteClinicKind'), labelText(`kind.${quote.clinicKind}`, { fontSize: 14 }), 1.5)];
  if (clinic.bedCount !== null) inputs.push(formRow(labelText('bedCount'), { text: [recordText('clinic.bedCount', clinic.bedCount), labelText('bedUnit')], ...valueStyle }, 1.5));
  inputs.push(formRow(labelText('quotePlan'), fittedRecord('quote.planName', quote.planName, 2)));

  const figure = (field: string, amount: number, sizePt: number): Content => ({ ...recordText(field, yen(amount)), font: theme.fonts.value, fontSize: sizePt, bold: true, margin: [0, 1, 0, 1] });
  const figures: Content[][] = [formRow(labelText('monthlyPremium'), figure('quote.monthlyYen', quote.monthlyYen, 22), 8)];
  if (quote.tableAnnualYen !== undefined) figures.push(formRow(labelText('annualPremium'), figure('quote.tableAnnualYen', quote.tableAnnualYen, 18), 5));
  const limits = (
    [
      ['liabilityLimit', 'quote.liabilityLimitYen', quote.liabilityLimitYen],
      ['responseCostLimit', 'quote.responseCostLimitYen', quote.responseCostLimitYen],
    ] as const
  ).flatMap(([label, field, amount]) => (amount === undefined ? [] : [[labelText(label), '\u3000', recordText(field, yen(amount), { font: theme.fonts.value })]]));
  if (limits.length > 0) {
    figures.push(formRow(labelText('paymentLimits'), { stack: limits.map((line) => ({ text: line })), fontSize: 14, bold: true }, 1.5));
  }
  // The 有効期限 beside the date it counts from, where the table states one: one row, so the page keeps its room.
  const quotedOn: (TracedText | string)[] = [recordText('quote.quotedOn', options.quotedOn)];
  if (options.validUntil) quotedOn.push('\u3000（', labelText('quoteValidUntil'), '：', recordText('quote.validUntil', options.validUntil), '）');
  figures.push(formRow(labelText('quotedOn'), { text: quotedOn, ...valueStyle }, 1.5));
  figures.push(
    // One run of text, as the flyer writes them: a list of many conditions would push the page over.
    formRow(labelText('premiumConditions'), recordText('quote.conditions', halfWidthDigits(quote.conditions.join('、')), { fontSize: 12 })),
    formRow(labelText('rateTableVersion'), fittedRecord('quote.tableVersion', quote.tableVersion, 2, [12, 11, 10])),
  );

  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: sheet.title, subject: pack.productName, creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 12, color: 'black', lineHeight: 1.15 },
    // The code of the approved wording this sheet reproduces; without one, none: the flyer's code approved the flyer only.
    footer: () => (sheet.code ? { text: ['（ ', pk('quoteSheet.code'), ' ）'], alignment: 'right', fontSize: theme.minFaxTextPt, margin: [0, 2, mmToPt(theme.marginMm), 0] } : null),
    content: [
      pk('quoteSheet.title', { fontSize: 24, bold: true, alignment: 'center', margin: [0, 0, 0, 4] }),
      { stack: dates, alignment: 'right', fontSize: theme.keyTextPt, margin: [0, 0, 0, 4] },
      {
        columns: [addresseeBlock(clinic), senderBlock(content, contentWidthPt - addresseeWidthPt - senderGapPt, options.staffName)],
        columnGap: senderGapPt,
      },
      heading(labelText('quoteInputs')),
      formTable(inputs),
      heading(labelText('quoteResults')),
      formTable(figures),
      {
        table: { widths: ['*'], body: [[pk('quoteSheet.notice', { bold: true, fontSize: 12, margin: [0, 1, 0, 1] })]] },
        layout: { ...layout, hLineWidth: () => 2, vLineWidth: () => 2 },
        margin: [0, 10, 0, 6],
      },
      // 保険業法294条3項: for whom and in what capacity the agency solicits, in the agency's own words.
      agencyText(options.agencyTexts, 'solicitationCapacity', { fontSize: 11 }),
    ],
  };
}
