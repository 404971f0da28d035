/**
 * `npm run icons`: makes the app icons in resources/icons from icon.svg, with Debian's Chromium
 * (the one the tests use): PNGs for Linux and macOS, and icon.ico for Windows. The results are
 * committed; run this again only when icon.svg changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { appRoot } from '../core/paths.ts';

const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows shows 16–48 in lists and the taskbar, 256 in large icon views. */
const icoSizes = [16, 24, 32, 48, 64, 128, 256];

/**
 * An ICO file holding PNG images (Windows Vista and later read them). The container is a 6-byte
 * header and a 16-byte entry per image, so it is written here rather than taking a dependency.
 */
export function packIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main(): Promise<void> {
  const dir = path.join(appRoot(), 'resources', 'icons');
  const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const images: { size: number; png: Buffer }[] = [];
    for (const size of pngSizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      images.push({ size, png });
      fs.writeFileSync(path.join(dir, `${size}x${size}.png`), png);
    }
    fs.copyFileSync(path.join(dir, '1024x1024.png'), path.join(dir, 'icon.png'));
    fs.writeFileSync(path.join(dir, 'icon.ico'), packIco(images.filter((i) => icoSizes.includes(i.size))));
    console.error(`icons written to ${dir}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
