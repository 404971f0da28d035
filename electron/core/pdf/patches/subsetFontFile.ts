import { patchesOn } from './patchSwitch.ts';

/** fontkit's TrueType subset, as far as writing its font file needs it. */
interface TrueTypeSubset {
  font: {
    stream: { buffer: Uint8Array };
    directory: { tables: Record<string, { offset: number; length: number } | undefined> };
    loca: { version: number; offsets: ArrayLike<number> };
    _variationProcessor?: unknown;
  };
  glyphs: number[];
  encode(): Uint8Array;
}

/** The subset's glyphs as the font file holds them: outlines, their offsets, and horizontal metrics. */
interface GatheredGlyphs {
  records: Uint8Array[];
  offsets: number[];
  metrics: Array<{ advance: number; bearing: number }>;
  size: number;
}

type Encode = ((this: TrueTypeSubset) => Uint8Array) & { direct?: true };

/** The tables fontkit writes into a subset, in its order (the ones a PDF's FontFile2 needs). */
const tableOrder = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/**
 * fontkit writes a subset's font file through its generic structure encoder, value by value:
 * the hinting programs byte by byte and every glyph offset and width as an object, about 3 ms
 * and much garbage for each font of a flyer. To gather the glyphs it decodes each one (every
 * point) only to learn whether it is composite and what its bearing is. The file it writes is
 * plain: a table directory without checksums and the tables back to back, in the order above,
 * where all but loca, glyf, hmtx and three counts are copies of the font's own tables. So the
 * same bytes are written here directly, reading the glyphs and their metrics straight from the
 * font's tables. Variable fonts, whose glyphs fontkit re-encodes, and fonts with composite
 * glyphs are left to fontkit.
 */
export function writeSubsetsDirectly(subsetClass: { prototype: object }): void {
  const prototype = subsetClass.prototype as { encode: Encode };
  if (prototype.encode.direct) return;
  const encodeWithFontkit = prototype.encode;
  const encode: Encode = function (this: TrueTypeSubset) {
    const gathered = !patchesOn() || this.font._variationProcessor ? null : gatherGlyphs(this);
    return gathered ? subsetFontFile(this, gathered) : encodeWithFontkit.call(this);
  };
  encode.direct = true;
  prototype.encode = encode;
}

/**
 * The subset's glyphs as fontkit gathers them, or null for a subset with a composite glyph
 * (none of the bundled fonts has one), which fontkit gathers itself: it adds the components to
 * the subset and renumbers them.
 */
function gatherGlyphs(subset: TrueTypeSubset): GatheredGlyphs | null {
  const { font } = subset;
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const glyf = font.directory.tables.glyf!.offset;
  const hmtx = font.directory.tables.hmtx!.offset;
  const horizontalMetrics = view.getUint16(font.directory.tables.hhea!.offset + 34);
  const locations = font.loca.offsets;
  const gathered: GatheredGlyphs = { records: [], offsets: [], metrics: [], size: 0 };
  for (const id of subset.glyphs) {
    const start = glyf + locations[id]!;
    const end = glyf + locations[id + 1]!;
    // A glyph's header starts with its number of contours, negative for a composite glyph.
    if (end - start >= 10 && view.getInt16(start) < 0) return null;
    // Glyphs past the last full metric share its advance and have a bearing of their own.
    const advance = view.getUint16(hmtx + 4 * Math.min(id, horizontalMetrics - 1));
    const bearing = id < horizontalMetrics ? view.getInt16(hmtx + 4 * id + 2) : view.getInt16(hmtx + 4 * horizontalMetrics + 2 * (id - horizontalMetrics));
    gathered.records.push(bytes.subarray(start, end));
    gathered.offsets.push(gathered.size);
    gathered.metrics.push({ advance, bearing });
    gathered.size += end - start;
  }
  gathered.offsets.push(gathered.size);
  return gathered;
}

function subsetFontFile(subset: TrueTypeSubset, { records, offsets, metrics, size }: GatheredGlyphs): Uint8Array {
  const { font } = subset;
  const locaVersion = font.loca.version;
  const original = (tag: string): Uint8Array | undefined => {
    const entry = font.directory.tables[tag];
    // A copy: the font's bytes may be a Buffer, whose slice() shares them.
    return entry && Uint8Array.prototype.slice.call(font.stream.buffer, entry.offset, entry.offset + entry.length);
  };
  const withUint16 = (table: Uint8Array | undefined, at: number, value: number) => {
    if (table) new DataView(table.buffer, table.byteOffset).setUint16(at, value);
    return table;
  };

  const shortOffsets = locaVersion === 0;
  const locaTable = new Uint8Array(offsets.length * (shortOffsets ? 2 : 4));
  const locaView = new DataView(locaTable.buffer);
  offsets.forEach((offset, i) => (shortOffsets ? locaView.setUint16(2 * i, offset >>> 1) : locaView.setUint32(4 * i, offset)));

  const glyfTable = new Uint8Array(size);
  let at = 0;
  for (const record of records) {
    glyfTable.set(record, at);
    at += record.length;
  }

  const hmtxTable = new Uint8Array(4 * metrics.length);
  const hmtxView = new DataView(hmtxTable.buffer);
  metrics.forEach(({ advance, bearing }, i) => {
    hmtxView.setUint16(4 * i, advance);
    hmtxView.setInt16(4 * i + 2, bearing);
  });

  const tables: Record<(typeof tableOrder)[number], Uint8Array | undefined> = {
    head: withUint16(original('head'), 50, locaVersion), // indexToLocFormat
    hhea: withUint16(original('hhea'), 34, metrics.length), // numberOfHMetrics
    loca: locaTable,
    maxp: withUint16(original('maxp'), 4, records.length), // numGlyphs
    'cvt ': original('cvt '),
    prep: original('prep'),
    glyf: glyfTable,
    hmtx: hmtxTable,
    fpgm: original('fpgm'),
  };
  return fontFile(tableOrder.flatMap((tag) => (tables[tag] ? [[tag, tables[tag]] as const] : [])));
}

/** A font file as fontkit writes one: tag 'true', zero checksums, tables back to back. */
function fontFile(tables: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const directorySize = 12 + 16 * tables.length;
  const file = new Uint8Array(tables.reduce((size, [, table]) => size + table.length, directorySize));
  const view = new DataView(file.buffer);
  const powerOf2 = 2 ** Math.floor(Math.log2(tables.length));
  file.set([0x74, 0x72, 0x75, 0x65]); // 'true'
  view.setUint16(4, tables.length);
  view.setUint16(6, powerOf2 * 16); // searchRange
  view.setUint16(8, Math.log2(powerOf2)); // entrySelector
  view.setUint16(10, tables.length * 16 - powerOf2 * 16); // rangeShift
  let offset = directorySize;
  tables.forEach(([tag, table], i) => {
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) file[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    file.set(table, offset);
    offset += table.length;
  });
  return file;
}
