/** fontkit's TrueType subset, as far as writing its font file needs it. */
interface TrueTypeSubset {
  font: {
    stream: { buffer: Uint8Array };
    directory: { tables: Record<string, { offset: number; length: number } | undefined> };
    loca: { version: number };
    _variationProcessor?: unknown;
  };
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  _addGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

type Encode = ((this: TrueTypeSubset) => Uint8Array) & { direct?: true };

/** The tables fontkit writes into a subset, in its order (the ones a PDF's FontFile2 needs). */
const tableOrder = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/**
 * fontkit gathers a subset's glyphs quickly, but writes the font file through its generic
 * structure encoder, value by value: the hinting programs byte by byte and every glyph offset
 * and width as an object, about 3 ms and much garbage for each font of a flyer. The file it
 * writes is plain: a table directory without checksums and the tables back to back, in the
 * order above, where all but loca, glyf, hmtx and three counts are copies of the font's own
 * tables. So the same bytes are written here directly. Variable fonts, whose glyphs fontkit
 * re-encodes, are left to fontkit.
 */
export function writeSubsetsDirectly(subsetClass: { prototype: object }): void {
  const prototype = subsetClass.prototype as { encode: Encode };
  if (prototype.encode.direct) return;
  const encodeWithFontkit = prototype.encode;
  const encode: Encode = function (this: TrueTypeSubset) {
    if (this.font._variationProcessor) return encodeWithFontkit.call(this);
    gatherGlyphs(this);
    return subsetFontFile(this);
  };
  encode.direct = true;
  prototype.encode = encode;
}

/** fontkit's own gathering: composite glyphs add their components to `glyphs` as they go. */
function gatherGlyphs(subset: TrueTypeSubset): void {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: subset.font.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);
}

function subsetFontFile(subset: TrueTypeSubset): Uint8Array {
  const { font, loca, glyf, hmtx } = subset;
  const glyphCount = glyf.length;
  const original = (tag: string): Uint8Array | undefined => {
    const entry = font.directory.tables[tag];
    // A copy: the font's bytes may be a Buffer, whose slice() shares them.
    return entry && Uint8Array.prototype.slice.call(font.stream.buffer, entry.offset, entry.offset + entry.length);
  };
  const withUint16 = (table: Uint8Array | undefined, at: number, value: number) => {
    if (table) new DataView(table.buffer, table.byteOffset).setUint16(at, value);
    return table;
  };

  const shortOffsets = loca.version === 0;
  const locaTable = new Uint8Array(loca.offsets.length * (shortOffsets ? 2 : 4));
  const locaView = new DataView(locaTable.buffer);
  loca.offsets.forEach((offset, i) => (shortOffsets ? locaView.setUint16(2 * i, offset >>> 1) : locaView.setUint32(4 * i, offset)));

  const glyfTable = new Uint8Array(subset.offset);
  let at = 0;
  for (const record of glyf) {
    glyfTable.set(record, at);
    at += record.length;
  }

  const hmtxTable = new Uint8Array(4 * hmtx.metrics.length);
  const hmtxView = new DataView(hmtxTable.buffer);
  hmtx.metrics.forEach(({ advance, bearing }, i) => {
    hmtxView.setUint16(4 * i, advance);
    hmtxView.setInt16(4 * i + 2, bearing);
  });

  const tables: Record<(typeof tableOrder)[number], Uint8Array | undefined> = {
    head: withUint16(original('head'), 50, loca.version), // indexToLocFormat
    hhea: withUint16(original('hhea'), 34, hmtx.metrics.length), // numberOfHMetrics
    loca: locaTable,
    maxp: withUint16(original('maxp'), 4, glyphCount), // numGlyphs
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
