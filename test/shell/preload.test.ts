import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fakeElectron.ts';
import { ipcChannels, type ContractBridge } from '../../shared/contract/bridge.ts';
import { errorMessages } from '../../shared/messages/errors.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

// The preload exposes the bridge as a side effect of loading, once.
await import('../../electron/preload/index.ts');
const exposed = fakeElectron.contextBridge.exposeInMainWorld.mock.calls;
const bridge = exposed[0]?.[1] as ContractBridge;
const { ipcRenderer } = fakeElectron;

describe('the preload', () => {
  beforeEach(() => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.removeAllListeners();
  });

  it('exposes exactly the bridge functions as window.cyberCounter', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('cyberCounter');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent', 'openFile', 'printFile', 'readFile', 'saveFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('exposes nothing of ipcRenderer', () => {
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.on);
    }
    expect(exposed.flat()).not.toContain(ipcRenderer);
  });

  it('sends calls and file requests on the contract channels', async () => {
    await bridge.call('clinics.search', { query: 'かごしま' });
    await bridge.openFile({ purpose: 'clinicsCsv' });
    await bridge.saveFile({ fileId: 'abcdefgh' });
    await bridge.readFile({ fileId: 'abcdefgh' });
    await bridge.printFile?.({ fileId: 'abcdefgh' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannels.call, 'clinics.search', { query: 'かごしま' }],
      [ipcChannels.openFile, { purpose: 'clinicsCsv' }],
      [ipcChannels.saveFile, { fileId: 'abcdefgh' }],
      [ipcChannels.readFile, { fileId: 'abcdefgh' }],
      [ipcChannels.printFile, { fileId: 'abcdefgh' }],
    ]);
  });

  it('answers with an envelope even when IPC itself fails', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await bridge.call('clinics.search', { callback: () => 1 })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: errorMessages.INTERNAL },
    });
  });

  it('hands listeners the event payload only, never the IPC event', () => {
    const listener = vi.fn();
    bridge.onEvent(listener);
    const payload = { type: 'job', job: { jobId: 'j1' } };
    ipcRenderer.emit(ipcChannels.event, { sender: ipcRenderer, ports: [] }, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
  });

  it('unsubscribing removes only that listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onEvent(first);
    bridge.onEvent(second);
    unsubscribeFirst();
    ipcRenderer.emit(ipcChannels.event, {}, { type: 'job' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(ipcChannels.event)).toBe(1);
  });
});
