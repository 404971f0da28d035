import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef } from '../../../shared/contract/files.ts';
import { safeFileName } from '../../../shared/text/safeFileName.ts';
import type { FileStoreApi, StoredFile } from '../types.ts';

/**
 * Files in transit between the window and the core, in a folder of their own that is emptied at
 * every start: nothing here is a record, so nothing here may be the only copy of anything.
 */
export class FileStore implements FileStoreApi {
  readonly dir: string;
  private readonly entries = new Map<string, StoredFile>();

  constructor(dir: string) {
    this.dir = dir;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }

  /** A fresh path for a job to write to; register it with adopt() once complete. */
  reservePath(): { fileId: string; path: string } {
    const fileId = randomBytes(16).toString('base64url');
    return { fileId, path: path.join(this.dir, fileId) };
  }

  adopt(fileId: string, filePath: string, name: string, mime: string): FileRef {
    const ref: FileRef = { fileId, name, mime, size: fs.statSync(filePath).size };
    this.entries.set(fileId, { ref, path: filePath });
    return ref;
  }

  async addFromPath(sourcePath: string, mime: string): Promise<FileRef> {
    const { fileId, path: target } = this.reservePath();
    await fs.promises.copyFile(sourcePath, target);
    return this.adopt(fileId, target, path.basename(sourcePath), mime);
  }

  async addBytes(bytes: Uint8Array, name: string, mime: string): Promise<FileRef> {
    const { fileId, path: target } = this.reservePath();
    await fs.promises.writeFile(target, bytes);
    return this.adopt(fileId, target, safeFileName(name), mime);
  }

  get(fileId: string): StoredFile | undefined {
    return this.entries.get(fileId);
  }

  clear(): void {
    this.entries.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

