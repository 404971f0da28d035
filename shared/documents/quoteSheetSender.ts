import type { Content } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { halfWidthDigits } from '../text/halfWidthDigits.ts';
import { fitText } from './fitText.ts';
import { labelText, packText, staffText, type PackPath, type TracedText } from './textOrigin.ts';
import { theme } from './theme.ts';

/** A pack text in half-width digits (８－１ → 8-1), still traced to its path. */
export function packDigits(pack: ContentPack, path: PackPath, style = {}): TracedText {
  const traced = packText(pack, path, style);
  return { ...traced, text: halfWidthDigits(traced.text) };
}

/**
 * The agency's block to the right of the 宛名, where a Japanese 見積書 names who issues it: the
 * agency's contact as the approved pack gives it, and the staff member in charge.
 */
export function senderBlock(pack: ContentPack, widthPt: number, staffName?: string): Content {
  const pk = (path: PackPath, style = {}) => packDigits(pack, path, style);
  const lines: Content[] = [
    { text: [labelText('quoteContact'), '（', pk('contacts.agency.role'), '）'], bold: true, fontSize: 11 },
    { text: pack.contacts.agency.branch ? [pk('contacts.agency.organization'), '\u3000', pk('contacts.agency.branch')] : [pk('contacts.agency.organization')], bold: true, fontSize: 13 },
    { text: [labelText('postalMark'), pk('contacts.agency.postalCode')], fontSize: 10 },
    { text: pk('contacts.agency.address'), fontSize: 10 },
    { text: [labelText('tel'), ' ', pk('contacts.agency.phone')], fontSize: 12, bold: true },
    { text: [labelText('fax'), ' ', pk('contacts.agency.fax')], fontSize: 12, bold: true },
    { text: [labelText('hours'), '：', pk('contacts.agency.hours'), '（', pk('contacts.agency.closedDays'), '）'], fontSize: 10 },
  ];
  if (staffName?.trim()) {
    const staff = fitText(halfWidthDigits(staffName), { widthPt: widthPt - 40, maxLines: 1, sizesPt: [11, 10] });
    lines.push({ text: [labelText('staffInCharge', { bold: true }), '：', staffText(staff.lines.join(''), { font: theme.fonts.value, fontSize: staff.sizePt })], fontSize: 11 });
  }
  return { stack: lines, lineHeight: 1.15, width: widthPt } as Content;
}
