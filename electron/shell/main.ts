/**
 * Entry of the desktop app's main process, bundled to dist/electron/main.js. Wiring only:
 * everything it calls is tested on its own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { createFileLogger } from '../core/log/logger.ts';
import { newestGoodBackupIn, openCore, restoreDamagedDataDir } from '../core/openCore.ts';
import { defaultDataDir } from '../core/paths.ts';
import { crashDialog } from './crashDialog.ts';
import { startApp } from './startApp.ts';

const bundleDir = path.dirname(fileURLToPath(import.meta.url));

// Packaged, fonts and content packs are extraResources beside app.asar, not inside it.
if (app.isPackaged && !process.env.CYBER_COUNTER_RESOURCES) {
  process.env.CYBER_COUNTER_RESOURCES = path.join(process.resourcesPath, 'resources');
}

const dataDir = defaultDataDir();
const log = createFileLogger(path.join(dataDir, 'logs'));
const onCrash = crashDialog(log);
process.on('uncaughtException', onCrash);
process.on('unhandledRejection', onCrash);

startApp({
  openCore,
  dataDir,
  log,
  recovery: { newestGoodBackup: newestGoodBackupIn, restore: (dir) => restoreDamagedDataDir(dir) },
  preloadPath: path.join(bundleDir, 'preload.cjs'),
  rendererDir: path.join(bundleDir, '..', 'renderer'),
});
