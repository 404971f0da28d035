import zlib from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { withJoinedRuns } from '../../electron/core/pdf/patches/drawRunsWhole.ts';
import { buildFlyer } from '../../shared/documents/flyer.ts';
import { rasterise } from '../helpers/pdfTools.ts';
import { bundledPack, sampleRates } from '../helpers/documentFixtures.ts';

const addressedFlyer = (recipient: string): TDocumentDefinitions => {
  const flyer = buildFlyer(bundledPack, sampleRates);
  return { ...flyer, content: [{ text: `${recipient} 御中`, fontSize: 12, bold: true }, flyer.content] };
};

/** The page contents of a PDF, as PDF operators. */
async function pageContents(pdf: Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const contents: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const content = zlib.inflateSync(object.contents).toString('latin1');
    if (/\bTf\b/.test(content)) contents.push(content);
  }
  return contents;
}

/** Text objects (BT … ET) in all page contents of a PDF. */
async function textObjects(pdf: Buffer): Promise<number> {
  return (await pageContents(pdf)).reduce((count, content) => count + (content.match(/\bBT\b/g)?.length ?? 0), 0);
}

/** Each text object as drawn: its colour, font resource, size and number of glyphs. */
async function drawnRuns(pdf: Buffer): Promise<string[]> {
  const runs: string[] = [];
  for (const content of await pageContents(pdf)) {
    for (const [, colour, font, size, glyphs] of content.matchAll(/([\d.]+ [\d.]+ [\d.]+) scn\s[^]*?BT[^]*?\/(F\d+) ([\d.]+) Tf\s*\[<([0-9a-f]*)>/g)) {
      runs.push(`${colour} ${font} ${size}pt ${glyphs!.length / 4}`);
    }
  }
  return runs;
}

describe('drawing PDFs', () => {
  it('draws a copy pixel for pixel like an earlier copy that shared its parsed fonts, shaping and glyphs', async () => {
    const first = await renderPdf(addressedFlyer('𠮷田髙﨑クリニック'));
    const other = await renderPdf(addressedFlyer('山田内科医院'));
    const again = await renderPdf(addressedFlyer('𠮷田髙﨑クリニック'));
    const page1 = (pdf: Buffer) => rasterise(pdf, { dpiX: 150, dpiY: 150 }).pixels;
    expect(Buffer.from(page1(again)).equals(Buffer.from(page1(first)))).toBe(true);
    expect(Buffer.from(page1(other)).equals(Buffer.from(page1(first)))).toBe(false);
  });

  it('draws a line of Japanese as one text object, not one per character', async () => {
    const line = 'サイバー攻撃による被害は医療機関にも広がっています';
    const pdf = await renderPdf({ pageSize: 'A4', defaultStyle: { font: 'BIZUDPGothic' }, content: [{ text: line }] });
    expect(await textObjects(pdf)).toBe(1);
  });

  it('keeps each part of a paragraph in its own style: bold, colour, size and named style', async () => {
    const pdf = await renderPdf({
      pageSize: 'A4',
      defaultStyle: { font: 'BIZUDPGothic', fontSize: 12 },
      styles: { heading: { color: '#0000ff', fontSize: 16 } },
      // Each of the first two parts has a style of its own, which the parts after it must not take.
      content: [{ text: [{ text: '太字', bold: true }, { text: '赤字', color: '#ff0000' }, '通常', { text: '大', fontSize: 20 }, { text: '見出し', style: 'heading' }, '通常'] }],
    });
    const runs = await drawnRuns(pdf);
    const [bold, regular] = [runs[0]!.split(' ')[3], runs[2]!.split(' ')[3]];
    expect(bold).not.toBe(regular);
    expect(runs).toEqual([
      `0 0 0 ${bold} 12pt 2`,
      `1 0 0 ${regular} 12pt 2`,
      `0 0 0 ${regular} 12pt 2`,
      `0 0 0 ${regular} 20pt 1`,
      `0 0 1 ${regular} 16pt 3`,
      `0 0 0 ${regular} 12pt 2`,
    ]);
  });
});

describe('measuring text', () => {
  /** Where each text object starts on the page, with its font resource and size. */
  async function placedRuns(pdf: Buffer): Promise<{ x: number; font: string; size: number }[]> {
    const runs = [];
    for (const content of await pageContents(pdf)) {
      for (const [, x, font, size] of content.matchAll(/1 0 0 1 ([\d.]+) [\d.]+ Tm\s*\/(F\d+) ([\d.]+) Tf/g)) runs.push({ x: Number(x), font: font!, size: Number(size) });
    }
    return runs;
  }
  const line = '医療機関用サイバー保険のご案内';
  const page = (...lines: { fontSize: number; bold?: boolean }[]) =>
    renderPdf({ pageSize: 'A4', defaultStyle: { font: 'BIZUDPGothic' }, content: lines.map((style) => ({ text: line, alignment: 'right' as const, ...style })) });

  it('right-aligns a line by its own width, whatever size or weight the same words were measured in before', async () => {
    const [alone] = await placedRuns(await page({ fontSize: 10 }));
    const afterLarger = await placedRuns(await page({ fontSize: 14 }, { fontSize: 10 }));
    const afterBold = await placedRuns(await page({ fontSize: 10, bold: true }, { fontSize: 10 }));
    const placed = (run: { x: number; size: number } | undefined) => [run?.x, run?.size];
    expect(placed(afterLarger[1])).toEqual(placed(alone));
    expect(placed(afterBold[1])).toEqual(placed(alone));
    // The larger and the bold line are wider, so they start further left.
    expect(afterLarger[0]!.x).toBeLessThan(alone!.x - 50);
    expect(afterBold[0]!.font).not.toBe(afterBold[1]!.font);
    expect(afterBold[0]!.x).toBeLessThan(alone!.x);
  });
});

describe('joining the words of a line', () => {
  // A stand-in for a pdfkit font: every character 10 units wide at size 10, except the pair
  // 「AV」, which the font kerns 2 units closer.
  const font = { widthOfString: (text: string) => [...text].length * 10 - (text.includes('AV') ? 2 : 0) };
  const word = (text: string, x: number, style: Record<string, unknown> = {}) => ({ text, x, width: [...text].length * 10, font, fontSize: 10, ...style });

  it('joins touching words of the same style into one', () => {
    const line = withJoinedRuns({ inlines: [word('医', 0), word('療', 10), word('機関', 20)] });
    expect(line.inlines.map((i) => [i.text, i.x, i.width])).toEqual([['医療機関', 0, 40]]);
  });

  it('keeps words apart where the style changes, a gap lies between them or the font kerns the seam', () => {
    const styled = withJoinedRuns({ inlines: [word('医', 0), word('療', 10, { color: 'red' }), word('機', 20, { color: 'red' })] });
    expect(styled.inlines.map((i) => i.text)).toEqual(['医', '療機']);
    const gap = withJoinedRuns({ inlines: [word('医', 0), word('療', 15)] });
    expect(gap.inlines.map((i) => i.text)).toEqual(['医', '療']);
    const kerned = withJoinedRuns({ inlines: [word('A', 0), word('V', 10)] });
    expect(kerned.inlines.map((i) => i.text)).toEqual(['A', 'V']);
  });
});
