/**
 * `npm run preview -- [--port <n>] [--data-dir <dir>] [--no-build] [--restore-newest-backup]`
 * Builds the renderer when its sources changed, opens the data folder, starts the local host
 * and prints the URL to open (with its token) on its own line.
 *
 * `--hold-jobs-after-first-step` is for the end-to-end tests only (test/e2e/support/startPreview.ts):
 * every job stops after its first step of work and waits there until it is cancelled, so a test
 * of 中止 cancels part-way every time. Nothing in the window or the HTTP API can turn it on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import { backupTimeLabel } from '../../shared/messages/backupMessages.ts';
import { newestGoodBackupIn, openCore, restoreDamagedDataDir, type CoreOptions } from '../core/openCore.ts';
import { appRoot, defaultDataDir } from '../core/paths.ts';
import { JobPausePoint } from '../core/jobs/jobPausePoint.ts';
import { startHost } from '../host/server.ts';
import { isHubTransportError } from '../core/sync/hubTransportError.ts';
import { parseArgs } from './args.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function rendererIsStale(root: string): boolean {
  const built = path.join(root, 'dist/renderer/index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return ['renderer', 'shared', 'resources/fonts'].some((dir) => newestMtime(path.join(root, dir)) > builtAt);
}

/** A damaged database is only replaced when asked to, with the damaged file kept aside. */
async function openOrRecover(dataDir: string, restore: boolean, holdJobs: boolean) {
  const options: CoreOptions = { dataDir, mode: 'preview', warmPdfWorkerAfterMs: pdfWarmUpDelayMs, ...(holdJobs && { pauseJobs: new JobPausePoint() }) };
  try {
    return await openCore(options);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'DB_DAMAGED' && error.code !== 'DB_MISSING')) throw error;
    const backup = newestGoodBackupIn(dataDir);
    if (!backup) throw new Error('データのファイルが壊れていて、復元できるバックアップもありません。ファイルはそのまま残しています。', { cause: error });
    const described = `${backupTimeLabel(new Date(backup.madeAt), new Date())} のバックアップ${backup.counts ? `（医療機関 ${backup.counts.clinics}件・問い合わせ ${backup.counts.inquiries}件）` : ''}`;
    if (!restore) {
      throw new Error(
        `${error.message}\n最新のバックアップ: ${described}\n復元するには --restore-newest-backup を付けて起動してください（元のファイルは damaged フォルダに残します）。`,
        { cause: error },
      );
    }
    const { keptAs } = restoreDamagedDataDir(dataDir);
    console.error(`${described}から復元しました。元のファイル: ${keptAs}`);
    return openCore(options);
  }
}

/** After the first screen: the PDF thread parses its fonts while the clerk looks at it. */
const pdfWarmUpDelayMs = 3000;

async function main(): Promise<void> {
  const { values, flags } = parseArgs(process.argv.slice(2), { values: ['port', 'data-dir'], flags: ['no-build', 'restore-newest-backup', 'hold-jobs-after-first-step'] });
  const port = Number(values.get('port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port は 0〜65535 の整数で指定してください: ${values.get('port')}`);
  const dataDir = path.resolve(values.get('data-dir') ?? defaultDataDir());
  const root = appRoot();

  if (!flags.has('no-build') && rendererIsStale(root)) {
    console.error('画面を準備しています (building the renderer)…');
    // Loaded only to build: Vite and its bundler are a tenth of a second of every start-up.
    const { buildRenderer } = await import('./build.ts');
    await buildRenderer();
  }

  const core = await openOrRecover(dataDir, flags.has('restore-newest-backup'), flags.has('hold-jobs-after-first-step'));
  const host = await startHost({ core, staticDir: path.join(root, 'dist/renderer'), port });
  console.error(`データの保存場所 (data folder): ${dataDir}`);
  console.error('ブラウザで次のURLを開いてください (open this URL in a browser):');
  console.log(host.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  // As in the desktop app (crashDialog): the hub dropping a request PouchDB left unwatched is a
  // warning; anything else still ends the preview, as Node does by default.
  process.on('unhandledRejection', (reason) => {
    if (!isHubTransportError(reason)) throw reason;
    console.error(`sync: a hub request failed outside replication: ${(reason as Error).message}`);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : `起動できませんでした: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
