import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { icon: string; target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  mac: { icon: string; target: string };
  linux: { icon: string; target: string };
}

const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('packaging (electron-builder.yml)', () => {
  it('builds a per-user Japanese NSIS installer with a desktop shortcut, a dmg and an AppImage', () => {
    expect(config.productName).toBe('医療機関サイバー保険 窓口');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, language: '1041', installerLanguages: ['ja_JP'], createDesktopShortcut: true, deleteAppDataOnUninstall: false });
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toBe('AppImage');
  });

  it('ships the bundles, fonts and content packs, and nothing of the sources', () => {
    expect(config.files).toEqual(['dist/**/*', '!dist/**/*.map', 'package.json']);
    expect(config.extraResources).toEqual([
      { from: 'resources/fonts', to: 'resources/fonts' },
      { from: 'resources/content', to: 'resources/content' },
    ]);
    for (const { from } of config.extraResources) expect(fs.readdirSync(from).length).toBeGreaterThan(0);
  });

  it('unpacks better-sqlite3 from the asar and uses its prebuilt binaries for every target instead of rebuilding', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    const prebuilds = fs.readdirSync('node_modules/better-sqlite3/prebuilds');
    for (const target of ['win32-x64', 'darwin-x64', 'darwin-arm64', 'linux-x64']) expect(prebuilds).toContain(`${target}.node`);
  });

  it('unpacks LevelDB (the sharing store) from the asar too, with a prebuilt binary for every target', () => {
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**', 'node_modules/leveldown/**']);
    // The leveldown pouchdb-node loads is the one unpacked: no second copy nested under it.
    expect(fs.existsSync('node_modules/pouchdb-node/node_modules/leveldown')).toBe(false);
    const prebuilds = fs.readdirSync('node_modules/leveldown/prebuilds');
    for (const target of ['win32-x64', 'darwin-x64+arm64', 'linux-x64']) {
      expect(fs.readdirSync(path.join('node_modules/leveldown/prebuilds', target)).some((file) => file.endsWith('.node'))).toBe(true);
    }
    expect(prebuilds.length).toBeGreaterThan(0);
  });

  it('has icons for every platform, made from one source', () => {
    expect(fs.existsSync('resources/icons/icon.svg')).toBe(true);
    expect(pngSize(fs.readFileSync(config.mac.icon))).toEqual({ width: 1024, height: 1024 });
    for (const size of [16, 32, 48, 128, 256, 512]) {
      expect(pngSize(fs.readFileSync(path.join(config.linux.icon, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    const ico = fs.readFileSync(config.win.icon);
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    // Each entry points at a whole PNG of its size.
    for (let i = 0; i < sizes.length; i++) {
      const length = ico.readUInt32LE(6 + 16 * i + 8);
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(pngSize(ico.subarray(offset, offset + length)).width).toBe(sizes[i]);
    }
  });
});
