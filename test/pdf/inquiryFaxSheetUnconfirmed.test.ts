import { describe, expect, it } from 'vitest';
import { clinicKindLabels, knownClinicKinds, type ClinicKind } from '../../shared/domain/clinic.ts';
import { buildInquiryFaxSheet } from '../../shared/documents/inquiryFaxSheet.ts';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { pdfText, rasterise, type Raster } from '../helpers/pdfTools.ts';
import { bundledPack, kirishimaClinic, squeeze, agencyTexts } from '../helpers/documentFixtures.ts';

// Fine-mode FAX resolution, black and white: what the receiving machine prints.
const sheetOf = async (kind: ClinicKind) => rasterise(await renderPdf(buildInquiryFaxSheet(bundledPack, agencyTexts, { clinic: { ...kirishimaClinic, kind } })), { dpiX: 200, dpiY: 200, mono: true });

/** The pixels where two renderings differ, as their bounding box and count. */
function difference(a: Raster, b: Raster) {
  let count = 0;
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < a.pixels.length; i++) {
    if (a.pixels[i] === b.pixels[i]) continue;
    count++;
    const x = i % a.width;
    const y = Math.floor(i / a.width);
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  return { count, left, right, top, bottom };
}

describe('FAX問い合わせ票 of a clinic whose 種別 is 未確認', () => {
  it('prints the five kinds to choose from, and not 未確認', async () => {
    const text = squeeze(pdfText(await renderPdf(buildInquiryFaxSheet(bundledPack, agencyTexts, { clinic: { ...kirishimaClinic, kind: 'unconfirmed' } }))));
    expect(text).toContain(squeeze(knownClinicKinds.map((k) => clinicKindLabels[k]).join('')));
    expect(text).not.toContain('未確認');
  });

  it('leaves all five boxes empty: ticking any one of them adds a cross of its own', async () => {
    const unconfirmed = await sheetOf('unconfirmed');
    const mm = (px: number) => (px * 25.4) / 200;
    const crosses = [];
    for (const kind of knownClinicKinds) {
      // Had the 未確認 sheet ticked this box, the two would be the same page.
      const cross = difference(unconfirmed, await sheetOf(kind));
      expect(cross.count, clinicKindLabels[kind]).toBeGreaterThan(0);
      // Only the cross inside a 5 mm box differs: nothing else on the page moved.
      expect(mm(cross.right - cross.left), clinicKindLabels[kind]).toBeLessThan(5);
      expect(mm(cross.bottom - cross.top), clinicKindLabels[kind]).toBeLessThan(5);
      crosses.push(cross);
    }
    // Five boxes on one line, left to right in the order printed.
    expect(new Set(crosses.map((c) => c.top)).size).toBe(1);
    expect(crosses.map((c) => c.left)).toEqual([...crosses.map((c) => c.left)].sort((a, b) => a - b));
    expect(new Set(crosses.map((c) => c.left)).size).toBe(5);
  });
});
