import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);

/** pdfkit's PDFReference (an indirect object), as far as finishing it goes. */
interface Reference {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(this: Reference): void;
}
interface PdfkitDocument {
  ref(data?: object): Reference;
}

/**
 * zlib's default level with its largest hash table. The font programs (150 KB for the flyer,
 * a fifth of the time of a copy) compress 15 % faster and no larger than with zlib's defaults,
 * which pdfkit uses: with glyph outlines the default table sends many more strings down the
 * same hash chains. It takes 128 KB more memory while a stream is compressed.
 */
const streamCompression: zlib.ZlibOptions = { level: 6, memLevel: 9 };

export function compressStreamsWithLargerHashTable(): void {
  const PDFDocument = require('pdfkit') as { prototype: PdfkitDocument & { largerHashTable?: true } };
  const documentClass = PDFDocument.prototype;
  if (documentClass.largerHashTable) return;
  documentClass.largerHashTable = true;
  // PDFReference is not exported: its prototype is reached through the first object made.
  const ref = documentClass.ref;
  documentClass.ref = function (this: PdfkitDocument, data?: object) {
    const reference = ref.call(this, data);
    documentClass.ref = ref;
    const referenceClass = Object.getPrototypeOf(reference) as Reference;
    const finalize = referenceClass.finalize;
    referenceClass.finalize = function (this: Reference) {
      // pdfkit marks a compressed stream FlateDecode as it is written; here it is only compressed differently.
      if (this.compress && this.buffer.length > 0) {
        this.buffer = [zlib.deflateSync(Buffer.concat(this.buffer), streamCompression)];
        this.compress = false;
      }
      finalize.call(this);
    };
    return reference;
  };
}
