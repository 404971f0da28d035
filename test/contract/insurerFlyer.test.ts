import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/contract/index.ts';
import { call, downloadFile, startTestHost, waitForJob, type TestHost } from '../helpers/testHost.ts';

/** A two-page stand-in for the insurer's flyer, with words the app never prints. */
async function insurerPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const words of ['INSURER FLYER FRONT', 'INSURER FLYER BACK']) doc.addPage([595.28, 841.89]).drawText(words, { x: 60, y: 700, size: 24, font });
  return doc.save();
}

/** The bundled pack naming the insurer's PDF, installed with the PDF beside it (or a damaged copy). */
async function installPackWithFlyer(dataDir: string, options: { damaged?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await insurerPdf();
  const pack = JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as Record<string, unknown>;
  const dir = path.join(dataDir, 'content');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'SJ24-13707-insurer.json'), JSON.stringify({ ...pack, insurerFlyerPdf: { file: 'SJ24-13707.pdf', sha256: createHash('sha256').update(pdf).digest('hex') } }));
  fs.writeFileSync(path.join(dir, 'SJ24-13707.pdf'), options.damaged ? Buffer.concat([Buffer.from(pdf), Buffer.from('\n%')]) : pdf);
  return pdf;
}

async function render(t: TestHost, input: unknown): Promise<{ file: { fileId: string; name: string }; pages: number }> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result as JobState;
  const finished = await waitForJob(t, started.jobId);
  expect(finished.state).toBe('succeeded');
  return finished.result as { file: { fileId: string; name: string }; pages: number };
}

const pageTexts = (pdf: Buffer, pages: number) =>
  Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ''));

describe("a content pack that carries the insurer's own flyer", () => {
  it('prints that PDF unchanged as 「チラシ」, never a specimen even with the sample rate table', async () => {
    let original: Uint8Array = new Uint8Array();
    const t = await startTestHost({ prepare: async (dir) => void (original = await installPackWithFlyer(dir)) });
    expect((await call(t, 'content.get', {})).body.result.insurerFlyer).toBe(true);
    const alone = await render(t, { documents: ['flyer'] });
    expect(alone.file.name).toMatch(/^チラシ_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(Buffer.compare(await downloadFile(t, alone.file.fileId), Buffer.from(original))).toBe(0);
  });

  it('puts its pages in a set between the cover sheet and the FAX form, counted on the cover', async () => {
    const t = await startTestHost({ prepare: async (dir) => void (await installPackWithFlyer(dir)) });
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', fax: '0995-12-3457' })).body.result;
    const set = await render(t, { documents: ['faxCoverSheet', 'flyer', 'inquiryFaxSheet'], clinicIds: [clinic.id] });
    expect(set.pages).toBe(4);
    const texts = pageTexts(await downloadFile(t, set.file.fileId), 4);
    expect(texts[0]).toContain('4枚（本紙を含む）');
    expect(texts[1]).toBe('INSURERFLYERFRONT');
    expect(texts[2]).toBe('INSURERFLYERBACK');
    expect(texts[3]).toContain('お問い合わせ票');
  });

  it('is refused, saying why, when the PDF beside it is not the one the pack names; the bundled flyer stays in force', async () => {
    const t = await startTestHost({ prepare: async (dir) => void (await installPackWithFlyer(dir, { damaged: true })) });
    const content = (await call(t, 'content.get', {})).body.result;
    expect(content.insurerFlyer).toBe(false);
    expect(content.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: 'SJ24-13707-insurer.json', messages: [expect.stringContaining('照合値と一致しません')] })]),
    );
  });
});
