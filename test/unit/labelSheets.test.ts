import { describe, expect, it } from 'vitest';
import { buildAddressLabels } from '../../shared/documents/addressLabels.ts';
import { a4HeightMm, a4WidthMm, labelBoxes, labelOffsetSchema, labelSheetIds, labelSheets } from '../../shared/documents/labelSheets.ts';
import { tracedTexts } from '../../shared/documents/tracedTexts.ts';
import { mmToPt } from '../../shared/documents/theme.ts';

describe('address label sheets', () => {
  it.each(labelSheetIds)('every label of the %s sheet lies inside A4, with the size and pitch the sheet gives', (id) => {
    const sheet = labelSheets[id];
    const perSheet = sheet.columns * sheet.rows;
    const boxes = labelBoxes(sheet, perSheet);
    expect(perSheet).toBe(id === 'a4x12' ? 12 : 24);
    for (const box of boxes) {
      expect(box.page).toBe(0);
      expect(box.xMm).toBeGreaterThanOrEqual(0);
      expect(box.yMm).toBeGreaterThanOrEqual(0);
      expect(box.xMm + box.widthMm).toBeLessThanOrEqual(a4WidthMm + 1e-9);
      expect(box.yMm + box.heightMm).toBeLessThanOrEqual(a4HeightMm + 1e-9);
      expect([box.widthMm, box.heightMm]).toEqual([sheet.widthMm, sheet.heightMm]);
    }
    expect(boxes[1]!.xMm - boxes[0]!.xMm).toBeCloseTo(sheet.pitchXMm, 9);
    expect(boxes[sheet.columns]!.yMm - boxes[0]!.yMm).toBeCloseTo(sheet.pitchYMm, 9);
    // Labels never overlap: the pitch is at least the label's size.
    expect(sheet.pitchXMm).toBeGreaterThanOrEqual(sheet.widthMm);
    expect(sheet.pitchYMm).toBeGreaterThanOrEqual(sheet.heightMm);
    // The sheet's margins are symmetric: the first label's margin is the last one's too.
    const last = boxes[perSheet - 1]!;
    expect(a4WidthMm - (last.xMm + last.widthMm)).toBeCloseTo(boxes[0]!.xMm, 1);
    expect(a4HeightMm - (last.yMm + last.heightMm)).toBeCloseTo(boxes[0]!.yMm, 0);
  });

  it('a partly used sheet starts after the labels already peeled off, and the rest go on a new sheet', () => {
    const sheet = labelSheets.a4x12;
    const boxes = labelBoxes(sheet, 12, 5);
    expect(boxes[0]).toMatchObject({ page: 0, position: 5, xMm: sheet.leftMm + sheet.pitchXMm, yMm: sheet.topMm + 2 * sheet.pitchYMm });
    expect(boxes.filter((b) => b.page === 0)).toHaveLength(7);
    expect(boxes[7]).toMatchObject({ page: 1, position: 0, xMm: sheet.leftMm, yMm: sheet.topMm });
  });

  it("this machine's printer offset moves every label by the same millimetres", () => {
    const sheet = labelSheets.a4x24;
    const plain = labelBoxes(sheet, 24);
    const moved = labelBoxes(sheet, 24, 0, { xMm: 1.5, yMm: -2 });
    moved.forEach((box, i) => {
      expect(box.xMm - plain[i]!.xMm).toBeCloseTo(1.5, 9);
      expect(box.yMm - plain[i]!.yMm).toBeCloseTo(-2, 9);
    });
  });

  it('an offset beyond ±5 mm is refused with a Japanese message', () => {
    const parsed = labelOffsetSchema.safeParse({ xMm: 6, yMm: 0 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('左右のずれは-5〜5mmで入力してください');
  });

  it('a clinic with a contact person gets 様 after the person; without one the clinic takes 御中', () => {
    const definition = buildAddressLabels(
      [
        { name: '霧島中央クリニック', person: '鈴木 一郎', postalCode: '8994301', address: '鹿児島県霧島市国分中央3-45-6' },
        { name: '桜島歯科医院', person: '', postalCode: '891-1419', address: '鹿児島市桜島横山町1-2' },
      ],
      { sheet: labelSheets.a4x12 },
    );
    const texts = tracedTexts(definition.definition).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['〒', '899-4301', '霧島中央クリニック', '鈴木 一郎', '様', '桜島歯科医院', '御中', '891-1419']));
    expect(texts.filter((t) => t === '御中')).toHaveLength(1);
    expect(texts.filter((t) => t === '様')).toHaveLength(1);
  });

  it.each([
    ['at the offset', { xMm: 2, yMm: 3 }],
    ['at the largest offset up and left', { xMm: -5, yMm: -5 }],
  ])('each text is placed inside its label box, %s', (_, offset) => {
    const sheet = labelSheets.a4x24;
    const { definition } = buildAddressLabels([{ name: '霧島中央クリニック', person: '山田 太郎', postalCode: '8994301', address: '鹿児島県霧島市国分中央3-45-6' }], { sheet, offset });
    const positions = positioned(definition.content);
    // 〒, 所在地, 医療機関名 and ご担当者: each its own placed block.
    expect(positions).toHaveLength(4);
    for (const { x, y } of positions) {
      expect(x).toBeGreaterThanOrEqual(mmToPt(sheet.leftMm + offset.xMm));
      expect(x).toBeLessThan(mmToPt(sheet.leftMm + offset.xMm + sheet.widthMm));
      expect(y).toBeGreaterThanOrEqual(mmToPt(sheet.topMm + offset.yMm));
      expect(y).toBeLessThan(mmToPt(sheet.topMm + offset.yMm + sheet.heightMm));
    }
  });
});

/** Every absolutePosition in a document's content, read from the objects (a negative one included). */
function positioned(node: unknown): { x: number; y: number }[] {
  if (Array.isArray(node)) return node.flatMap(positioned);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { absolutePosition?: { x: number; y: number } }).absolutePosition;
  return [...(own ? [own] : []), ...Object.values(node).flatMap(positioned)];
}
