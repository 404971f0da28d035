/**
 * Builds what the app runs from: the renderer (Vite) into dist/renderer and, for the desktop
 * app, the Electron main process, preload and workers (esbuild) into dist/electron.
 * Usage: node electron/cli/build.ts [--renderer] [--electron]   (no flag: both)
 */
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function buildRenderer(): Promise<void> {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

export async function buildElectron(): Promise<void> {
  const outdir = path.join(root, 'dist/electron');
  // Stale bundles (a renamed worker, an old main) must not ship with the new ones.
  fs.rmSync(outdir, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    sourcemap: true,
    // Native modules (and pouchdb-node, which loads LevelDB's leveldown) load from node_modules at
    // run time, unpacked from the asar: a bundle cannot hold a .node file or find its prebuilds.
    external: ['electron', 'better-sqlite3', 'pdfmake', 'fontkit', 'pouchdb-node', 'leveldown'],
    logLevel: 'warning' as const,
  };
  // Bundled ESM still needs require() for CommonJS dependencies.
  const esmRequire = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
  await esbuild({
    ...common,
    entryPoints: { main: path.join(root, 'electron/shell/main.ts') },
    outdir,
    format: 'esm',
    banner: esmRequire,
  });
  // A sandboxed preload must be a single CommonJS file: it cannot load modules or ESM.
  await esbuild({
    ...common,
    entryPoints: { preload: path.join(root, 'electron/preload/index.ts') },
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
  });
  // Listed rather than globbed: esbuild's glob entry points want forward slashes, Windows paths have none.
  const workersDir = path.join(root, 'electron/core/workers');
  const workers = fs.readdirSync(workersDir).filter((name) => name.endsWith('.worker.ts'));
  await esbuild({
    ...common,
    entryPoints: workers.map((name) => path.join(workersDir, name)),
    outdir: path.join(outdir, 'workers'),
    format: 'esm',
    banner: esmRequire,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = new Set(process.argv.slice(2));
  const all = !args.has('--renderer') && !args.has('--electron');
  if (all || args.has('--renderer')) await buildRenderer();
  if (all || args.has('--electron')) await buildElectron();
}
