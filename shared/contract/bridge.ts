import { z } from 'zod';
import type { Envelope } from './envelope.ts';
import type { ContractEvent } from './events.ts';
import { fileRefSchema, filePurposes, type FileRef, type FilePurpose } from './files.ts';

export const openFileRequestSchema = z.object({
  purpose: z.enum(Object.keys(filePurposes) as [FilePurpose, ...FilePurpose[]]),
});
export const saveFileRequestSchema = z.object({ fileId: fileRefSchema.shape.fileId });
export const saveFileResultSchema = z.object({ saved: z.boolean() });
export const readFileRequestSchema = z.object({ fileId: fileRefSchema.shape.fileId });
export const printFileRequestSchema = z.object({ fileId: fileRefSchema.shape.fileId });

export { ipcChannels } from './ipcChannels.ts';

/**
 * What the desktop preload exposes on `window.cyberCounter`: the contract client and nothing
 * of Electron. The browser preview implements the same shape over HTTP.
 */
export interface ContractBridge {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ContractEvent) => void): () => void;
  /** Lets the user choose a file (system dialog or file input) and hands it to the main process. */
  openFile(request: z.input<typeof openFileRequestSchema>): Promise<Envelope<FileRef | null>>;
  /** Lets the user save a file the main process made (save dialog or browser download). */
  saveFile(request: z.input<typeof saveFileRequestSchema>): Promise<Envelope<{ saved: boolean }>>;
  /** The bytes of a file the main process made, to show it inside the window (PDF preview). */
  readFile(request: z.input<typeof readFileRequestSchema>): Promise<Envelope<Uint8Array>>;
  /**
   * Opens a PDF the main process made in the system's PDF viewer, to print it. Desktop only:
   * the browser preview has no way to reach a printer and leaves this out.
   */
  printFile?(request: z.input<typeof printFileRequestSchema>): Promise<Envelope<{ opened: boolean }>>;
}
