import type { Envelope } from '../../shared/contract/envelope.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import type { FileRef } from '../../shared/contract/files.ts';

export type RunMode = 'desktop' | 'preview';

/** A file the core holds for the window: where its bytes are and how to present it. */
export interface StoredFile {
  ref: FileRef;
  path: string;
}

export interface FileStoreApi {
  /** Copies a file the user chose (desktop open dialog) into the store. */
  addFromPath(sourcePath: string, mime: string): Promise<FileRef>;
  /** Stores bytes the user uploaded (browser preview). */
  addBytes(bytes: Uint8Array, name: string, mime: string): Promise<FileRef>;
  get(fileId: string): StoredFile | undefined;
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
