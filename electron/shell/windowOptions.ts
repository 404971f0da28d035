import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window: sized for a 1366×768 counter PC, and locked down so that the page can reach
 * the main process only through the preload's contract bridge.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show' so the clerk never sees an empty white frame flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}
