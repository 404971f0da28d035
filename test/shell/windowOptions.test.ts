import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../electron/shell/windowOptions.ts';

describe('the main window', () => {
  const options = windowOptions('/app/dist/electron/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('loads the bundled CommonJS preload', () => {
    expect(options.webPreferences?.preload).toMatch(/preload\.cjs$/);
  });

  it('opens at 1366×768 and cannot shrink below a usable counter layout', () => {
    expect(options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700 });
  });
});
