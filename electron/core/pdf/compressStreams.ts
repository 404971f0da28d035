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
  end(): void;
}

/**
 * zlib's default level with its largest hash table. The font programs (150 KB for the flyer,
 * a fifth of the time of a copy) compress 15 % faster and no larger than with zlib's defaults,
 * which pdfkit uses: with glyph outlines the default table sends many more strings down the
 * same hash chains. It takes 128 KB more memory while a stream is compressed.
 */
const streamCompression: zlib.ZlibOptions = { level: 6, memLevel: 9 };

/** Streams from this size on (font programs) are worth compressing on another thread. */
const largeStream = 32 * 1024;

/**
 * Compresses pdfkit's streams with the settings above. When a document ends, pdfkit writes the
 * subset of every font and compresses each on this thread, one after the other. Those large
 * streams are put aside instead: the largest is compressed here while the others are compressed
 * on libuv's thread pool, with the same settings and so into the same bytes. They are written
 * in the order they were ended, so the file does not depend on which thread finished first;
 * pdfkit already waits for objects that end late before it writes the cross-reference table.
 */
export function compressStreamsInParallel(): void {
  const PDFDocument = require('pdfkit') as { prototype: PdfkitDocument & { compressedInParallel?: true } };
  const documentClass = PDFDocument.prototype;
  if (documentClass.compressedInParallel) return;
  documentClass.compressedInParallel = true;
  let ending: Reference[] | undefined;
  let finalize: Reference['finalize'] | undefined;
  const end = documentClass.end;
  documentClass.end = function (this: PdfkitDocument) {
    const large: Reference[] = (ending = []);
    try {
      end.call(this);
    } finally {
      ending = undefined;
    }
    if (large.length > 0) void writeInOrder(large, finalize!);
  };
  // PDFReference is not exported: its prototype is reached through the first object made.
  const ref = documentClass.ref;
  documentClass.ref = function (this: PdfkitDocument, data?: object) {
    const reference = ref.call(this, data);
    documentClass.ref = ref;
    const referenceClass = Object.getPrototypeOf(reference) as Reference;
    const finalizeNow = (finalize = referenceClass.finalize);
    referenceClass.finalize = function (this: Reference) {
      if (!this.compress || this.buffer.length === 0) return finalizeNow.call(this);
      const data = Buffer.concat(this.buffer);
      if (ending && data.length >= largeStream) {
        this.buffer = [data];
        ending.push(this);
        return;
      }
      this.buffer = [zlib.deflateSync(data, streamCompression)];
      // pdfkit marked the stream FlateDecode as it was written; here it is only compressed differently.
      this.compress = false;
      finalizeNow.call(this);
    };
    return reference;
  };
}

/** Compresses the streams put aside (the largest here, the others on the thread pool) and writes them in order. */
async function writeInOrder(references: Reference[], finalize: Reference['finalize']): Promise<void> {
  const data = references.map((reference) => reference.buffer[0]!);
  const largest = data.reduce((best, bytes, i) => (bytes.length > data[best]!.length ? i : best), 0);
  // One output chunk large enough for the whole result, so the thread pool does it in one go
  // instead of coming back to this (busy) thread for every 16 KB.
  const onPool = data.map((bytes, i) =>
    i === largest
      ? undefined
      : new Promise<Buffer>((resolve, reject) =>
          zlib.deflate(bytes, { ...streamCompression, chunkSize: bytes.length + 1024 }, (error, result) => (error ? reject(error) : resolve(result))),
        ),
  );
  const here = zlib.deflateSync(data[largest]!, streamCompression);
  try {
    for (const [i, reference] of references.entries()) {
      reference.buffer = [i === largest ? here : await onPool[i]!];
      reference.compress = false;
      finalize.call(reference);
    }
  } catch (error) {
    // pdfmake's getBuffer() would wait for ever for a document that never ends: fail loudly instead.
    process.nextTick(() => {
      throw error;
    });
  }
}
