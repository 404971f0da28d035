import type { Envelope } from '../../shared/contract/envelope.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import type { FileRef } from '../../shared/contract/files.ts';

export type RunMode = 'desktop' | 'preview';

/** A file the core holds for the window: where its bytes are and how to present it. */
export interface StoredFile {
  ref: FileRef;
  path: string;
}

/**
 * When a held file may go: `untilConsumed` a file the user brought in, removed once its import,
 * install or addition succeeded; `handOutOnce` a copy of the whole data, removed as soon as its
 * save dialog or download is over (saved, cancelled or failed: the window then asks for a new
 * one); `whileUsed` a PDF or CSV the app made, kept while the window may
 * still save or print it. Any of them goes once unused for the store's idle time.
 */
export type FileKeep = 'untilConsumed' | 'handOutOnce' | 'whileUsed';

export interface FileStoreApi {
  /** Copies a file the user chose (desktop open dialog) into the store. */
  addFromPath(sourcePath: string, mime: string): Promise<FileRef>;
  /** Stores bytes the user uploaded (browser preview). */
  addBytes(bytes: Uint8Array, name: string, mime: string): Promise<FileRef>;
  get(fileId: string): StoredFile | undefined;
  /** Why a file is gone (removed after use or unused), when the store knows; for FILE_NOT_FOUND. */
  missingMessage(fileId: string): string | undefined;
  /** After its save dialog was answered or its download ended, however: removes a file handed out only once. */
  handedOut(fileId: string): void;
}

/**
 * Everything the main process does, independent of the transport: the shell (IPC) and the
 * host (HTTP) both call dispatch() and forward events; neither knows about the database.
 */
export interface Core {
  readonly dataDir: string;
  readonly dbPath: string;
  dispatch(channel: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ContractEvent) => void): () => void;
  readonly files: FileStoreApi;
  close(): Promise<void>;
}
