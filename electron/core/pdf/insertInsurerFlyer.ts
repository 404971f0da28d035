import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { DocumentPart, InsurerPdf } from '../../../shared/documents/documentSet.ts';
import { tagSubsetsUniquely } from './uniqueSubsetTags.ts';

/** The insurer's own PDFs of the content in force, checked when it was loaded, by what they are. */
export type InsurerPdfFiles = Partial<Record<InsurerPdf, string>>;

/** Pages of one of the insurer's PDFs. */
export async function insurerFlyerPageCount(file: string): Promise<number> {
  return (await PDFDocument.load(fs.readFileSync(file))).getPageCount();
}

/**
 * A rendered set with the insurer's own PDFs (its flyer, its important-matters document) in
 * place of their blank placeholder pages: their pages are copied as they are (content, fonts and
 * images untouched), every other page stays where pdfmake put it.
 */
export async function insertInsurerFlyer(rendered: Uint8Array, parts: readonly DocumentPart[], files: InsurerPdfFiles): Promise<Uint8Array> {
  const source = await PDFDocument.load(rendered);
  const loaded = new Map<InsurerPdf, PDFDocument>();
  const insurerDoc = async (which: InsurerPdf) => {
    const file = files[which];
    if (!file) throw new Error(`no ${which} PDF to insert`);
    const doc = loaded.get(which) ?? (await PDFDocument.load(fs.readFileSync(file)));
    loaded.set(which, doc);
    return doc;
  };
  const out = await PDFDocument.create();
  out.setTitle(source.getTitle() ?? '');
  out.setAuthor(source.getAuthor() ?? '');
  out.setCreator(source.getCreator() ?? '');
  const created = source.getCreationDate();
  if (created) out.setCreationDate(created);
  out.setModificationDate(source.getModificationDate() ?? created ?? new Date());
  let offset = 0;
  for (const part of parts) {
    const insurer = part.insurerPdf && (await insurerDoc(part.insurerPdf));
    const pages = insurer
      ? await out.copyPages(insurer, insurer.getPageIndices())
      : await out.copyPages(source, Array.from({ length: part.pages }, (_, i) => offset + i));
    for (const page of pages) out.addPage(page);
    offset += part.pages;
  }
  // The insurer's PDFs and our pages may carry subsets under the same tag.
  tagSubsetsUniquely(out);
  return out.save();
}
