/**
 * A stand-in for the 'electron' module, which cannot run under plain Node: each object records
 * what the shell asked of it. Tests install it with
 *   vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);
 * and call resetFakeElectron() before each test.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  headersListener: Handler | undefined;
  permissionRequestHandler: Handler | undefined;
  permissionCheckHandler: Handler | undefined;
  devicePermissionHandler: Handler | undefined;
  webRequest = {
    onHeadersReceived: vi.fn((listener: Handler) => {
      this.headersListener = listener;
    }),
  };
  setPermissionRequestHandler = vi.fn((handler: Handler) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: Handler) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: Handler) => {
    this.devicePermissionHandler = handler;
  });
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send = vi.fn();
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** When set, loadURL of every new window rejects with it. */
  static loadFailure: Error | undefined;
  readonly options: unknown;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  loadURL = vi.fn(async (_url: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  maximized = false;
  bounds = { x: 0, y: 0, width: 1366, height: 768 };
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  isMaximized = () => this.maximized;
  getNormalBounds = () => this.bounds;

  constructor(options: unknown) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();
  handle = vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null }));
}

class FakeApp extends EventEmitter {
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getVersion = vi.fn(() => '0.1.0');
}

/** Encrypts reversibly but never leaves the text readable, as the OS key store would. */
class FakeSafeStorage {
  isAsyncEncryptionAvailable = vi.fn(async () => true);
  getSelectedStorageBackend = vi.fn((): string => 'gnome_libsecret');
  /** Set to make the next decryptions report a rotated key. */
  rotated = false;
  encryptStringAsync = vi.fn(async (text: string) => Buffer.from(`fake-os-key:${Buffer.from(text, 'utf8').toString('base64')}`));
  decryptStringAsync = vi.fn(async (bytes: Buffer) => {
    const text = bytes.toString('utf8');
    if (!text.startsWith('fake-os-key:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(text.slice('fake-os-key:'.length), 'base64').toString('utf8'), shouldReEncrypt: this.rotated };
  });
}

export const fakeElectron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: new FakeIpcMain(),
  ipcRenderer: new FakeIpcRenderer(),
  contextBridge: { exposeInMainWorld: vi.fn() },
  dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })), showMessageBoxSync: vi.fn(() => 1) },
  session: { defaultSession: new FakeSession() },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) },
  shell: { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  safeStorage: new FakeSafeStorage(),
};

export function resetFakeElectron(): void {
  vi.clearAllMocks();
  fakeElectron.app.removeAllListeners();
  fakeElectron.app.requestSingleInstanceLock.mockImplementation(() => true);
  fakeElectron.app.whenReady.mockImplementation(() => Promise.resolve());
  fakeElectron.screen.getAllDisplays.mockImplementation(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]);
  fakeElectron.dialog.showMessageBoxSync.mockImplementation(() => 1);
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.ipcRenderer.removeAllListeners();
  fakeElectron.session.defaultSession = new FakeSession();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.loadFailure = undefined;
  fakeElectron.safeStorage = new FakeSafeStorage();
}
