import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { buildAddressLabels, type LabelAddressee } from '../../shared/documents/addressLabels.ts';
import { labelBoxes, labelSheetIds, labelSheets, type LabelOffset } from '../../shared/documents/labelSheets.ts';
import { untracedTexts } from '../../shared/documents/tracedTexts.ts';
import { greyPixels, pdfFonts, pdfInfo, pdfText, rasterise, type Raster } from '../helpers/pdfTools.ts';

const longest: LabelAddressee = {
  name: '医療法人社団 霧島中央会 霧島中央総合病院附属リハビリテーションクリニック分院',
  person: '事務長 鈴木 一郎太郎左衛門',
  postalCode: '8994301',
  address: '鹿児島県霧島市国分中央三丁目四十五番地六号 霧島中央ビルディング第二別館七階七〇七号室（北側エレベーターを降りて右奥）',
};
const plain: LabelAddressee = { name: '桜島歯科医院', person: '', postalCode: '891-1419', address: '鹿児島市桜島横山町1-2' };

/** Dark pixels that lie outside every label box (with half a millimetre for anti-aliasing). */
function inkOutside(page: Raster, boxes: ReturnType<typeof labelBoxes>): number {
  const px = (mm: number, dpi: number) => (mm / 25.4) * dpi;
  const inside = (x: number, y: number) =>
    boxes.some((b) => x >= px(b.xMm - 0.5, page.dpiX) && x <= px(b.xMm + b.widthMm + 0.5, page.dpiX) && y >= px(b.yMm - 0.5, page.dpiY) && y <= px(b.yMm + b.heightMm + 0.5, page.dpiY));
  let outside = 0;
  for (let y = 0; y < page.height; y++) for (let x = 0; x < page.width; x++) if (page.pixels[y * page.width + x]! < 128 && !inside(x, y)) outside++;
  return outside;
}

describe.each(labelSheetIds)('宛名ラベル on the %s sheet', (id) => {
  const sheet = labelSheets[id];
  const perSheet = sheet.columns * sheet.rows;
  const addressees = Array.from({ length: perSheet }, (_, i) => (i % 2 === 0 ? longest : plain));

  it('is an A4 page of black text with embedded fonts, every word from a record or the form labels', async () => {
    const definition = buildAddressLabels(addressees, { sheet });
    expect(untracedTexts(definition)).toEqual([]);
    const pdf = await renderPdf(definition);
    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: '595.28 x 841.89 pts (A4)' });
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const expected of ['〒899-4301', '〒891-1419', '桜島歯科医院御中', '様']) expect(text).toContain(expected);
    expect(greyPixels(rasterise(pdf, { dpiX: 100, dpiY: 100 }))).toBe(0);
  });

  it.each<[string, LabelOffset]>([
    ['without an offset', { xMm: 0, yMm: 0 }],
    ['moved by the largest offset', { xMm: 5, yMm: -5 }],
  ])('the longest address and name stay inside their labels, %s', async (_, offset) => {
    const pdf = await renderPdf(buildAddressLabels(addressees, { sheet, offset }));
    const page = rasterise(pdf, { dpiX: 150, dpiY: 150, mono: true });
    const boxes = labelBoxes(sheet, perSheet, 0, offset);
    expect(inkOutside(page, boxes)).toBe(0);
    // Something is printed in every label.
    expect(page.pixels.some((v) => v < 128)).toBe(true);
  });
});

describe('宛名ラベル, a partly used sheet', () => {
  it('starts after the labels already peeled off and continues on a second sheet', async () => {
    const sheet = labelSheets.a4x12;
    const pdf = await renderPdf(buildAddressLabels(Array.from({ length: 10 }, () => plain), { sheet, skip: 5 }));
    expect(pdfInfo(pdf).pages).toBe(2);
    const page = rasterise(pdf, { dpiX: 100, dpiY: 100, mono: true });
    // The first five label boxes of the first sheet stay empty.
    expect(inkOutside(page, labelBoxes(sheet, 12).slice(5))).toBe(0);
  });
});
