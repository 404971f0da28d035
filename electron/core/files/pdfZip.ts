import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** One file of a zip: its name inside the zip and where its bytes are now. */
export interface ZipEntry {
  name: string;
  path: string;
}

/**
 * Writes a zip of finished files. PDFs are already compressed, so they are stored as they are
 * (no deflate: faster, and the bytes in the zip are the bytes the trail hashed). Every entry gets
 * the given time, so the same files make the same zip. Names are stored as UTF-8 (yazl sets the
 * flag), which Windows' Explorer and macOS' Archive Utility both read.
 */
export async function writeZip(entries: readonly ZipEntry[], outPath: string, madeAt: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addFile(entry.path, entry.name, { compress: false, mtime: madeAt, mode: 0o100600 });
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(outPath, { mode: 0o600 }));
}

/** An entry name this app writes: one file name, no folder, nothing that climbs out of a folder. */
export function isPlainEntryName(name: string): boolean {
  return name.length > 0 && !/[\\/]/.test(name) && name !== '.' && name !== '..' && !name.startsWith('.');
}

/**
 * Copies entries of a zip this app made to the paths `target` gives them (null skips one), each
 * written whole before it appears under its name. Returns the names written.
 */
export async function extractZip(zipPath: string, target: (name: string) => string | null): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, validateEntrySizes: true, autoClose: true, decodeStrings: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const written: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const to = isPlainEntryName(entry.fileName) ? target(entry.fileName) : null;
      if (to === null) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const partial = `${to}.partial`;
        fs.mkdirSync(path.dirname(to), { recursive: true });
        pipeline(stream, fs.createWriteStream(partial, { mode: 0o600 }))
          .then(() => {
            fs.renameSync(partial, to);
            written.push(entry.fileName);
            zip.readEntry();
          })
          .catch((failure: unknown) => {
            fs.rmSync(partial, { force: true });
            reject(failure instanceof Error ? failure : new Error(String(failure)));
          });
      });
    });
    zip.readEntry();
  });
  return written;
}
