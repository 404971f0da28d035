/**
 * `npm start`: the desktop app when the Electron binary is there (or can be fetched), otherwise
 * the browser preview, so that a machine without the binary still runs the app.
 * Usage: node electron/cli/start.ts [args passed on to Electron or the preview]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ElectronBinaryStatus {
  available: boolean;
  /** Where the executable is or would be; null when the package has never been installed. */
  path: string | null;
}

/**
 * Whether the Electron executable of the npm package is on disk. Reads what the package's
 * install script writes instead of importing 'electron', whose index.js starts a download.
 */
export function electronBinaryStatus(electronPkgDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinaryStatus {
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(electronPkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return { available: false, path: null };
  }
  if (!relative) return { available: false, path: null };
  // The same override the package's own index.js honours.
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPkgDir, 'dist');
  const binary = path.join(distDir, relative);
  return { available: fs.existsSync(binary), path: binary };
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const fetchTimeoutMs = 120_000;

function electronPackageDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return path.join(root, 'node_modules', 'electron');
  }
}

/** Runs the package's install script once, quietly; the caller re-checks the binary afterwards. */
function tryFetchElectron(electronPkgDir: string): Promise<void> {
  const script = path.join(electronPkgDir, 'install.js');
  if (!fs.existsSync(script)) return Promise.resolve();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: electronPkgDir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Output is only drained: a failed download is explained by the one fallback line instead.
    child.stdout.resume();
    child.stderr.resume();
    const timer = setTimeout(() => child.kill(), fetchTimeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    child.on('error', done);
    child.on('close', done);
  });
}

/** Runs a child in the foreground: same terminal, signals passed on, its exit code becomes ours. */
function runForeground(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const child: ChildProcess = spawn(command, args, { stdio: 'inherit', env });
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of forwarded) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of forwarded) process.off(s, forward);
    process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
  });
}

async function main(args: string[]): Promise<void> {
  const electronPkgDir = electronPackageDir();
  let status = electronBinaryStatus(electronPkgDir);
  if (!status.available) {
    await tryFetchElectron(electronPkgDir);
    status = electronBinaryStatus(electronPkgDir);
  }
  if (status.available && status.path) {
    // Loaded only here: the preview fallback needs neither Vite nor esbuild.
    const { buildRenderer, buildElectron } = await import('./build.ts');
    await buildRenderer();
    await buildElectron();
    // Inherited from an outer tool, this would make the binary run as plain Node.
    const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
    runForeground(status.path, [root, ...args], env);
    return;
  }
  console.log('Electron の実行ファイルを取得できないため、ブラウザ版プレビューで起動します (Electron binary unavailable: starting the browser preview).');
  runForeground(process.execPath, [path.join(root, 'electron/cli/preview.ts'), ...args]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
