import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/cli/build.ts';

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

describe('the built bundles', () => {
  it('renderer: plain browser code, with no Node module or require anywhere', () => {
    const scripts = files('dist/renderer').filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = fs.readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["'](node:|fs|path|child_process|electron|better-sqlite3)["']\)/);
    }
  });

  it('preload: one CommonJS file that requires electron and nothing else', { timeout: 60_000 }, async () => {
    await buildElectron();
    const preloads = fs.readdirSync('dist/electron').filter((f) => f.startsWith('preload'));
    expect(preloads.filter((f) => !f.endsWith('.map'))).toEqual(['preload.cjs']);
    const code = fs.readFileSync('dist/electron/preload.cjs', 'utf8');
    expect(code).not.toMatch(/^\s*import\s|\bimport\(/m);
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
    // Main and workers exist beside it; the main process keeps better-sqlite3 outside the bundle.
    expect(fs.existsSync('dist/electron/main.js')).toBe(true);
    expect(fs.readdirSync('dist/electron/workers').filter((f) => f.endsWith('.worker.js')).length).toBeGreaterThanOrEqual(3);
  });

  it('main: SQLite and PouchDB (with LevelDB) load from node_modules, unpacked from the asar, not from the bundle', { timeout: 60_000 }, async () => {
    if (!fs.existsSync('dist/electron/main.js')) await buildElectron();
    const code = fs.readFileSync('dist/electron/main.js', 'utf8');
    expect(code).toMatch(/from\s*"better-sqlite3"/);
    expect(code).toMatch(/from\s*"pouchdb-node"/);
    // leveldown finds its prebuilt binary with node-gyp-build beside its own files: bundled, it would not.
    expect(code).not.toContain('node-gyp-build');
  });
});
