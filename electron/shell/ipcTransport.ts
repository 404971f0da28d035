import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../shared/contract/bridge.ts';
import { failureEnvelope as failure, type Envelope } from '../../shared/contract/envelope.ts';
import { limits } from '../../shared/contract/limits.ts';
import type { Logger } from '../core/log/logger.ts';
import type { Core } from '../core/types.ts';
import { createFileDialogs, type FolderMemory } from './fileDialogs.ts';
import { createFilePrinting } from './filePrinting.ts';
import { readStoredFile } from './fileReads.ts';
import { forbiddenEnvelope, isTrustedSender } from './senderCheck.ts';


/** The size a call argument would have as JSON, or undefined when it is not plain data. */
function jsonBytes(input: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(input) ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Answers the preload's IPC channels for one window and forwards core events to it.
 * Every answer is an envelope: a throw across IPC would reach the renderer as a bare Error with
 * an English message and a main-process stack. Returns a function that unregisters everything.
 */
export function registerIpcTransport(core: Core, getWindow: () => BrowserWindow | undefined, log: Logger, folders?: FolderMemory): () => void {
  const dialogs = createFileDialogs(core, log, folders);
  const printFile = createFilePrinting(core, log);

  const guarded = <T>(answer: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope<T>>) =>
    async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Envelope<T>> => {
      if (!isTrustedSender(event)) {
        log.warn('ipc refused: untrusted sender');
        return forbiddenEnvelope;
      }
      try {
        return await answer(event, ...args);
      } catch (error) {
        log.error('ipc handler failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        return failure('INTERNAL');
      }
    };

  ipcMain.handle(
    ipcChannels.call,
    guarded(async (_event, channel, input) => {
      if (typeof channel !== 'string') return failure('UNKNOWN_CHANNEL');
      const size = jsonBytes(input);
      if (size === undefined) return failure('BAD_REQUEST');
      if (size > limits.maxCallBytes) return failure('PAYLOAD_TOO_LARGE');
      return core.dispatch(channel, input);
    }),
  );
  ipcMain.handle(
    ipcChannels.openFile,
    guarded((_event, request) => dialogs.openFile(getWindow(), request)),
  );
  ipcMain.handle(
    ipcChannels.saveFile,
    guarded((_event, request) => dialogs.saveFile(getWindow(), request)),
  );
  ipcMain.handle(
    ipcChannels.readFile,
    guarded((_event, request) => readStoredFile(core, request)),
  );
  ipcMain.handle(
    ipcChannels.printFile,
    guarded((_event, request) => printFile(request)),
  );

  const unsubscribe = core.onEvent((contractEvent) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(ipcChannels.event, contractEvent);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.call);
    ipcMain.removeHandler(ipcChannels.openFile);
    ipcMain.removeHandler(ipcChannels.saveFile);
    ipcMain.removeHandler(ipcChannels.readFile);
    ipcMain.removeHandler(ipcChannels.printFile);
  };
}
