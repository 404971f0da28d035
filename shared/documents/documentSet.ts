import type { Content, DynamicContent, Style, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** The insurer's own PDFs a pack can carry: its flyer and its important-matters document. */
export type InsurerPdf = 'flyer' | 'importantMatters';

/** One document of a combined PDF, with the pages it is known to take. */
export interface DocumentPart {
  definition: TDocumentDefinitions;
  pages: number;
  /** Blank pages that this insurer's PDF replaces, unchanged, once rendered. */
  insurerPdf?: InsurerPdf;
}

/** Blank pages holding the place of the insurer's flyer in a set, so every other page keeps its number. */
export function placeholderPages(pages: number): TDocumentDefinitions {
  return { content: Array.from({ length: pages }, (_, i) => ({ text: '', ...(i > 0 ? { pageBreak: 'before' as const } : {}) })) };
}

/** Running-text properties a document sets for all of its content. */
function partStyle(definition: TDocumentDefinitions): Style {
  const { font, fontSize, color, lineHeight, bold } = definition.defaultStyle ?? {};
  return Object.fromEntries(Object.entries({ font, fontSize, color, lineHeight, bold }).filter(([, v]) => v !== undefined));
}

/**
 * Several documents as one pdfmake definition (a mailing: each clinic's set in order). They share
 * the page size and margins of the theme; each keeps its own default text style, its own footer
 * its own header (a specimen's 「見本」) and its own page numbers. Page counts are given, and checked while the footers are drawn: a
 * document that ran longer than expected would number every later page wrongly, so it fails the
 * render instead.
 */
export function combineDocuments(parts: readonly DocumentPart[]): TDocumentDefinitions {
  const first = parts[0];
  if (!first) throw new Error('combineDocuments needs at least one document');
  if (parts.length === 1) return first.definition;
  const owners: { part: DocumentPart; localPage: number }[] = [];
  for (const part of parts) for (let page = 1; page <= part.pages; page++) owners.push({ part, localPage: page });
  const pagePart = (which: 'header' | 'footer'): DynamicContent => (currentPage, pageCount, pageSize) => {
    if (pageCount !== owners.length) {
      throw new Error(`combined document has ${pageCount} pages, expected ${owners.length}`);
    }
    const owner = owners[currentPage - 1]!;
    const own = owner.part.definition[which];
    return typeof own === 'function' ? own(owner.localPage, owner.part.pages, pageSize) : (own ?? null);
  };
  return {
    pageSize: first.definition.pageSize,
    pageOrientation: first.definition.pageOrientation,
    pageMargins: first.definition.pageMargins,
    info: first.definition.info,
    defaultStyle: first.definition.defaultStyle,
    // A specimen's 「見本」 stands on its own pages only.
    ...(parts.some((part) => part.definition.header) ? { header: pagePart('header') } : {}),
    footer: pagePart('footer'),
    content: parts.map(
      (part, i): Content => ({
        stack: [part.definition.content],
        ...partStyle(part.definition),
        ...(i > 0 ? { pageBreak: 'before' as const } : {}),
      }),
    ),
  };
}
