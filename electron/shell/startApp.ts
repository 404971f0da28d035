import { app, BrowserWindow, dialog, session } from 'electron';
import type { Logger } from '../core/log/logger.ts';
import type { Core, RunMode } from '../core/types.ts';
import { installAppProtocol, registerAppScheme, rendererIndexUrl } from './appProtocol.ts';
import { describeError } from './crashDialog.ts';
import { registerIpcTransport } from './ipcTransport.ts';
import { installSessionSecurity, installWindowSecurity } from './security.ts';
import { shellMessages } from './shellMessages.ts';
import { windowOptions } from './windowOptions.ts';

export interface StartOptions {
  openCore: (options: { dataDir: string; mode: RunMode; log: Logger }) => Promise<Core>;
  dataDir: string;
  /** dist/electron/preload.cjs */
  preloadPath: string;
  /** dist/renderer */
  rendererDir: string;
  log: Logger;
}

/** The Japanese message of a known start-up refusal (DB_LOCKED, DB_TOO_NEW), else a general one. */
function startupMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if ((code === 'DB_LOCKED' || code === 'DB_TOO_NEW') && error instanceof Error) return error.message;
  return shellMessages.startupFailed;
}

/**
 * Runs the desktop app: one instance, one core, one window. Call once, synchronously at start:
 * the scheme registration and the sandbox switch only take effect before 'ready'.
 */
export function startApp(options: StartOptions): void {
  const { log } = options;
  registerAppScheme();
  app.enableSandbox();

  // A second copy would fight the first for the database lock; hand over to the running one.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: BrowserWindow | undefined;
  let core: Core | undefined;
  let coreClosed = false;

  const failStartup = (error: unknown) => {
    log.error('start-up failed', { error: describeError(error) });
    dialog.showErrorBox(shellMessages.startupFailedTitle, startupMessage(error));
    app.quit();
  };

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // One window is the whole app, on macOS too: closing it ends the session and frees the lock.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (!core || coreClosed) return;
    event.preventDefault();
    coreClosed = true;
    core
      .close()
      .catch((error: unknown) => log.error('closing core failed', { error: describeError(error) }))
      .finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    try {
      core = await options.openCore({ dataDir: options.dataDir, mode: 'desktop', log });
    } catch (error) {
      failStartup(error);
      return;
    }
    installSessionSecurity(session.defaultSession);
    installAppProtocol(options.rendererDir);
    const created = new BrowserWindow(windowOptions(options.preloadPath));
    window = created;
    installWindowSecurity(created.webContents);
    registerIpcTransport(core, () => window, log);
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      window = undefined;
    });
    // A window that never loads would stay hidden with the process and the lock still held.
    await created.loadURL(rendererIndexUrl).catch(failStartup);
  });
}
