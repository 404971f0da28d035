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

/** A rectangle of pixels; for a cell, its four borders (the first rule pixels met). */
export interface PixelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ValueInk {
  /** The cell the value was written into, as found in the reference raster. */
  box: PixelBox;
  /** Whether a rule was found on all four sides (false: the walk ran off the page). */
  closed: boolean;
  /** Pixels that differ between the reference and the filled page: the value's ink. */
  inked: number;
  /** Of those, the ones not strictly inside the box (on or beyond a border, or in another cell). */
  outside: number;
}

/**
 * Where a filled-in value inked the page, found without knowing the layout: `reference` is the
 * same document with the field empty, `filled` the one with the value, both rasterised alike.
 * Pixels that differ are the value's ink. From one of them that is white in the reference, the
 * walk goes left, right, up and down through the reference to the first pixel of a rule in each
 * direction: the cell's border. A rule is a black run of at least `minRulePx` across the walk,
 * so glyphs that are in the reference too (a 「御中」 after an empty name) are walked over. Of
 * the cells found from seeds spread over the ink, the first closed one that holds all of it (or
 * else the first closed one) is the value's cell.
 */
export function valueInk(reference: Raster, filled: Raster, options: { minRulePx?: number } = {}): ValueInk {
  if (reference.width !== filled.width || reference.height !== filled.height) {
    throw new Error(`pages differ in size: ${reference.width}×${reference.height} and ${filled.width}×${filled.height}`);
  }
  const { width, height } = reference;
  const minRulePx = options.minRulePx ?? Math.round((10 / 25.4) * reference.dpiY);
  const black = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && reference.pixels[y * width + x] === 0;
  const runLength = (x: number, y: number, dx: number, dy: number) => {
    let n = 1;
    for (let i = 1; black(x + i * dx, y + i * dy); i++) n++;
    for (let i = 1; black(x - i * dx, y - i * dy); i++) n++;
    return n;
  };
  const differing: number[] = [];
  for (let i = 0; i < reference.pixels.length; i++) if (reference.pixels[i] !== filled.pixels[i]) differing.push(i);
  const seeds = differing.filter((i) => reference.pixels[i] === 255);
  if (seeds.length === 0) throw new Error('the value left no ink: nothing differs from the reference');
  // Walking sideways, a border is a vertical rule; walking up or down, a horizontal one.
  const walk = (seedX: number, seedY: number, dx: number, dy: number): number => {
    let x = seedX + dx;
    let y = seedY + dy;
    while (x >= 0 && y >= 0 && x < width && y < height) {
      if (black(x, y) && runLength(x, y, dy === 0 ? 0 : 1, dy === 0 ? 1 : 0) >= minRulePx) return dx === 0 ? y : x;
      x += dx;
      y += dy;
    }
    return dx === 0 ? (dy < 0 ? -1 : height) : dx < 0 ? -1 : width;
  };
  const cellAround = (seed: number): PixelBox => {
    const x = seed % width;
    const y = Math.floor(seed / width);
    return { left: walk(x, y, -1, 0), top: walk(x, y, 0, -1), right: walk(x, y, 1, 0), bottom: walk(x, y, 0, 1) };
  };
  const isClosed = (b: PixelBox) => b.left >= 0 && b.top >= 0 && b.right < width && b.bottom < height;
  const outsideOf = (b: PixelBox) =>
    differing.filter((i) => {
      const x = i % width;
      const y = Math.floor(i / width);
      return !(x > b.left && x < b.right && y > b.top && y < b.bottom);
    }).length;
  // Seeds spread over the ink, top first: ink that escaped above its cell does not pick a wrong
  // cell, and when the layout moved, the top-most changed cell (the value's) is the one reported.
  const count = Math.min(16, seeds.length);
  const found = Array.from({ length: count }, (_, k) => {
    const b = cellAround(seeds[Math.floor((k * seeds.length) / count)]!);
    return { box: b, closed: isClosed(b), outside: outsideOf(b) };
  });
  const { box, closed, outside } = found.find((c) => c.closed && c.outside === 0) ?? found.find((c) => c.closed) ?? found[0]!;
  return { box, closed, inked: differing.length, outside };
}

/** Pixels that are neither black nor white: a FAX turns them into noise. */
export function greyPixels(page: Raster): number {
  return page.pixels.filter((p) => p !== 0 && p !== 255).length;
}

/** Black pixels within `mm` of any edge of the page, where printers and FAX machines crop. */
export function inkNearEdges(page: Raster, mm: number): number {
  const edgeX = Math.round((mm / 25.4) * page.dpiX);
  const edgeY = Math.round((mm / 25.4) * page.dpiY);
  let inked = 0;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const nearEdge = x < edgeX || y < edgeY || x >= page.width - edgeX || y >= page.height - edgeY;
      if (nearEdge && page.pixels[y * page.width + x] === 0) inked++;
    }
  }
  return inked;
}

/** Each word poppler finds on the pages, with where it starts, in points rounded to 0.01. */
export function pdfWords(pdf: Buffer): string[] {
  const html = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf }).toString('utf8');
  const round = (value: string) => Number(value).toFixed(2);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, text]) => `${text} ${round(xMin!)} ${round(yMin!)} ${round(xMax!)}`,
  );
}
