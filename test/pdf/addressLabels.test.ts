import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { buildAddressLabels, type LabelAddressee } from '../../shared/documents/addressLabels.ts';
import { labelBoxes, labelSheetIds, labelSheets, type LabelBox, type LabelOffset } from '../../shared/documents/labelSheets.ts';
import { mmToPt } from '../../shared/documents/theme.ts';
import { untracedTexts } from '../../shared/documents/tracedTexts.ts';
import { greyPixels, pdfFonts, pdfInfo, pdfText, rasterise, type Raster } from '../helpers/pdfTools.ts';
import { kagoshimaPlaces } from '../helpers/labelAddressees.ts';

const longest: LabelAddressee = {
  name: '医療法人社団 霧島中央会 霧島中央総合病院附属リハビリテーションクリニック分院',
  person: '事務長 鈴木 一郎太郎左衛門',
  postalCode: '8994301',
  address: '鹿児島県霧島市国分中央三丁目四十五番地六号 霧島中央ビルディング第二別館七階七〇七号室（北側エレベーターを降りて右奥）',
};
/** More than a label holds even at 7 pt: it must end in 「…」 inside its label, and be named. */
const tooLong: LabelAddressee = { ...longest, address: longest.address.repeat(3) };
const plain: LabelAddressee = { name: '桜島歯科医院', person: '', postalCode: '891-1419', address: '鹿児島市桜島横山町1-2' };

const px = (mm: number, dpi: number) => (mm / 25.4) * dpi;
const insideBox = (b: LabelBox, x: number, y: number, page: Raster) =>
  x >= px(b.xMm - 0.5, page.dpiX) && x <= px(b.xMm + b.widthMm + 0.5, page.dpiX) && y >= px(b.yMm - 0.5, page.dpiY) && y <= px(b.yMm + b.heightMm + 0.5, page.dpiY);

/** Dark pixels that lie outside every label box (with half a millimetre for anti-aliasing). */
function inkOutside(page: Raster, boxes: readonly LabelBox[]): number {
  let outside = 0;
  for (let y = 0; y < page.height; y++) for (let x = 0; x < page.width; x++) if (page.pixels[y * page.width + x]! < 128 && !boxes.some((b) => insideBox(b, x, y, page))) outside++;
  return outside;
}

/** Dark pixels inside one label box. */
function inkInside(page: Raster, box: LabelBox): number {
  let ink = 0;
  const [x0, x1, y0, y1] = [px(box.xMm, page.dpiX), px(box.xMm + box.widthMm, page.dpiX), px(box.yMm, page.dpiY), px(box.yMm + box.heightMm, page.dpiY)].map(Math.round) as [number, number, number, number];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.pixels[y * page.width + x]! < 128) ink++;
  return ink;
}

/** The text pdftotext reads inside one label box of one page, white space removed. */
function textInBox(pdf: Buffer, box: LabelBox): string {
  const area = [mmToPt(box.xMm), mmToPt(box.yMm), mmToPt(box.widthMm), mmToPt(box.heightMm)].map(Math.floor);
  const args = ['-r', '72', '-x', area[0], '-y', area[1], '-W', area[2], '-H', area[3], '-f', box.page + 1, '-l', box.page + 1, '-', '-'].map(String);
  return execFileSync('pdftotext', args, { input: pdf }).toString('utf8').replace(/\s+/g, '');
}

describe.each(labelSheetIds)('宛名ラベル on the %s sheet', (id) => {
  const sheet = labelSheets[id];
  const perSheet = sheet.columns * sheet.rows;
  const addressees = Array.from({ length: perSheet }, (_, i) => [longest, plain, tooLong][i % 3]!);

  it('is an A4 page of black text with embedded fonts, every word from a record or the form labels', async () => {
    const { definition } = buildAddressLabels(addressees, { sheet });
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
  ])('every address stays inside its label, one too long for any label is named as shortened, and every label has ink, %s', async (_, offset) => {
    const { definition, shortened } = buildAddressLabels(addressees, { sheet, offset });
    // Only the one too long for any label ends in 「…」, and the builder says which ones did.
    expect(shortened).toEqual(addressees.flatMap((to, index) => (to === tooLong ? [index] : [])));
    const pdf = await renderPdf(definition);
    const page = rasterise(pdf, { dpiX: 150, dpiY: 150, mono: true });
    const boxes = labelBoxes(sheet, perSheet, 0, offset);
    expect(inkOutside(page, boxes)).toBe(0);
    // Something is printed in every label: at least a line of text's worth of dark pixels in each box.
    for (const box of boxes) expect(inkInside(page, box), `label ${box.position + 1}`).toBeGreaterThan(200);
  });

  it('prints realistic 鹿児島 addresses with a building and floor whole, with and without a 先方ご担当者, each in its own label', async () => {
    const addressees: LabelAddressee[] = kagoshimaPlaces.flatMap((place, i) => [
      { ...place, name: i % 2 === 0 ? '医療法人 慈風会 国分中央内科クリニック' : '鹿児島中央町眼科', person: '事務長 鈴木 一郎' },
      { ...place, name: i % 2 === 0 ? '鹿児島中央町眼科' : '医療法人社団 鶴陵会 鹿児島県医師会館診療所', person: '' },
    ]);
    const { definition, shortened } = buildAddressLabels(addressees, { sheet });
    expect(shortened).toEqual([]);
    const pdf = await renderPdf(definition);
    const boxes = labelBoxes(sheet, addressees.length);
    addressees.forEach((to, index) => {
      const text = textInBox(pdf, boxes[index]!);
      const squeezed = (s: string) => s.replace(/\s+/g, '');
      expect(text, `label ${index + 1}`).toContain(squeezed(to.address));
      expect(text).toContain(squeezed(to.name) + (to.person ? '' : '御中'));
      if (to.person) expect(text).toContain(`${squeezed(to.person)}様`);
      expect(text).not.toContain('…');
    });
  });
});

describe('宛名ラベル, a partly used sheet', () => {
  it('starts after the labels already peeled off and continues on a second sheet', async () => {
    const sheet = labelSheets.a4x12;
    const pdf = await renderPdf(buildAddressLabels(Array.from({ length: 10 }, () => plain), { sheet, skip: 5 }).definition);
    expect(pdfInfo(pdf).pages).toBe(2);
    const page = rasterise(pdf, { dpiX: 100, dpiY: 100, mono: true });
    // The first five label boxes of the first sheet stay empty.
    expect(inkOutside(page, labelBoxes(sheet, 12).slice(5))).toBe(0);
  });
});
