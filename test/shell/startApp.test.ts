import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { createFakeCore, type FakeCore } from './fakeCore.ts';
import { ipcChannels } from '../../shared/contract/bridge.ts';
import { errorMessages } from '../../shared/messages/errors.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { startApp } from '../../electron/shell/startApp.ts';
import { shellMessages } from '../../electron/shell/shellMessages.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const { app, dialog } = fakeElectron;

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Lets the whenReady() chain run to its end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('starting the desktop app', () => {
  let core: FakeCore;
  let openCore: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    resetFakeElectron();
    core = createFakeCore();
    openCore = vi.fn(async () => core);
  });

  const start = () =>
    startApp({
      openCore: openCore as never,
      dataDir: '/data/cyber-counter',
      preloadPath: '/app/dist/electron/preload.cjs',
      rendererDir: '/app/dist/renderer',
      log: silentLogger,
    });

  it('a second copy quits at once and leaves the data to the running one', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    start();
    await settle();
    expect(app.quit).toHaveBeenCalled();
    expect(openCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('opens the core in desktop mode and one window on the renderer', async () => {
    start();
    await settle();
    expect(openCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/data/cyber-counter', mode: 'desktop' }));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ webPreferences: { preload: '/app/dist/electron/preload.cjs', sandbox: true } });
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(
      [ipcChannels.call, ipcChannels.openFile, ipcChannels.saveFile, ipcChannels.readFile, ipcChannels.printFile].sort(),
    );
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakeElectron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('registers app:// and the sandbox before the app is ready', () => {
    app.whenReady.mockReturnValue(new Promise(() => undefined));
    start();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it.each([
    ['DB_LOCKED', errorMessages.DB_LOCKED],
    ['DB_TOO_NEW', errorMessages.DB_TOO_NEW],
  ])('with %s it shows the core’s Japanese message and quits', async (code, message) => {
    openCore.mockRejectedValueOnce(codedError(code, message));
    start();
    await settle();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(shellMessages.startupFailedTitle, message);
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('hides an unexpected open failure behind a Japanese message', async () => {
    openCore.mockRejectedValueOnce(new Error('SQLITE_CORRUPT: database disk image is malformed'));
    start();
    await settle();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(shellMessages.startupFailedTitle, shellMessages.startupFailed);
    expect(app.quit).toHaveBeenCalled();
  });

  it('quits with a message when the renderer cannot be loaded, instead of staying hidden', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND (-6) loading app://renderer/index.html');
    start();
    await settle();
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalled();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(shellMessages.startupFailedTitle, shellMessages.startupFailed);
    expect(app.quit).toHaveBeenCalled();
  });

  it('shows the window once the page is ready', async () => {
    start();
    await settle();
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('a second launch brings the running window back to the front', async () => {
    start();
    await settle();
    const window = FakeBrowserWindow.instances[0]!;
    window.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('closes the core before the process ends', async () => {
    start();
    await settle();
    const quitting = { preventDefault: vi.fn() };
    app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
    await settle();
    expect(app.quit).toHaveBeenCalledTimes(1);
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('quits when its window is closed', async () => {
    start();
    await settle();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});
