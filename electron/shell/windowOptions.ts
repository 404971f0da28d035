import type { BrowserWindowConstructorOptions } from 'electron';
import { minimumSize } from './shellState.ts';

/**
 * The one window: sized for a 1366×768 counter PC, and locked down so that the page can reach
 * the main process only through the preload's contract bridge.
 */
export function windowOptions(
  preloadPath: string,
  bounds: { x?: number; y?: number; width: number; height: number } = { width: 1366, height: 768 },
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
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
