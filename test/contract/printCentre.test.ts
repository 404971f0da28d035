import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { decodeCsvBytes, parseCsvRecords } from '../../electron/core/text/csvText.ts';
import { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { authHeader, call, rawRequest, startTestHost, waitForJob, type TestHost, downloadFile } from '../helpers/testHost.ts';
import { pdfFonts, pdfInfo, pdfText } from '../helpers/pdfTools.ts';
import { bundledPack, squeeze } from '../helpers/documentFixtures.ts';
import { chooseCurrentStaff, officialRatesRequest, packRequest } from '../helpers/officialRateTable.ts';

/** Adds generated clinics on a second connection and returns their ids and names in postal-code order. */
function seed(t: TestHost, count: number): { id: string; name: string }[] {
  const db = openDatabase(t.core.dbPath);
  createClinics(db, generateClinics(count).map((fields) => ({ fields })), { machineId: 'seed' });
  const rows = db.prepare('SELECT id, name FROM clinics ORDER BY postal_code, kana_norm, seq').all() as { id: string; name: string }[];
  db.close();
  return rows;
}

async function render(t: TestHost, input: unknown): Promise<JobState> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result as JobState;
  return waitForJob(t, started.jobId);
}

/** The text of some pages only, to check what is where in a combined PDF. */
const pageText = (pdf: Buffer, first: number, last: number) =>
  execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-layout', '-', '-'], { input: pdf }).toString('utf8');

/** Each embedded font program of a PDF with the names its fonts give it (BaseFont), parsed back. */
async function subsetNames(pdf: Buffer): Promise<Map<PDFRef, Set<string>>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const byProgram = new Map<PDFRef, Set<string>>();
  for (const [, font] of doc.context.enumerateIndirectObjects()) {
    if (!(font instanceof PDFDict) || font.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const cidFont = doc.context.lookup(doc.context.lookup(font.get(PDFName.of('DescendantFonts')), PDFArray).get(0), PDFDict);
    const program = doc.context.lookup(cidFont.get(PDFName.of('FontDescriptor')), PDFDict).get(PDFName.of('FontFile2')) as PDFRef;
    const names = byProgram.get(program) ?? new Set<string>();
    names.add(font.get(PDFName.of('BaseFont'))!.toString());
    byProgram.set(program, names);
  }
  return byProgram;
}

const filesLeft = (t: TestHost) => fs.readdirSync(path.join(t.dataDir, 'tmp', 'files'));

describe('print centre: a mailing', () => {
  it('makes one PDF of every clinic’s set in order, each cover sheet counting its own set', async () => {
    const t = await startTestHost();
    const clinics = seed(t, 45);
    const { ids } = (await call(t, 'clinics.matchingIds', { query: '' })).body.result;
    expect(ids).toEqual(clinics.map((c) => c.id));
    const finished = await render(t, { documents: ['inquiryFaxSheet', 'faxCoverSheet'], clinicIds: ids, cover: { subject: '資料のご案内' } });
    expect(finished.state).toBe('succeeded');
    const result = finished.result as { file: { fileId: string; name: string }; pages: number; clinics: number };
    expect(result).toMatchObject({ pages: 90, clinics: 45 });
    expect(result.file.name).toMatch(/^書類一式_45件_\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await downloadFile(t, result.file.fileId);
    expect(pdfInfo(pdf)).toEqual({ pages: 90, pageSize: '595.28 x 841.89 pts (A4)' });
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    // Page 1 is the first clinic's cover sheet, page 2 its inquiry sheet; the last pair is the last clinic's.
    const first = squeeze(pageText(pdf, 1, 2));
    expect(first).toContain(squeeze(`${clinics[0]!.name}御中`));
    expect(first).toContain('2枚（本紙を含む）');
    expect(first.indexOf('FAX送付状')).toBeLessThan(first.indexOf('お問い合わせ票'));
    expect(squeeze(pageText(pdf, 89, 90))).toContain(squeeze(clinics[44]!.name));
    // Every embedded subset has a tag of its own (ISO 32000 9.6.4), though each chunk of the mailing brought its own.
    const programs = await subsetNames(pdf);
    expect(programs.size).toBeGreaterThan(4);
    const names = [...programs.values()].flatMap((n) => [...n]);
    expect(names.every((name) => /^\/[A-Z]{6}\+/.test(name))).toBe(true);
    expect(new Set(names.map((name) => name.slice(1, 7))).size).toBe(programs.size);
    // Title and file name agree; the agency is the author, and the dates are set.
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
    expect(info).toMatch(/^Title:\s+書類一式$/m);
    expect(info).toContain(`Author:          ${bundledPack.contacts.agency.organization}`);
    expect(info).toMatch(/^CreationDate:\s+\S/m);
    expect(info).toMatch(/^ModDate:\s+\S/m);
  });

  it('reports progress per chunk and, when cancelled, leaves no file behind', async () => {
    const pauseJobs = new JobPausePoint();
    const t = await startTestHost({ pauseJobs });
    seed(t, 45);
    const { ids } = (await call(t, 'clinics.matchingIds', { query: '' })).body.result;
    const started = (await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: ids } })).body.result as JobState;
    // Held after its first chunk: one set, so the bar moves as soon as the first set is made.
    await pauseJobs.reached(started.jobId);
    const state = (await call(t, 'jobs.get', { jobId: started.jobId })).body.result as JobState;
    expect(state).toMatchObject({ state: 'running', progress: { done: 1, total: 45, label: '1 / 45 件' } });
    await call(t, 'jobs.cancel', { jobId: started.jobId });
    expect(await waitForJob(t, started.jobId)).toMatchObject({ state: 'cancelled' });
    expect(filesLeft(t)).toEqual([]);
  });

  it('refuses more than 2,000 clinics at once, in Japanese, before doing anything', async () => {
    const t = await startTestHost();
    const ids = Array.from({ length: 2001 }, (_, i) => `clinic-${i}`);
    const res = await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['inquiryFaxSheet'], clinicIds: ids } });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(res.body.error)).toContain('一度に作れるのは2,000件までです');
  });
});

describe('print centre: what was sent is recorded', () => {
  it('records a saved set on the clinic and its inquiry once, and names the inquiry so it can move to 資料送付済', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', fax: '0995-12-3457' })).body.result;
    const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'fax' })).body.result.inquiry;
    const finished = await render(t, { documents: ['flyer', 'faxCoverSheet'], inquiryId: inquiry.id });
    const { file } = finished.result as { file: { fileId: string } };
    const first = (await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'saved' })).body.result;
    expect(first).toEqual({ recorded: 1, onTrail: true, inquiry: { id: inquiry.id, receiptNumber: inquiry.receiptNumber, status: 'new', revision: inquiry.revision } });
    // Saving the same PDF again is not a second mailing.
    expect((await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'saved' })).body.result.recorded).toBe(0);
    const byClinic = (await call(t, 'documents.history', { clinicId: clinic.id })).body.result.items;
    const byInquiry = (await call(t, 'documents.history', { inquiryId: inquiry.id })).body.result.items;
    expect(byClinic).toEqual(byInquiry);
    expect(byClinic).toMatchObject([{ documents: ['faxCoverSheet'], action: 'saved', receiptNumber: inquiry.receiptNumber, batchSize: 1 }]);
  });

  it('records a blank form on no clinic, and refuses a file the print centre did not make', async () => {
    const t = await startTestHost();
    const blank = (await render(t, { documents: ['inquiryFaxSheet'] })).result as { file: { fileId: string }; clinics: number };
    expect(blank.clinics).toBe(0);
    expect((await call(t, 'documents.recordOutput', { fileId: blank.file.fileId, action: 'printed' })).body.result).toEqual({ recorded: 0, onTrail: true, inquiry: null });
    const template = (await call(t, 'content.rateTemplate', {})).body.result;
    expect((await call(t, 'documents.recordOutput', { fileId: template.fileId, action: 'saved' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('print centre: the quote sheet', () => {
  it('is refused for a quote made with the sample table, saying why', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', kind: 'clinic_no_beds' })).body.result;
    const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'fax' })).body.result.inquiry;
    const quote = (await call(t, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_no_beds', planId: 'P1' })).body.result;
    const finished = await render(t, { documents: ['quoteSheet'], inquiryId: inquiry.id, quoteId: quote.id });
    expect(finished).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(finished.error?.message).toContain('見本の保険料表');
    expect(filesLeft(t)).toEqual([]);
  });

  it('is made from a confirmed table and a pack with the approved wording', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    for (const [name, bytes, version] of [
      ['pack.json', fs.readFileSync(path.resolve('test/fixtures/confirmed-pack.json')), ''],
      ['rates.csv', Buffer.from('種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,Aプラン,2100\r\n有床診療所,P1,Aプラン,3900\r\n'), '2026年度 テスト正式'],
    ] as const) {
      const fileId = (
        await rawRequest(t.host.port, {
          method: 'POST',
          path: `/api/files?purpose=contentFile&name=${encodeURIComponent(name)}`,
          headers: { ...authHeader(t), 'Content-Type': 'application/octet-stream' },
          body: bytes,
        })
      ).json().result.fileId;
      const request = version === '' ? packRequest(fileId) : officialRatesRequest(fileId, version);
      expect((await call(t, 'content.acceptImport', request)).body.ok).toBe(true);
    }
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', kind: 'clinic_with_beds', bedCount: 12 })).body.result;
    const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'fax' })).body.result.inquiry;
    const quote = (await call(t, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_with_beds', planId: 'P1' })).body.result;

    // 保険業法294条3項: refused, naming 設定, until the agency has said for whom and as what it solicits; nothing is left behind.
    const refused = await render(t, { documents: ['quoteSheet', 'faxCoverSheet'], quoteId: quote.id });
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(refused.error?.message).toBe('募集の立場（保険会社名と代理・媒介の別）が未設定のため、試算書は作れません。設定 → 代理店の文言 で「募集の立場」を入力してください。');
    expect(filesLeft(t)).toEqual([]);

    const capacity = '当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。';
    expect((await call(t, 'settings.updateAgencyText', { key: 'solicitationCapacity', value: capacity, expectedVersion: 0 })).body.ok).toBe(true);
    const finished = await render(t, { documents: ['quoteSheet', 'faxCoverSheet'], quoteId: quote.id });
    expect(finished.state).toBe('succeeded');
    const pdf = await downloadFile(t, (finished.result as { file: { fileId: string } }).file.fileId);
    expect(pdfInfo(pdf).pages).toBe(2);
    const text = squeeze(pdfText(pdf));
    for (const expected of ['霧島中央クリニック御中', inquiry.receiptNumber, '3,900円', '2026年度テスト正式', '本書は概算です。', capacity]) {
      expect(text).toContain(expected);
    }
    // An old-template table states no annual figure: none is printed, none worked out (3,900 × 12 = 46,800).
    expect(text).not.toContain('46,800円');
    // The flyer's approval code approved the flyer, not this sheet.
    expect(text).not.toContain('SJ24-13707');

    // The trail names the saved quote the sheet came from; the inquiry's trail exports with its 受付番号.
    await call(t, 'documents.recordOutput', { fileId: (finished.result as { file: { fileId: string } }).file.fileId, action: 'printed', sentBy: 'post' });
    const [output] = (await call(t, 'documents.history', { inquiryId: inquiry.id })).body.result.items;
    expect(output).toMatchObject({ quoteId: quote.id, sentBy: 'post', rateVersion: '2026年度 テスト正式' });
    const exported = (await call(t, 'documents.exportTrail', { inquiryId: inquiry.id, format: 'csv' })).body.result;
    const [header, row] = parseCsvRecords(decodeCsvBytes(await downloadFile(t, exported.file.fileId)).text, 'comma');
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell('受付番号'), cell('送付方法'), cell('試算'), cell('担当者')]).toEqual([inquiry.receiptNumber, '郵送', 'Aプラン 月額3,900円（保険料表 2026年度 テスト正式）', '窓口 花子']);
  });
});

describe('print centre: the PDF thread between jobs', () => {
  it('answers two prints started together one after the other, each with its own clinic', async () => {
    const t = await startTestHost();
    const clinics = seed(t, 2);
    const jobs = await Promise.all(clinics.map((c) => render(t, { documents: ['inquiryFaxSheet'], clinicIds: [c.id] })));
    for (const [i, job] of jobs.entries()) {
      expect(job.state).toBe('succeeded');
      const pdf = await downloadFile(t, (job.result as { file: { fileId: string } }).file.fileId);
      expect(squeeze(pdfText(pdf))).toContain(squeeze(clinics[i]!.name));
    }
  });

  it('makes the next print after a cancelled mailing', async () => {
    const pauseJobs = new JobPausePoint();
    const t = await startTestHost({ pauseJobs });
    const clinics = seed(t, 25);
    const started = (await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: clinics.map((c) => c.id) } })).body.result as JobState;
    // Cancelled part-way, while the PDF thread is busy with the mailing; a single print is never held.
    await pauseJobs.reached(started.jobId);
    expect((await call(t, 'jobs.cancel', { jobId: started.jobId })).status).toBe(200);
    expect((await waitForJob(t, started.jobId)).state).toBe('cancelled');
    const next = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: [clinics[0]!.id] });
    expect(next.state).toBe('succeeded');
    expect(squeeze(pdfText(await downloadFile(t, (next.result as { file: { fileId: string } }).file.fileId)))).toContain(squeeze(clinics[0]!.name));
  });
});
