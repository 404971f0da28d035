import net from 'node:net';
import PouchDB from 'pouchdb-node';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron.ts';
import { crashDialog } from '../../electron/shell/crashDialog.ts';
import { isHubTransportError } from '../../electron/core/sync/hubTransportError.ts';
import { shellMessages } from '../../electron/shell/shellMessages.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

describe('an uncaught error in the main process', () => {
  beforeEach(resetFakeElectron);

  it('is logged with its stack and shown to the clerk in Japanese only', () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    crashDialog(log)(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(log.error).toHaveBeenCalledWith('uncaught error in main process', {
      error: expect.stringContaining('TypeError: Cannot read properties of undefined'),
    });
    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith(shellMessages.unexpectedErrorTitle, shellMessages.unexpectedError);
    const [, text] = fakeElectron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(text).not.toContain('TypeError');
  });

  it('a request the hub dropped while PouchDB was not listening is only a warning: replication retries it', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const dropped = await PouchDB.fetch(`http://127.0.0.1:${closedPort}/cyber-counter/`, { headers: new Headers() }).catch((error: unknown) => error);
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    crashDialog(log)(dropped);
    expect(log.warn).toHaveBeenCalledWith('sync: a hub request failed outside replication', { error: expect.stringContaining('ECONNREFUSED') });
    expect(log.error).not.toHaveBeenCalled();
    expect(fakeElectron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('knows that error again when a test worker hands it on serialised, and nothing else', () => {
    expect(isHubTransportError({ name: 'FetchError', message: 'request to http://127.0.0.1:1/cyber-counter/ failed, reason: socket hang up' })).toBe(true);
    expect(isHubTransportError(new TypeError('fetch failed'))).toBe(false);
    expect(isHubTransportError('FetchError')).toBe(false);
  });
});
