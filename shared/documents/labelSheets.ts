import { z } from 'zod';

/**
 * A sheet of address labels, in millimetres as a label package prints them: the first label's
 * distance from the sheet's top-left corner, each label's size, and the pitch from one label to
 * the next (size + gap).
 */
export interface LabelSheet {
  label: string;
  /** The margins and gaps, to match against the package. */
  detail: string;
  columns: number;
  rows: number;
  topMm: number;
  leftMm: number;
  widthMm: number;
  heightMm: number;
  pitchXMm: number;
  pitchYMm: number;
}

/**
 * The label sheets offered. Named by their layout, not by a maker's product number: the makers'
 * own pages (a-one.co.jp, kokuyo-st.co.jp) could not be read from here to confirm a number, and a
 * wrong number would send staff to the wrong package. Staff match the sizes printed on their
 * package. The 12面 layout (2 × 6 of 86.4 × 42.3 mm, 21.5 mm top, 18.6 mm left) is the common
 * 「四辺余白付」 A4 12面 sheet; the 24面 layout (3 × 8 of 63.5 × 33.9 mm with 2.5 mm between
 * columns, 12.9 mm top, 7.25 mm left) the common 24-label A4 sheet with gutters. Both fill A4
 * symmetrically, which is what a sheet's published margins add up to.
 */
export const labelSheets = {
  a4x12: {
    label: 'A4 12面（2列×6行・1枚 86.4×42.3mm）',
    detail: '上余白 21.5mm・左余白 18.6mm・ラベルの間の余白なし',
    columns: 2,
    rows: 6,
    topMm: 21.5,
    leftMm: 18.6,
    widthMm: 86.4,
    heightMm: 42.3,
    pitchXMm: 86.4,
    pitchYMm: 42.3,
  },
  a4x24: {
    label: 'A4 24面（3列×8行・1枚 63.5×33.9mm）',
    detail: '上余白 12.9mm・左余白 7.25mm・列の間 2.5mm・行の間の余白なし',
    columns: 3,
    rows: 8,
    topMm: 12.9,
    leftMm: 7.25,
    widthMm: 63.5,
    heightMm: 33.9,
    pitchXMm: 66,
    pitchYMm: 33.9,
  },
} as const satisfies Record<string, LabelSheet>;
export type LabelSheetId = keyof typeof labelSheets;
export const labelSheetIds = Object.keys(labelSheets) as LabelSheetId[];

export const a4WidthMm = 210;
export const a4HeightMm = 297;

/** How far this machine's printer is set off, in mm (x: right, y: down); ±5 mm. */
export const labelOffsetSchema = z.object({
  xMm: z
    .number({ message: '左右のずれは数字で入力してください' })
    .min(-5, { message: '左右のずれは-5〜5mmで入力してください' })
    .max(5, { message: '左右のずれは-5〜5mmで入力してください' }),
  yMm: z
    .number({ message: '上下のずれは数字で入力してください' })
    .min(-5, { message: '上下のずれは-5〜5mmで入力してください' })
    .max(5, { message: '上下のずれは-5〜5mmで入力してください' }),
});
export type LabelOffset = z.infer<typeof labelOffsetSchema>;
export const noLabelOffset: LabelOffset = { xMm: 0, yMm: 0 };

/** Where one label lies on its page, in mm from the page's top-left corner. */
export interface LabelBox {
  page: number;
  /** 0-based position on the sheet, row by row. */
  position: number;
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/**
 * The boxes of `count` labels, row by row from the top-left, skipping the first `skip` labels of
 * the first sheet (a sheet already partly used), moved by the printer offset.
 */
export function labelBoxes(sheet: LabelSheet, count: number, skip = 0, offset: LabelOffset = noLabelOffset): LabelBox[] {
  const perSheet = sheet.columns * sheet.rows;
  const start = Math.max(0, Math.min(skip, perSheet - 1));
  return Array.from({ length: count }, (_, index) => {
    const slot = start + index;
    const position = slot % perSheet;
    const column = position % sheet.columns;
    const row = Math.floor(position / sheet.columns);
    return {
      page: Math.floor(slot / perSheet),
      position,
      xMm: sheet.leftMm + column * sheet.pitchXMm + offset.xMm,
      yMm: sheet.topMm + row * sheet.pitchYMm + offset.yMm,
      widthMm: sheet.widthMm,
      heightMm: sheet.heightMm,
    };
  });
}
