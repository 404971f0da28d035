import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/contract/index.ts';
import { loadContent } from '../../electron/core/content/loadContent.ts';
import { importantMattersMessages } from '../../shared/messages/importantMattersMessages.ts';
import { call, downloadFile, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';
import { importantMattersPdf, packNamingImportantMatters, sha256Of } from '../helpers/importantMattersPack.ts';

async function installWithPdf(t: TestHost, pack: string, pdfs: { name: string; bytes: Buffer }[]) {
  const fileId = await uploadFile(t, 'SJ24-13707-with-matters.json', pack, 'contentFile');
  const pdfFileIds = await Promise.all(pdfs.map((pdf) => uploadFile(t, pdf.name, pdf.bytes, 'contentPdf')));
  const preview = (await call(t, 'content.previewImport', { kind: 'pack', fileId, pdfFileIds })).body;
  const accepted = (await call(t, 'content.acceptImport', { kind: 'pack', fileId, pdfFileIds })).body;
  return { preview, accepted };
}

async function render(t: TestHost, input: unknown): Promise<JobState> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result as JobState;
  return waitForJob(t, started.jobId);
}

const pageTexts = (pdf: Buffer, pages: number) =>
  Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ''));

describe("a content pack with the insurer's important-matters document", () => {
  it('installs with its PDF chosen beside it; alone the document is the insurer\'s bytes, in a set its pages stand unchanged', async () => {
    const t = await startTestHost();
    const pdf = await importantMattersPdf();
    const { preview, accepted } = await installWithPdf(t, packNamingImportantMatters(pdf), [{ name: 'renamed-by-mail.pdf', bytes: pdf }]);
    expect(preview.result.pdfs).toEqual([expect.objectContaining({ role: 'importantMatters', file: 'SJ26-01234.pdf', chosen: 'renamed-by-mail.pdf', problem: null })]);
    expect(accepted.ok).toBe(true);
    expect((await call(t, 'content.get', {})).body.result.importantMatters).toEqual({ code: 'SJ26-01234', date: '2026-04-01' });

    const alone = await render(t, { documents: ['importantMatters'] });
    expect(alone.state).toBe('succeeded');
    const aloneFile = (alone.result as { file: { fileId: string; name: string } }).file;
    expect(aloneFile.name).toMatch(/^重要事項説明書_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(sha256Of(await downloadFile(t, aloneFile.fileId))).toBe(sha256Of(pdf));

    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', fax: '0995-12-3457' })).body.result;
    const set = await render(t, { documents: ['faxCoverSheet', 'importantMatters', 'inquiryFaxSheet'], clinicIds: [clinic.id] });
    expect(set.state).toBe('succeeded');
    const made = set.result as { file: { fileId: string }; pages: number };
    expect(made.pages).toBe(4);
    const setPdf = await downloadFile(t, made.file.fileId);
    // For looking at (pdftoppm) when asked: the set as printed and as a FAX receives it.
    if (process.env.SCREENSHOTS_DIR) fs.writeFileSync(path.join(process.env.SCREENSHOTS_DIR, 'set-with-important-matters.pdf'), setPdf);
    const texts = pageTexts(setPdf, 4);
    expect(texts[0]).toContain('4枚（本紙を含む）');
    expect(texts.slice(1, 3)).toEqual(['IMPORTANTMATTERSOVERVIEW', 'IMPORTANTMATTERSCAUTIONS']);
    expect(texts[3]).toContain('お問い合わせ票');
  });

  it('refuses the whole install, naming the file, when the chosen PDF is not the one the pack names', async () => {
    const t = await startTestHost();
    const pdf = await importantMattersPdf();
    const other = await importantMattersPdf(['SOMETHING ELSE']);
    const { preview, accepted } = await installWithPdf(t, packNamingImportantMatters(pdf), [{ name: 'SJ26-01234.pdf', bytes: other }]);
    expect(preview.result.pdfs[0].problem).toContain('SJ26-01234.pdf');
    expect(accepted).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringContaining('SJ26-01234.pdf') } });
    expect((await call(t, 'content.changes', {})).body.result.items).toEqual([]);
    expect((await call(t, 'content.get', {})).body.result.importantMatters).toBeNull();
    expect(fs.existsSync(path.join(t.dataDir, 'content', 'pdfs'))).toBe(false);
  });

  it('refuses a pack whose PDF was not chosen at all', async () => {
    const t = await startTestHost();
    const { accepted } = await installWithPdf(t, packNamingImportantMatters(await importantMattersPdf()), []);
    expect(accepted).toMatchObject({ ok: false, error: { message: expect.stringContaining('選ばれていません') } });
    expect((await call(t, 'content.changes', {})).body.result.items).toEqual([]);
  });

  it('a kept PDF altered on disk is reported in 設定 and never printed; the pack stays in force', async () => {
    const pdf = await importantMattersPdf();
    const t = await startTestHost();
    expect((await installWithPdf(t, packNamingImportantMatters(pdf), [{ name: 'SJ26-01234.pdf', bytes: pdf }])).accepted.ok).toBe(true);
    const installedDir = path.join(t.dataDir, 'content');
    fs.appendFileSync(path.join(installedDir, 'pdfs', `${sha256Of(pdf)}.pdf`), '\n%');
    // What the next start reads.
    const loaded = loadContent([path.resolve('resources/content'), installedDir]);
    expect(loaded.pack.importantMatters?.code).toBe('SJ26-01234');
    expect(loaded.importantMattersPdf).toBeUndefined();
    expect(loaded.problems).toEqual(expect.arrayContaining([expect.objectContaining({ messages: [importantMattersMessages.pdfChanged('SJ26-01234.pdf')] })]));
  });

  it('without one in the pack, the document cannot be made, and says why', async () => {
    const t = await startTestHost();
    expect((await call(t, 'content.get', {})).body.result.importantMatters).toBeNull();
    const refused = await render(t, { documents: ['importantMatters'] });
    expect(refused).toMatchObject({ state: 'failed', error: { message: importantMattersMessages.packHasNone } });
  });
});
