/**
 * The sandboxed preload, bundled to dist/electron/preload.cjs: puts the contract bridge on
 * window.cyberCounter and nothing else. The page never holds ipcRenderer or an IPC event, so
 * it cannot send on a channel of its choosing or reach event.sender.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import type { ContractBridge } from '../../shared/contract/bridge.ts';
import { ipcChannels } from '../../shared/contract/ipcChannels.ts';
import type { Envelope } from '../../shared/contract/envelope.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import { errorMessages } from '../../shared/messages/errors.ts';

/** Keeps the bridge's promise: an envelope, even when IPC itself fails (e.g. an uncloneable argument). */
async function invoke<T>(ipc: Pick<IpcRenderer, 'invoke'>, channel: string, ...args: unknown[]): Promise<Envelope<T>> {
  try {
    return (await ipc.invoke(channel, ...args)) as Envelope<T>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: errorMessages.INTERNAL } };
  }
}

/** The contract bridge over one ipcRenderer. */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): ContractBridge {
  return {
    call: (channel, input) => invoke(ipc, ipcChannels.call, channel, input),
    onEvent(listener) {
      const forward = (_event: IpcRendererEvent, payload: ContractEvent) => listener(payload);
      ipc.on(ipcChannels.event, forward);
      return () => {
        ipc.removeListener(ipcChannels.event, forward);
      };
    },
    openFile: (request) => invoke(ipc, ipcChannels.openFile, request),
    saveFile: (request) => invoke(ipc, ipcChannels.saveFile, request),
    readFile: (request) => invoke(ipc, ipcChannels.readFile, request),
    printFile: (request) => invoke(ipc, ipcChannels.printFile, request),
  };
}

contextBridge.exposeInMainWorld('cyberCounter', createBridge(ipcRenderer));
