import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { createFakeCore } from './fakeCore.ts';
import { ipcChannels } from '../../shared/contract/ipcChannels.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { createShellStateStore } from '../../electron/shell/shellState.ts';
import { shellMessages } from '../../electron/shell/shellMessages.ts';
import { startApp } from '../../electron/shell/startApp.ts';
import { tempDir } from '../helpers/tempDir.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const { dialog, Menu } = fakeElectron;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start(dataDir: string): Promise<FakeBrowserWindow> {
  startApp({ openCore: async () => createFakeCore(dataDir), dataDir, preloadPath: '/app/preload.cjs', rendererDir: '/app/renderer', log: silentLogger });
  await settle();
  return FakeBrowserWindow.instances[0]!;
}

describe('the desktop window', () => {
  beforeEach(() => resetFakeElectron());

  it('opens where it was closed last time, maximised if it was', async () => {
    const dataDir = tempDir();
    createShellStateStore(dataDir).update({ window: { x: 40, y: 30, width: 1500, height: 900, maximized: true } });
    const window = await start(dataDir);
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1500, height: 900, minWidth: 1024, minHeight: 700 });
    expect(window.maximize).toHaveBeenCalled();
  });

  it('remembers its size and position when closed', async () => {
    const dataDir = tempDir();
    const window = await start(dataDir);
    expect(window.options).toMatchObject({ width: 1366, height: 768 });
    window.bounds = { x: 100, y: 80, width: 1280, height: 720 };
    window.emit('close');
    expect(createShellStateStore(dataDir).get().window).toEqual({ x: 100, y: 80, width: 1280, height: 720, maximized: false });
  });

  it('asks before closing over unsaved input, and closes only when the clerk says so', async () => {
    const window = await start(tempDir());
    const keep = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', keep);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(window, expect.objectContaining({ message: shellMessages.unsavedMessage, buttons: [shellMessages.closeAnyway, shellMessages.keepEditing], cancelId: 1 }));
    expect(keep.preventDefault).not.toHaveBeenCalled();
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const close = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', close);
    expect(close.preventDefault).toHaveBeenCalled();
  });

  it('has the Japanese menu, whose 印刷… asks the page to print its preview', async () => {
    const window = await start(tempDir());
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = (Menu.buildFromTemplate.mock.calls[0] as unknown as [{ label: string; submenu: { label?: string; click?: () => void }[] }[]])[0];
    expect(template.map((m) => m.label)).toContain('ファイル');
    template.find((m) => m.label === 'ファイル')!.submenu.find((i) => i.label === '印刷…')!.click!();
    expect(window.webContents.send).toHaveBeenCalledWith(ipcChannels.event, { type: 'menuCommand', command: 'print' });
  });
});
