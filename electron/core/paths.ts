import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The per-user LOCAL data folder. On Windows this is %LOCALAPPDATA%, not Roaming, so that a
 * roaming profile never carries the clinic database between counter PCs.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'CyberCounter');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'CyberCounter');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'cyber-counter');
}

/** The project (or unpacked app) root, found from this file in the source tree or the bundle. */
export function appRoot(): string {
  const here = fileURLToPath(import.meta.url);
  // Source: <root>/electron/core/paths.ts; bundle: <root>/dist/electron/main.js
  return path.resolve(path.dirname(here), '..', '..');
}

/** Folder with fonts and content packs: extraResources in the packaged app, resources/ in the tree. */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CYBER_COUNTER_RESOURCES ?? path.join(appRoot(), 'resources');
}

export const databaseFileName = 'cyber-counter.sqlite3';
export const lockFileName = 'cyber-counter.lock';
