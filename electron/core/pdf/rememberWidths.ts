import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** pdfkit's font of one document, as measuring uses it. */
interface DocumentFont {
  font: object;
  layout(text: string, features: unknown, onlyWidth: true): { advanceWidth: number };
  widthOfString(text: string, size: number, features?: unknown): number;
}
type WidthOfString = DocumentFont['widthOfString'] & { remembered?: true };
type ProvideFont = (this: unknown, family: string, bold: boolean, italics: boolean) => DocumentFont;

/** Distinct texts whose widths are kept per font before the memo starts over. */
const widthsKept = 20_000;

/**
 * pdfmake measures every word of every document: pdfkit shapes it through the document's own
 * layout cache, copying and scaling every glyph position only to sum the advances. A text's width
 * depends only on the parsed font (shared by all documents, see sharedFonts.ts) and the text, so
 * it is remembered per font across documents. Texts measured with OpenType features are left to
 * pdfkit.
 */
export function rememberWidthsAcrossDocuments(): void {
  const documentClass = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: { provideFont: ProvideFont } } }).default.prototype;
  const provideFont = documentClass.provideFont;
  // pdfkit's font class is not exported: it is patched on the first font pdfmake provides, and
  // provideFont is handed back, so measuring each word does not pass through this wrapper.
  documentClass.provideFont = function (this: unknown, family, bold, italics) {
    const font = provideFont.call(this, family, bold, italics);
    if (typeof font.layout === 'function') {
      rememberWidthsOf(Object.getPrototypeOf(font) as { widthOfString: WidthOfString });
      documentClass.provideFont = provideFont;
    }
    return font;
  };
}

const widths = new WeakMap<object, Map<string, number>>();

function rememberWidthsOf(fontClass: { widthOfString: WidthOfString }): void {
  if (fontClass.widthOfString.remembered) return;
  const widthOfString = fontClass.widthOfString;
  const remembered: WidthOfString = function (this: DocumentFont, text, size, features) {
    if (features) return widthOfString.call(this, text, size, features);
    let known = widths.get(this.font);
    if (!known) widths.set(this.font, (known = new Map()));
    let width = known.get(text);
    if (width === undefined) {
      if (known.size >= widthsKept) known.clear();
      width = this.layout(text, features, true).advanceWidth;
      known.set(text, width);
    }
    return width * (size / 1000); // as pdfkit computes it, so every width is the same to the last bit
  };
  remembered.remembered = true;
  fontClass.widthOfString = remembered;
}
