import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { buildFlyer } from '../../shared/documents/flyer.ts';
import { buildInquiryFaxSheet } from '../../shared/documents/inquiryFaxSheet.ts';
import { tracedTexts } from '../../shared/documents/tracedTexts.ts';
import { agencyTexts, bundledPack, officialRates, sampleRates, squeeze } from '../helpers/documentFixtures.ts';

/**
 * The second provenance check: the PDFs as printed (real pdfmake output, its text read back by
 * poppler) hold every sentence of the pack where the approved flyer puts it, in the flyer's
 * order and under the flyer's headings, not merely somewhere as a substring.
 */
const flyerSource = squeeze(fs.readFileSync(path.resolve('test/fixtures/flyer-SJ24-13707.txt'), 'utf8'));
const pack = bundledPack;

/** The PDF's text in the order it was drawn, footers and headers left out by reading the body only. */
async function printedText(definition: TDocumentDefinitions): Promise<string> {
  const pdf = await renderPdf({ ...definition, footer: undefined, header: undefined });
  return squeeze(execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8'));
}

/** The pack's texts a document prints, each once, with where the flyer has it (-1: more than once, so no place). */
function packSentences(definition: TDocumentDefinitions): { path: string; text: string; inFlyer: number }[] {
  const seen = new Map<string, string>();
  for (const { text, origin } of tracedTexts({ content: definition.content })) {
    if (origin?.from === 'pack' && !origin.path.startsWith('rates.') && text.trim()) seen.set(origin.path, squeeze(text));
  }
  const texts = [...seen.values()];
  return [...seen].map(([p, text]) => {
    const first = flyerSource.indexOf(text);
    // A text the flyer has only inside another printed sentence (the product's name) has no place of its own.
    const own = first >= 0 && flyerSource.indexOf(text, first + 1) < 0 && !texts.some((other) => other !== text && other.includes(text));
    return { path: p, text, inFlyer: own ? first : -1 };
  });
}

const words = (text: string) => text.replace(/[\p{P}\p{S}]/gu, '');

/** The flyer's reply strip (consent and contact line): on the flyer it sits above a FAX form; the app's flyer, printed without one, ends with it. */
const replyStrip = (p: string) => p === 'consent' || p.startsWith('contacts.');

describe.each([
  ['specimen (sample table)', sampleRates],
  ['complete flyer (official table)', officialRates],
])('the printed チラシ, %s', (_name, rates) => {
  const definition = buildFlyer(pack, rates);

  it('prints every pack sentence whole, as the flyer has it', async () => {
    const printed = await printedText(definition);
    const sentences = packSentences(definition);
    expect(sentences.filter((s) => !flyerSource.includes(s.text)).map((s) => s.path)).toEqual([]);
    expect(sentences.filter((s) => !printed.includes(s.text)).map((s) => s.path)).toEqual([]);
  });

  it("keeps the flyer's order", async () => {
    const printed = await printedText(definition);
    const placed = packSentences(definition)
      .filter((s) => s.inFlyer >= 0 && !replyStrip(s.path))
      .map((s) => ({ ...s, inPdf: printed.indexOf(s.text) }))
      .sort((a, b) => a.inFlyer - b.inFlyer);
    const outOfOrder = placed.filter((s, i) => i > 0 && s.inPdf < placed[i - 1]!.inPdf).map((s) => `${placed[placed.indexOf(s) - 1]!.path} → ${s.path}`);
    expect(placed.length).toBeGreaterThan(40);
    expect(outOfOrder).toEqual([]);
  });

  it('puts each heading directly above the sentence the flyer puts under it (「損害賠償」 above its coverage)', async () => {
    const printed = await printedText(definition);
    const headings = packSentences(definition).filter((s) => /(^|\.)(title|name|heading|riskQuestion)$/.test(s.path) && !s.path.startsWith('contacts.'));
    expect(headings.map((h) => h.path)).toEqual(expect.arrayContaining(['coverages.1.name', 'incidentCase.title', 'whyTargeted.title', 'damageExamples.title']));
    for (const heading of headings) {
      // What follows the heading, its next 12 characters of words (bullets and brackets left out).
      const next = (text: string) => words(text.slice(text.indexOf(heading.text) + heading.text.length)).slice(0, 12);
      expect(`${heading.path}: ${next(printed)}`).toBe(`${heading.path}: ${next(flyerSource)}`);
    }
  });

  it("ends, as the flyer does without its form, with the agency's contact line and not with the invitation to fill in the form below", async () => {
    const printed = await printedText(definition);
    const agency = pack.contacts.agency;
    expect(printed.endsWith(squeeze(`TEL:${agency.phone} FAX:${agency.fax} ${agency.organization}`))).toBe(true);
    expect(printed).not.toContain(squeeze(pack.inquiryPrompt));
  });
});

describe('the printed FAX問い合わせ票', () => {
  it('puts the flyer\'s invitation 「詳しくは、…下記にご記入のうえ…」 above the form, as the flyer does', async () => {
    const printed = await printedText(buildInquiryFaxSheet(pack, agencyTexts));
    const prompt = printed.indexOf(squeeze(pack.inquiryPrompt));
    expect(prompt).toBeGreaterThan(0);
    expect(prompt).toBeLessThan(printed.indexOf('医療機関名'));
  });
});
