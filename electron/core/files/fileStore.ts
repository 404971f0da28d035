import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef } from '../../../shared/contract/files.ts';
import { fileMessages } from '../../../shared/messages/fileMessages.ts';
import { safeFileName } from '../../../shared/text/safeFileName.ts';
import { AppError } from '../errors.ts';
import type { FileKeep, FileStoreApi, StoredFile } from '../types.ts';

/**
 * How long a file may sit unused before it is removed. An hour covers a counter visit with its
 * interruptions (the phone, a colleague) while the print screen still offers 保存 and 印刷, yet a
 * machine left on all day does not collect every roster and PDF of the day in its data folder.
 */
export const fileIdleMs = 60 * 60 * 1000;
/** How often the idle files are looked for while nothing is added (each add looks too). */
const sweepEveryMs = 5 * 60 * 1000;
/** How many removed ids are remembered, to say why a file is gone rather than only that it is. */
const rememberedRemovals = 500;

export interface FileStoreOptions {
  /** The clock; tests pass one they move. */
  now?: () => Date;
  idleMs?: number;
}

interface Entry extends StoredFile {
  keep: FileKeep;
  lastUsed: number;
}

type Removal = keyof typeof fileMessages;

/**
 * Files in transit between the window and the core, in a folder of their own that is emptied at
 * every start: nothing here is a record, so nothing here may be the only copy of anything. Each
 * file leaves as soon as it has served (see FileKeep) or once it has sat unused for fileIdleMs.
 */
export class FileStore implements FileStoreApi {
  readonly dir: string;
  private readonly entries = new Map<string, Entry>();
  private readonly removed = new Map<string, Removal>();
  private readonly now: () => Date;
  private readonly idleMs: number;
  private readonly timer: NodeJS.Timeout;

  constructor(dir: string, options: FileStoreOptions = {}) {
    this.dir = dir;
    this.now = options.now ?? (() => new Date());
    this.idleMs = options.idleMs ?? fileIdleMs;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    this.timer = setInterval(() => this.sweep(), sweepEveryMs);
    this.timer.unref();
  }

  /** A fresh path for a job to write to; register it with adopt() once complete. */
  reservePath(): { fileId: string; path: string } {
    const fileId = randomBytes(16).toString('base64url');
    return { fileId, path: path.join(this.dir, fileId) };
  }

  /** Registers a file written to a reserved path; `keep` says when it may go. */
  adopt(fileId: string, filePath: string, name: string, mime: string, keep: FileKeep = 'whileUsed'): FileRef {
    this.sweep();
    const ref: FileRef = { fileId, name, mime, size: fs.statSync(filePath).size };
    this.entries.set(fileId, { ref, path: filePath, keep, lastUsed: this.now().getTime() });
    return ref;
  }

  async addFromPath(sourcePath: string, mime: string): Promise<FileRef> {
    const { fileId, path: target } = this.reservePath();
    await fs.promises.copyFile(sourcePath, target);
    return this.adopt(fileId, target, path.basename(sourcePath), mime, 'untilConsumed');
  }

  async addBytes(bytes: Uint8Array, name: string, mime: string, keep: FileKeep = 'untilConsumed'): Promise<FileRef> {
    const { fileId, path: target } = this.reservePath();
    await fs.promises.writeFile(target, bytes);
    return this.adopt(fileId, target, safeFileName(name), mime, keep);
  }

  /** The file, counted as used now (so a PDF being looked at is not swept away). */
  get(fileId: string): StoredFile | undefined {
    const entry = this.entries.get(fileId);
    if (!entry) return undefined;
    entry.lastUsed = this.now().getTime();
    return { ref: entry.ref, path: entry.path };
  }

  /** The file, or FILE_NOT_FOUND saying why it is gone and what to do instead. */
  require(fileId: string): StoredFile {
    const stored = this.get(fileId);
    if (!stored) throw new AppError('FILE_NOT_FOUND', this.missingMessage(fileId));
    return stored;
  }

  /** Whether the file is still here, without counting as a use of it. */
  holds(fileId: string): boolean {
    return this.entries.has(fileId);
  }

  /** Why a file is not (or no longer) here, in words staff can act on. */
  missingMessage(fileId: string): string | undefined {
    const removal = this.removed.get(fileId);
    return removal ? fileMessages[removal] : undefined;
  }

  /** Its consumer has succeeded (or it was saved, for a one-time hand-out): the file goes now. */
  release(fileId: string): void {
    const entry = this.entries.get(fileId);
    if (entry) this.remove(fileId, entry, entry.keep === 'handOutOnce' ? 'handedOut' : 'inputUsed');
  }

  /** After its save dialog was answered or its download ended, however: removes a file handed out only once. */
  handedOut(fileId: string): void {
    if (this.entries.get(fileId)?.keep === 'handOutOnce') this.release(fileId);
  }

  /** Removes every file unused for the idle time; runs on each add and on a timer. */
  sweep(): void {
    const cutoff = this.now().getTime() - this.idleMs;
    for (const [fileId, entry] of this.entries) {
      if (entry.lastUsed <= cutoff) this.remove(fileId, entry, entry.keep === 'untilConsumed' ? 'inputIdle' : 'outputIdle');
    }
  }

  clear(): void {
    clearInterval(this.timer);
    this.entries.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private remove(fileId: string, entry: Entry, why: Removal): void {
    try {
      fs.rmSync(entry.path, { force: true });
    } catch {
      // Still open elsewhere (on Windows a download or a virus scanner holds it): the next sweep
      // tries again, and meanwhile it stays listed, so it is never left behind unlisted.
      return;
    }
    this.entries.delete(fileId);
    this.removed.set(fileId, why);
    if (this.removed.size > rememberedRemovals) this.removed.delete(this.removed.keys().next().value!);
  }
}
