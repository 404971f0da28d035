import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tempDir.ts';

/** Text of a PDF as poppler extracts it (what a search or a screen reader would see). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

export function pdfInfo(pdf: Buffer): { pages: number; pageSize: string } {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), pageSize: /Page size:\s+(.*)/.exec(info)?.[1] ?? '' };
}

/** Fonts as pdffonts lists them: name, whether embedded and whether subset. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const dir = tempDir();
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const lines = execFileSync('pdffonts', [file]).toString('utf8').split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
  });
}

export interface Raster {
  width: number;
  height: number;
  /** Grey level 0 (black) … 255 (white) per pixel, row by row. */
  pixels: Uint8Array;
  dpiX: number;
  dpiY: number;
}

/** Rasterises page 1 to an 8-bit grey PGM with poppler, anti-aliasing off unless asked. */
export function rasterise(pdf: Buffer, options: { dpiX: number; dpiY: number; mono?: boolean }): Raster {
  const dir = tempDir();
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const args = ['-f', '1', '-l', '1', '-rx', String(options.dpiX), '-ry', String(options.dpiY), '-aa', 'no', '-aaVector', 'no'];
  args.push(options.mono ? '-mono' : '-gray', file, path.join(dir, 'page'));
  execFileSync('pdftoppm', args);
  const out = fs.readdirSync(dir).find((f) => f.startsWith('page'))!;
  return parseNetpbm(fs.readFileSync(path.join(dir, out)), options.dpiX, options.dpiY);
}

function parseNetpbm(data: Buffer, dpiX: number, dpiY: number): Raster {
  const header: string[] = [];
  let offset = 0;
  const magic = data.subarray(0, 2).toString();
  const needed = magic === 'P4' ? 3 : 4;
  while (header.length < needed) {
    while (/\s/.test(String.fromCharCode(data[offset]!))) offset++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[offset]!))) token += String.fromCharCode(data[offset++]!);
    header.push(token);
  }
  offset++;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(width * height);
  if (magic === 'P5') {
    pixels.set(data.subarray(offset, offset + width * height));
  } else {
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (data[offset + y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        pixels[y * width + x] = bit ? 0 : 255;
      }
    }
  }
  return { width, height, pixels, dpiX, dpiY };
}
