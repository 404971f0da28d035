import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryStatus } from '../../electron/cli/start.ts';

describe('finding the Electron binary for npm start', () => {
  let pkgDir: string;
  beforeEach(() => {
    pkgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-electron-pkg-'));
  });
  afterEach(() => fs.rmSync(pkgDir, { recursive: true, force: true }));

  it('is unavailable when the package never downloaded it (no path.txt)', () => {
    expect(electronBinaryStatus(pkgDir, {})).toEqual({ available: false, path: null });
  });

  it('is unavailable when path.txt names a binary that is not there', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    expect(electronBinaryStatus(pkgDir, {})).toEqual({ available: false, path: path.join(pkgDir, 'dist', 'electron') });
  });

  it('is available when the binary path.txt names exists', () => {
    const relative = 'Electron.app/Contents/MacOS/Electron';
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), relative);
    fs.mkdirSync(path.join(pkgDir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    fs.writeFileSync(path.join(pkgDir, 'dist', relative), '');
    expect(electronBinaryStatus(pkgDir, {})).toEqual({ available: true, path: path.join(pkgDir, 'dist', relative) });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const override = path.join(pkgDir, 'custom');
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron.exe');
    fs.writeFileSync(path.join(override, 'electron.exe'), '');
    expect(electronBinaryStatus(pkgDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      available: true,
      path: path.join(override, 'electron.exe'),
    });
  });
});
