import zlib from 'node:zlib';

export interface CraftedEntry {
  name: string;
  /** The bytes the part really holds before compression. */
  content: Buffer;
  /** What the zip claims the part unpacks to; by default the truth. */
  declaredSize?: number;
}

/**
 * A zip written byte by byte, so a test can make one that lies about its sizes the way a zip
 * bomb does. Deflated parts, no data descriptors, CRC left 0 (the size check never gets that far).
 */
export function craftedZip(entries: CraftedEntry[], options: { gapBefore?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const data = zlib.deflateRawSync(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    if (index > 0 && options.gapBefore === index) {
      // Bytes no directory entry accounts for: where a second, hidden part could sit.
      const gap = Buffer.alloc(64, 0x20);
      locals.push(gap);
      offset += gap.length;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal book as Japanese Excel writes one, with shared strings whose ふりがな runs (<rPh>)
 * Excel stores beside text typed through the IME: each string is [text, reading].
 */
export function bookWithPhonetics(strings: [string, string][]): Buffer {
  const si = strings.map(([text, reading]) => `<si><t>${text}</t><rPh sb="0" eb="${text.length}"><t>${reading}</t></rPh><phoneticPr fontId="1"/></si>`).join('');
  const rows = strings.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
  const part = (name: string, xml: string) => ({ name, content: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`) });
  return craftedZip([
    part('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    part('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    part('xl/sharedStrings.xml', `<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${si}</sst>`),
    part('xl/worksheets/sheet1.xml', `<worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`),
  ]);
}

/** The parts of a minimal book, so a crafted zip looks like an .xlsx up to its sizes. */
export const bookParts = {
  workbook: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
};
