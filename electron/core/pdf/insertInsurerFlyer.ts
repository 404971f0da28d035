import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { DocumentPart } from '../../../shared/documents/documentSet.ts';
import { tagSubsetsUniquely } from './uniqueSubsetTags.ts';

/** Pages of the insurer's flyer PDF. */
export async function insurerFlyerPageCount(file: string): Promise<number> {
  return (await PDFDocument.load(fs.readFileSync(file))).getPageCount();
}

/**
 * A rendered set with the insurer's own flyer in place of its blank placeholder pages: the
 * flyer's pages are copied as they are (content, fonts and images untouched), every other page
 * stays where pdfmake put it.
 */
export async function insertInsurerFlyer(rendered: Uint8Array, parts: readonly DocumentPart[], flyerFile: string): Promise<Uint8Array> {
  const source = await PDFDocument.load(rendered);
  const flyer = await PDFDocument.load(fs.readFileSync(flyerFile));
  const out = await PDFDocument.create();
  out.setTitle(source.getTitle() ?? '');
  out.setAuthor(source.getAuthor() ?? '');
  out.setCreator(source.getCreator() ?? '');
  const created = source.getCreationDate();
  if (created) out.setCreationDate(created);
  out.setModificationDate(source.getModificationDate() ?? created ?? new Date());
  let offset = 0;
  for (const part of parts) {
    const pages = part.insurerFlyer
      ? await out.copyPages(flyer, flyer.getPageIndices())
      : await out.copyPages(source, Array.from({ length: part.pages }, (_, i) => offset + i));
    for (const page of pages) out.addPage(page);
    offset += part.pages;
  }
  // The insurer's flyer and our pages may carry subsets under the same tag.
  tagSubsetsUniquely(out);
  return out.save();
}
