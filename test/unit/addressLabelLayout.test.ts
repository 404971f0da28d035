import { describe, expect, it } from 'vitest';
import { labelGapPt, labelLineHeightPt, labelPaddingYMm, layoutAddressLabel, type LabelLayout } from '../../shared/documents/addressLabelLayout.ts';
import { labelSheetIds, labelSheets } from '../../shared/documents/labelSheets.ts';
import { mmToPt } from '../../shared/documents/theme.ts';
import { realisticAddressees } from '../helpers/labelAddressees.ts';

/** Each block's printed lines, its pieces joined. */
const linesOf = (layout: LabelLayout) => layout.blocks.map((block) => block.text.map((part) => (typeof part === 'string' ? part : part.text)).join(''));
const squeeze = (s: string) => s.replace(/\s+/g, '');
const heightOf = (layout: LabelLayout) => layout.blocks.reduce((sum, block) => sum + block.lines * labelLineHeightPt(block.sizePt), 0) + labelGapPt * (layout.blocks.length - 1);

describe.each(labelSheetIds)('宛名ラベル fitted to one %s label', (id) => {
  const sheet = labelSheets[id];
  const innerHeightPt = mmToPt(sheet.heightMm - 2 * labelPaddingYMm);

  it('prints every realistic address, name and 先方ご担当者 whole, at 8 pt or more, within the label', () => {
    for (const to of realisticAddressees) {
      const layout = layoutAddressLabel(to, sheet);
      const printed = squeeze(linesOf(layout).join(''));
      expect(layout.cut, `${to.address} / ${to.person}`).toBe(false);
      expect(printed).not.toContain('…');
      expect(printed).toContain(squeeze(to.address));
      expect(printed).toContain(squeeze(to.name) + (to.person ? '' : '御中'));
      if (to.person) expect(printed).toContain(`${squeeze(to.person)}様`);
      expect(Math.min(...layout.blocks.map((block) => block.sizePt))).toBeGreaterThanOrEqual(8);
      expect(heightOf(layout)).toBeLessThanOrEqual(innerHeightPt);
    }
  });

  it('cuts an address no label can hold, says so, and still stays within the label', () => {
    const layout = layoutAddressLabel(
      {
        name: '医療法人社団 霧島中央会 霧島中央総合病院附属リハビリテーションクリニック分院',
        person: '事務長 鈴木 一郎太郎左衛門',
        postalCode: '8994301',
        address: '鹿児島県霧島市国分中央三丁目四十五番地六号 霧島中央ビルディング第二別館七階七〇七号室（北側エレベーターを降りて右奥）'.repeat(3),
      },
      sheet,
    );
    expect(layout.cut).toBe(true);
    expect(linesOf(layout).join('')).toContain('…');
    expect(Math.min(...layout.blocks.map((block) => block.sizePt))).toBeGreaterThanOrEqual(7);
    expect(heightOf(layout)).toBeLessThanOrEqual(innerHeightPt);
  });
});

describe('宛名ラベル (24面) with a 先方ご担当者', () => {
  it('keeps the building and floor of a 霧島市 address, breaking the line at the blank before the building', () => {
    const layout = layoutAddressLabel(
      { name: '霧島中央クリニック', person: '山田 太郎', postalCode: '8994301', address: '鹿児島県霧島市国分中央三丁目45番1号 国分メディカルビル2階' },
      labelSheets.a4x24,
    );
    expect(linesOf(layout)).toEqual(['〒899-4301', '鹿児島県霧島市国分中央三丁目45番1号\n国分メディカルビル2階', '霧島中央クリニック', '山田 太郎 様']);
    expect(layout.cut).toBe(false);
  });
});
