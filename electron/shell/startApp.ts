import { app, BrowserWindow, dialog, Menu, screen, session, shell } from 'electron';
import { ipcChannels } from '../../shared/contract/ipcChannels.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import { menuTemplate } from './appMenu.ts';
import { createShellStateStore, restoredBounds } from './shellState.ts';
import type { Logger } from '../core/log/logger.ts';
import type { BackupInfo } from '../core/backup/backups.ts';
import type { Core, RunMode } from '../core/types.ts';
import type { SecretStore } from '../core/sync/syncPorts.ts';
import { safeSecretStore } from './safeSecretStore.ts';
import { installAppProtocol, registerAppScheme, rendererIndexUrl } from './appProtocol.ts';
import { describeError } from './crashDialog.ts';
import { registerIpcTransport } from './ipcTransport.ts';
import { installSessionSecurity, installWindowSecurity } from './security.ts';
import { shellMessages } from './shellMessages.ts';
import { windowOptions } from './windowOptions.ts';

export interface StartOptions {
  openCore: (options: { dataDir: string; mode: RunMode; log: Logger; warmPdfWorkerAfterMs?: number; secrets?: SecretStore }) => Promise<Core>;
  dataDir: string;
  /** dist/electron/preload.cjs */
  preloadPath: string;
  /** dist/renderer */
  rendererDir: string;
  log: Logger;
  /** What to offer when the database is damaged: the newest good backup, and restoring it. */
  recovery?: {
    newestGoodBackup(dataDir: string): BackupInfo | undefined;
    restore(dataDir: string): { backup: BackupInfo; keptAs: string };
  };
}

const backupTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' });

/** Start-up refusals whose own message says what to do (the read-only one names the folder). */
const explainedRefusals = new Set<unknown>(['DB_LOCKED', 'DB_TOO_NEW', 'DATA_DIR_READ_ONLY']);

/** The Japanese title and message of a known start-up refusal, else a general one. */
function startupMessage(error: unknown): { title: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const title = code === 'DATA_DIR_READ_ONLY' ? shellMessages.readOnlyTitle : shellMessages.startupFailedTitle;
  if (explainedRefusals.has(code) && error instanceof Error) return { title, message: error.message };
  return { title, message: shellMessages.startupFailed };
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
    const { title, message } = startupMessage(error);
    dialog.showErrorBox(title, message);
    app.quit();
  };

  /**
   * Opens the core; a damaged database is never opened over: the user is asked whether to put
   * the newest good backup in its place (the damaged file is kept aside). Undefined: they quit.
   */
  const openOrRecover = async (): Promise<Core | undefined> => {
    // The hub password is kept by the OS's key store, never in a file as it is.
    const open = () => options.openCore({ dataDir: options.dataDir, mode: 'desktop', log, warmPdfWorkerAfterMs: 3000, secrets: safeSecretStore(options.dataDir) });
    try {
      return await open();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if ((code !== 'DB_DAMAGED' && code !== 'DB_MISSING') || !options.recovery) throw error;
      const missing = code === 'DB_MISSING';
      const backup = options.recovery.newestGoodBackup(options.dataDir);
      if (!backup) {
        dialog.showErrorBox(shellMessages.damagedTitle, shellMessages.damagedNoBackup);
        app.quit();
        return undefined;
      }
      const counts = backup.counts ? `医療機関 ${backup.counts.clinics}件・問い合わせ ${backup.counts.inquiries}件` : '件数不明';
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: missing ? shellMessages.missingTitle : shellMessages.damagedTitle,
        message: missing ? shellMessages.missingTitle : shellMessages.damagedTitle,
        detail: (missing ? shellMessages.missingRestoreOffer : shellMessages.damagedRestoreOffer)(backupTime.format(new Date(backup.madeAt)), counts),
        buttons: [shellMessages.restoreAndStart, shellMessages.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) {
        app.quit();
        return undefined;
      }
      const restored = options.recovery.restore(options.dataDir);
      log.warn(missing ? 'database restored after it went missing' : 'database restored after damage', { backup: restored.backup.fileName });
      return open();
    }
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
      core = await openOrRecover();
    } catch (error) {
      failStartup(error);
      return;
    }
    if (!core) return;
    installSessionSecurity(session.defaultSession);
    installAppProtocol(options.rendererDir);
    const remembered = createShellStateStore(options.dataDir);
    const saved = remembered.get().window;
    const created = new BrowserWindow(windowOptions(options.preloadPath, restoredBounds(saved, screen.getAllDisplays().map((d) => d.workArea))));
    window = created;
    if (saved?.maximized) created.maximize();
    created.on('close', () => remembered.update({ window: { ...created.getNormalBounds(), maximized: created.isMaximized() } }));
    installWindowSecurity(created.webContents);
    installUnloadGuard(created);
    registerIpcTransport(core, () => window, log, { get: () => remembered.get().lastFolder, set: (lastFolder) => remembered.update({ lastFolder }) });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, menuActions(created, options.dataDir))));
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      window = undefined;
    });
    // A window that never loads would stay hidden with the process and the lock still held.
    await created.loadURL(rendererIndexUrl).catch(failStartup);
  });
}

/** What the menu's own items do; the rest are roles the system carries out. */
function menuActions(window: BrowserWindow, dataDir: string) {
  const send = (event: ContractEvent) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, event);
  };
  return {
    print: () => send({ type: 'menuCommand', command: 'print' }),
    openDataFolder: () => void shell.openPath(dataDir),
    about: () =>
      void dialog.showMessageBox(window, {
        type: 'info',
        title: shellMessages.aboutTitle,
        message: shellMessages.appName,
        detail: shellMessages.aboutDetail(app.getVersion(), dataDir),
        buttons: ['OK'],
      }),
  };
}

/**
 * Closing the window with unsaved input: the page says so (beforeunload) and the clerk decides.
 * Without this Electron would silently keep the window open.
 */
function installUnloadGuard(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: shellMessages.unsavedTitle,
      message: shellMessages.unsavedMessage,
      buttons: [shellMessages.closeAnyway, shellMessages.keepEditing],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // preventDefault here overrides the page's refusal: the window closes and the input is dropped.
    if (choice === 0) event.preventDefault();
  });
}
