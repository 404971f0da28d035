import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

/** A subset font's name: six capital letters, a plus sign, the font's PostScript name. */
const subsetName = /^\/?([A-Z]{6})\+(.+)$/;

/** The n-th tag: AAAAAA, AAAAAB, … (26⁶ of them). */
function tag(n: number): string {
  let letters = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 26)) letters = String.fromCharCode(65 + (n % 26)) + letters;
  return letters;
}

/**
 * Gives every embedded font subset of a PDF a tag of its own. pdfkit derives a subset's tag
 * from the font's resource name (F1, F2, …), so the pages of every chunk of a mailing, and an
 * insurer's flyer, bring programs with the same tag: the PDF specification (ISO 32000 9.6.4)
 * wants different subsets to have different tags, and some printers' RIPs take two fonts with
 * one name for one font. A subset is known by its font program: fonts that share a program keep
 * sharing a tag.
 */
export function tagSubsetsUniquely(doc: PDFDocument): void {
  const tags = new Map<PDFRef | PDFDict, string>();
  const lookUp = (value: unknown) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const baseFont = object.get(PDFName.of('BaseFont'));
    const name = baseFont instanceof PDFName ? subsetName.exec(baseFont.asString()) : null;
    if (!name) continue;
    // A composite (Type0) font names its subset again in its descendant; either has the descriptor.
    const descendants = lookUp(object.get(PDFName.of('DescendantFonts')));
    const descendant = descendants instanceof PDFArray ? lookUp(descendants.get(0)) : undefined;
    const holder = descendant instanceof PDFDict ? descendant : object;
    const descriptor = lookUp(holder.get(PDFName.of('FontDescriptor')));
    if (!(descriptor instanceof PDFDict)) continue;
    const program = ['FontFile2', 'FontFile3', 'FontFile'].map((key) => descriptor.get(PDFName.of(key))).find((value) => value !== undefined);
    const key = program instanceof PDFRef ? program : descriptor;
    let subsetTag = tags.get(key);
    if (subsetTag === undefined) tags.set(key, (subsetTag = tag(tags.size)));
    const renamed = PDFName.of(`${subsetTag}+${name[2]!}`);
    object.set(PDFName.of('BaseFont'), renamed);
    if (holder !== object) holder.set(PDFName.of('BaseFont'), renamed);
    descriptor.set(PDFName.of('FontName'), renamed);
  }
}
