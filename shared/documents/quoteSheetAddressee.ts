import type { Content } from 'pdfmake/interfaces.js';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitText } from './fitText.ts';
import { labelText, recordText, type TracedText } from './textOrigin.ts';
import { cellPaddingPt, faxTableLayout } from './faxRules.ts';
import { contentWidthPt, fallbackLineFactor, theme } from './theme.ts';

/** Who the sheet is for, as the clinic's record has it. */
export interface QuoteAddressee {
  name: string;
  /** The clinic's contact person: then 「name／person 様」, and the clinic takes no 御中. */
  person?: string | null | undefined;
  postalCode?: string | null | undefined;
  address: string;
}

const lineHeight = 1.1;
const paddingTopPt = 5;
const paddingBottomPt = 3;
/** The 宛名 takes the left of the page, as on a 見積書; the agency's own block stands to its right. */
export const addresseeWidthPt = Math.round(contentWidthPt * 0.6);
const boxTextWidthPt = addresseeWidthPt - 2 * cellPaddingPt - 2 * theme.ruleWidthPt - 2;
const nameBox = { widthPt: boxTextWidthPt, maxLines: 2, sizesPt: [16, 14, 12, 11, 10] } as const;
/** The person stands slightly in from the clinic, as under a letter's addressee. */
const personIndentPt = 12;
const personBox = { widthPt: boxTextWidthPt - personIndentPt, maxLines: 1, sizesPt: [13, 12, 11, 10] } as const;
const addressBox = { widthPt: boxTextWidthPt, maxLines: 2, sizesPt: [11, 10] } as const;
const gapPt = 4;

type Fitted = { lines: string[]; sizePt: number };

/** Height that always holds `maxLines` lines at the largest size, even in the fallback font. */
function reservedHeightPt(box: { maxLines: number; sizesPt: readonly number[] }): number {
  return box.maxLines * (box.sizesPt[0] ?? theme.keyTextPt) * lineHeight * fallbackLineFactor;
}

const fitsOneLine = (line: string, box: { widthPt: number }, sizePt: number) => !fitText(line, { widthPt: box.widthPt, maxLines: 1, sizesPt: [sizePt] }).cut;

/**
 * A name and its honorific fitted to a box. The honorific is never cut or split over two lines: a
 * name too long for the box loses its end (「…」) instead. Best: the honorific on the name's last
 * line; next best: on a line of its own.
 */
function withHonorific(name: string, honorific: string, box: { widthPt: number; maxLines: number; sizesPt: readonly number[] }): Fitted & { ownLine: boolean } {
  const joined = (line: string) => `${line} ${honorific}`;
  const fits = box.sizesPt.map((sizePt) => fitText(name, { ...box, sizesPt: [sizePt] })).filter((fit) => !fit.cut);
  for (const fit of fits) {
    const last = fit.lines[fit.lines.length - 1] ?? '';
    if (fitsOneLine(joined(last), box, fit.sizePt)) return { ...fit, ownLine: false };
  }
  const roomy = fits.find((fit) => fit.lines.length < box.maxLines);
  if (roomy) return { ...roomy, ownLine: true };
  const fit = fitText(name, box);
  const lastLine = fit.lines[fit.lines.length - 1] ?? '';
  const last = [...(fit.cut ? lastLine.slice(0, -1) : lastLine)];
  while (last.length > 0 && !fitsOneLine(joined(`${last.join('')}…`), box, fit.sizePt)) last.pop();
  return { lines: [...fit.lines.slice(0, -1), `${last.join('')}…`], sizePt: fit.sizePt, ownLine: false };
}

/** The fitted address text cut back into 〒 (a label), the postal code and the address (record fields). */
function addressPieces(text: string, postal: string): (TracedText | string)[] {
  const head = `〒${postal}`;
  if (!postal || !text.startsWith(head)) return [recordText('clinic.address', text)];
  const rest = text.slice(head.length);
  return [labelText('postalMark'), recordText('clinic.postalCode', postal), ...(rest.trim() ? [recordText('clinic.address', rest)] : [])];
}

/** The fitted lines of one record field followed by its honorific, as traced text. */
function tracedLines(field: string, fit: Fitted & { ownLine: boolean }, honorific: TracedText): (TracedText | string)[] {
  return [recordText(field, fit.lines.join('\n')), fit.ownLine ? '\n' : ' ', honorific];
}

/**
 * The 宛名 block as a Japanese business letter writes it: 〒 and address, then the clinic; a named
 * person follows on a line of its own with 様 and the clinic takes no 御中, else the clinic takes
 * 御中. The box's size never depends on the text; the text is centred in it unless the room the
 * taller fallback font may need forbids it.
 */
export function addresseeBlock(addressee: QuoteAddressee): Content {
  const person = addressee.person?.trim() ? halfWidthDigits(addressee.person.trim()) : '';
  const name = halfWidthDigits(addressee.name);
  const nameFit = person ? { ...fitText(name, nameBox), ownLine: false } : withHonorific(name, labelText('toOrganization').text, nameBox);
  const personFit = person ? withHonorific(person, labelText('toPerson').text, personBox) : undefined;
  const postal = addressee.postalCode?.trim() ? halfWidthDigits(addressee.postalCode.trim()) : '';
  // 〒 and the postal code lead the address's first line, as on an envelope; fitted together.
  const postalPrefix = postal ? `〒${postal}\u3000` : '';
  const addressLine = `${postalPrefix}${addressee.address.trim() ? halfWidthDigits(addressee.address.trim()) : ''}`.trim();
  const address = addressLine ? fitText(addressLine, addressBox) : undefined;

  const innerPt = reservedHeightPt(addressBox) + gapPt + reservedHeightPt(nameBox) + reservedHeightPt(personBox);
  const heightOf = (fit: { lines: readonly string[]; sizePt: number }) => fit.lines.length * fit.sizePt * lineHeight;
  const usedPt = (address ? heightOf(address) + gapPt : 0) + heightOf(nameFit) + (nameFit.ownLine ? nameFit.sizePt * lineHeight : 0) + (personFit ? heightOf(personFit) : 0);
  const topPt = Math.max(0, Math.min((innerPt - usedPt) / 2, innerPt - usedPt * fallbackLineFactor));

  const stack: Content[] = [];
  if (address) stack.push({ text: addressPieces(address.lines.join('\n'), postal), font: theme.fonts.value, fontSize: address.sizePt, lineHeight, margin: [0, 0, 0, gapPt] });
  const nameText = person ? [recordText('clinic.name', nameFit.lines.join('\n'))] : tracedLines('clinic.name', nameFit, labelText('toOrganization'));
  stack.push({ text: nameText, font: theme.fonts.value, fontSize: nameFit.sizePt, bold: true, lineHeight });
  if (personFit) {
    stack.push({ text: tracedLines('clinic.contactPerson', personFit, labelText('toPerson')), font: theme.fonts.value, fontSize: personFit.sizePt, bold: true, lineHeight, margin: [personIndentPt, 0, 0, 0] });
  }
  return {
    table: { widths: [addresseeWidthPt - 2 * cellPaddingPt - 2 * theme.ruleWidthPt], heights: [innerPt + paddingTopPt + paddingBottomPt], body: [[{ stack, margin: [0, topPt, 0, 0] }]] },
    layout: faxTableLayout(paddingTopPt, paddingBottomPt),
  };
}
