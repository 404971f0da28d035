import fs from 'node:fs';
import yauzl from 'yauzl';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';

/** A file that is not a book we are willing to unpack; the message says why, in Japanese. */
export class UnreadableBook extends Error {}

/**
 * Limits for an .xlsx book (a zip of XML parts). A 200,000-row, 11-column roster (14.8 MB)
 * unpacks to 123 MB, 88 MB of sheet XML and 35 MB of shared strings, compressed 7 and 21 times;
 * 512 MB leaves four times that and still refuses a zip bomb long before memory runs out.
 * Deflate cannot shrink data more than about 1,032 to 1: a part claiming 500 or more is a bomb,
 * not a sheet.
 */
export const bookLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 500,
  /** Parts smaller than this are never refused for their ratio (an empty sheet compresses well). */
  ratioFloorBytes: 1024 * 1024,
};

export type BookLimits = typeof bookLimits;

const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024)).toLocaleString('ja-JP');

const signatureEnd = 0x06054b50;

/** Where the central directory starts, from the end-of-central-directory record. */
function centralDirectoryOffset(filePath: string): number {
  const fd = fs.openSync(filePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === signatureEnd) return tail.readUInt32LE(at + 16);
    }
  } finally {
    fs.closeSync(fd);
  }
  throw new UnreadableBook(csvMessages.bookDamaged);
}

/**
 * Refuses a book that would unpack to more than the limits, before anything is unpacked for
 * reading: first the sizes the zip declares (each part, the total, the compression ratio), then
 * that the parts lie end to end with nothing hidden between them (the streaming unzipper exceljs
 * uses reads local headers one after another, not the directory), and last by inflating every
 * part into nothing while counting: yauzl stops a part that inflates past its declared size.
 */
export async function checkBookSize(filePath: string, limits: BookLimits = bookLimits): Promise<void> {
  const tooLarge = () => new UnreadableBook(csvMessages.bookTooLarge(mb(limits.maxTotalBytes)));
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(filePath, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
  } catch {
    throw new UnreadableBook(csvMessages.bookDamaged);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooLarge();
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        declared += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (declared > limits.maxTotalBytes || (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)) reject(tooLarge());
        else zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(new UnreadableBook(csvMessages.bookDamaged)));
      zip.readEntry();
    });

    // Each part must start where the one before it ends (after its data descriptor, if it has one).
    const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
    let end = 0;
    let slack = 0;
    const follows = (offset: number) => offset - end >= 0 && offset - end <= slack;
    for (const entry of byOffset) {
      if (!follows(entry.relativeOffsetOfLocalHeader)) throw new UnreadableBook(csvMessages.bookDamaged);
      const header = await zip.readLocalFileHeaderPromise(entry, {}).catch(() => null);
      if (!header || header.compressionMethod !== entry.compressionMethod) throw new UnreadableBook(csvMessages.bookDamaged);
      const described = (entry.generalPurposeBitFlag & 0x8) !== 0;
      // Without a descriptor the local header states the sizes the streaming reader will trust.
      if (!described && (header.compressedSize !== entry.compressedSize || header.uncompressedSize !== entry.uncompressedSize)) {
        throw new UnreadableBook(csvMessages.bookDamaged);
      }
      end = header.fileDataStart + entry.compressedSize;
      // A data descriptor: optional signature, CRC and two sizes of 4 or 8 bytes.
      slack = described ? 24 : 0;
    }
    if (!follows(centralDirectoryOffset(filePath))) throw new UnreadableBook(csvMessages.bookDamaged);

    let inflated = 0;
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry).catch(() => {
        throw new UnreadableBook(csvMessages.bookDamaged);
      });
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxTotalBytes) {
            stream.destroy();
            reject(tooLarge());
          }
        });
        stream.on('end', resolve);
        // yauzl reports a part that inflates past its declared size as an error here.
        stream.on('error', (error: Error) => reject(/too many bytes|too few bytes/i.test(error.message) ? tooLarge() : new UnreadableBook(csvMessages.bookDamaged)));
      });
    }
  } finally {
    zip.close();
  }
}
