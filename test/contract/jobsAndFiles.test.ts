import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import type { ContractEvent, JobState } from '../../shared/contract/index.ts';
import { limits } from '../../shared/contract/index.ts';
import { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import { authHeader, call, rawRequest, startTestHost, waitForJob, type TestHost, postFile } from '../helpers/testHost.ts';
import { pdfInfo, pdfText } from '../helpers/pdfTools.ts';

/** Adds generated clinics through the repo on a second connection (WAL lets both work). */
function seed(t: TestHost, count: number): void {
  const db = openDatabase(t.core.dbPath);
  createClinics(db, generateClinics(count).map((fields) => ({ fields })), { machineId: 'seed' });
  db.close();
}

/** Follows the host's event stream as the renderer does, collecting job events; `onOpen` once the host follows it. */
async function followEvents(t: TestHost, signal: AbortSignal, onJob: (job: JobState) => void, onOpen: () => void = () => {}): Promise<void> {
  const res = await fetch(`${t.host.origin}/api/events`, { headers: authHeader(t), signal });
  onOpen();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) {
          const event = JSON.parse(data.slice(6)) as ContractEvent;
          if (event.type === 'job') onJob(event.job);
        }
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

describe('long jobs over the HTTP host', () => {
  it('exports the clinic list with progress events and hands the CSV out as a download', async () => {
    const t = await startTestHost();
    seed(t, 3000);
    const events: JobState[] = [];
    const stop = new AbortController();
    let opened = () => {};
    let end = () => {};
    const open = new Promise<void>((resolve) => (opened = resolve));
    const ended = new Promise<void>((resolve) => (end = resolve));
    const following = followEvents(t, stop.signal, (job) => {
      events.push(job);
      if (job.state !== 'running') end();
    }, opened);
    // Waits for what happened, never for a while: the stream is open before the job starts,
    // and followed until the job's last event has arrived.
    await open;
    const started = (await call(t, 'jobs.start', { kind: 'clinics.exportCsv', input: {} })).body.result as JobState;
    const finished = await waitForJob(t, started.jobId);
    await ended;
    stop.abort();
    await following;

    expect(finished.state).toBe('succeeded');
    const progress = events.filter((e) => e.jobId === started.jobId && e.state === 'running');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.progress).toMatchObject({ done: 3000, total: 3000, label: '3,000 / 3,000 件' });
    expect(events.at(-1)).toMatchObject({ jobId: started.jobId, state: 'succeeded' });

    const result = finished.result as { file: { fileId: string; name: string }; rows: number };
    expect(result.rows).toBe(3000);
    expect(result.file.name).toMatch(/^医療機関一覧_\d{4}-\d{2}-\d{2}\.csv$/);
    const download = await rawRequest(t.host.port, { path: `/api/files/${result.file.fileId}`, headers: authHeader(t) });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent(result.file.name));
    const text = download.body.toString('utf8');
    expect(text.startsWith('\uFEFF医療機関名,ふりがな,種別')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(3001);
    const withoutToken = await rawRequest(t.host.port, { path: `/api/files/${result.file.fileId}` });
    expect(withoutToken.status).toBe(401);
  });

  it('cancels a running export and leaves no half-written file', async () => {
    const pauseJobs = new JobPausePoint();
    const t = await startTestHost({ pauseJobs });
    seed(t, 2500);
    const filesDir = path.join(t.dataDir, 'tmp', 'files');
    const started = (await call(t, 'jobs.start', { kind: 'clinics.exportCsv', input: {} })).body.result as JobState;
    // Held after its first 1,000 rows: part of the file is written, the rest is not.
    await pauseJobs.reached(started.jobId);
    const midway = (await call(t, 'jobs.get', { jobId: started.jobId })).body.result as JobState;
    expect(midway).toMatchObject({ state: 'running', progress: { done: 1000, total: 2500, label: '1,000 / 2,500 件' } });
    expect(fs.readdirSync(filesDir)).toHaveLength(1);
    const cancelled = (await call(t, 'jobs.cancel', { jobId: started.jobId })).body.result as JobState;
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED', message: '処理を中止しました。' } });
    expect(fs.readdirSync(filesDir)).toEqual([]);
  });

  it('answers an unknown job id with 404 and a Japanese message', async () => {
    const t = await startTestHost();
    const res = await call(t, 'jobs.get', { jobId: 'no-such-job' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'JOB_NOT_FOUND', message: expect.stringContaining('見つかりません') });
  });
});

describe('files in and out over the HTTP host', () => {
  it('takes an uploaded CSV and imports its clinics in one job, skipping ones already here', async () => {
    const t = await startTestHost();
    const csv =
      '\uFEFF医療機関名,ふりがな,種別,電話番号\r\n' +
      '霧島眼科,きりしまがんか,無床診療所,0995-12-3456\r\n' +
      '"田中内科, 分院",,有床診療所,\r\n' +
      '"改行の\n入った名前",,病院,\r\n' +
      ',名前なし,病院,\r\n';
    const up = await postFile(t, '名簿.csv', csv);
    expect(up.status).toBe(200);
    const ref = up.json().result;
    expect(ref).toMatchObject({ name: '名簿.csv', mime: 'application/octet-stream', size: Buffer.byteLength(csv) });

    const started = (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId: ref.fileId } })).body.result;
    const finished = await waitForJob(t, started.jobId);
    expect(finished.state).toBe('succeeded');
    expect(finished.result).toEqual({
      // The Alt+Enter name is read as one line, its parts joined with a space.
      imported: 3,
      updated: 0,
      skipped: 0,
      unchanged: 0,
      rejected: 1,
      problems: [{ row: 5, clinic: '', field: '医療機関名', message: '医療機関名を入力してください' }],
      problemCount: 1,
      unconfirmedKinds: 0,
      errorsFile: expect.objectContaining({ name: '取り込めなかった行_名簿.csv', mime: 'text/csv' }),
    });
    const found = (await call(t, 'clinics.search', { query: 'ｷﾘｼﾏ' })).body.result;
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['霧島眼科']);
  });

  it('re-imports its own export without making duplicates', async () => {
    const t = await startTestHost();
    seed(t, 20);
    const exported = await waitForJob(t, (await call(t, 'jobs.start', { kind: 'clinics.exportCsv', input: {} })).body.result.jobId);
    const fileId = (exported.result as { file: { fileId: string } }).file.fileId;
    const bytes = (await rawRequest(t.host.port, { path: `/api/files/${fileId}`, headers: authHeader(t) })).body;
    const ref = (await postFile(t, 'export.csv', bytes)).json().result;
    const imported = await waitForJob(t, (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId: ref.fileId } })).body.result.jobId);
    expect(imported.result).toEqual({ imported: 0, updated: 0, skipped: 20, unchanged: 0, rejected: 0, problems: [], problemCount: 0, unconfirmedKinds: 0, errorsFile: null });
  });

  it('rejects a file that is not a CSV with a clear message and imports nothing', async () => {
    const t = await startTestHost();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const ref = (await postFile(t, 'photo.csv', png)).json().result;
    const finished = await waitForJob(t, (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId: ref.fileId } })).body.result.jobId);
    expect(finished).toMatchObject({ state: 'failed', error: { code: 'INVALID_FILE', message: expect.stringContaining('画像ファイル（PNG）です。CSVファイルを選んでください') } });
    expect((await call(t, 'clinics.search', { query: '' })).body.result.total).toBe(0);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const t = await startTestHost();
    const res = await postFile(t, 'big.csv', Buffer.alloc(limits.maxUploadBytes + 1, 0x41));
    expect(res.status).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a download of an unknown file with 404', async () => {
    const t = await startTestHost();
    const res = await rawRequest(t.host.port, { path: '/api/files/AAAAAAAAAAAAAAAAAAAAAA', headers: authHeader(t) });
    expect(res.status).toBe(404);
    expect(res.json().error.code).toBe('FILE_NOT_FOUND');
  });
});

describe('documents as a job', () => {
  it('renders a FAX inquiry sheet filled from an inquiry, named for Windows, downloadable as PDF', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: '霧島/中央:クリニック', address: '鹿児島県霧島市国分中央3-1', phone: '0995-12-3456' })).body.result;
    const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'fax' })).body.result.inquiry;
    const started = (await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['inquiryFaxSheet'], inquiryId: inquiry.id } })).body.result;
    const finished = await waitForJob(t, started.jobId);
    expect(finished.state).toBe('succeeded');
    const file = (finished.result as { file: { fileId: string; name: string; mime: string } }).file;
    expect(file.name).toMatch(/^FAX問い合わせ票_霧島_中央_クリニック_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(file.mime).toBe('application/pdf');
    const pdf = (await rawRequest(t.host.port, { path: `/api/files/${file.fileId}`, headers: authHeader(t) })).body;
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('霧島/中央:クリニック');
    expect(text).toContain(inquiry.receiptNumber);
  });

  it('answers an unknown clinic with NOT_FOUND and leaves no file', async () => {
    const t = await startTestHost();
    const started = (await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['inquiryFaxSheet'], clinicIds: ['no-such-clinic'] } })).body.result;
    const finished = await waitForJob(t, started.jobId);
    expect(finished).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND' } });
    expect(fs.readdirSync(path.join(t.dataDir, 'tmp', 'files'))).toEqual([]);
  });
});

describe('the flyer as a job', () => {
  it('is the same for every clinic: no clinic name, no sample premium, a specimen while the table is a sample', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック' })).body.result;
    const started = (await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['flyer'], clinicIds: [clinic.id] } })).body.result;
    const finished = await waitForJob(t, started.jobId);
    const file = (finished.result as { file: { fileId: string; name: string } }).file;
    expect(file.name).toMatch(/^チラシ（見本）_\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = (await rawRequest(t.host.port, { path: `/api/files/${file.fileId}`, headers: authHeader(t) })).body;
    expect(pdfInfo(pdf).pages).toBe(2);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).not.toContain('霧島中央クリニック');
    expect(text).not.toContain('保険料はお問い合わせください');
    expect(text).not.toContain('1,111円');
    expect(text).toContain('見本');
  });
});

describe('clinic import from Excel', () => {
  it('reads a Shift_JIS file, skips a registered 会員番号, reports one repeated in the file by row, and backs up first', async () => {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '既存医院', memberNumber: '1001' });
    const csv = '医療機関名,ふりがな,会員番号\r\nｷﾘｼﾏｸﾘﾆｯｸ,きりしま,2001\r\n別の医院,,1001\r\n同じ番号医院,,2001\r\n';
    const ref = (await postFile(t, '名簿.csv', iconv.encode(csv, 'cp932'))).json().result;
    const finished = await waitForJob(t, (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId: ref.fileId } })).body.result.jobId);
    expect(finished.result).toMatchObject({
      imported: 1,
      skipped: 1,
      rejected: 1,
      problems: [{ row: 4, field: '会員番号', message: '2行目と同じ医療機関です（会員番号が同じ）' }],
    });
    expect((await call(t, 'clinics.search', { query: 'きりしま' })).body.result.items.map((c: { name: string }) => c.name)).toEqual(['ｷﾘｼﾏｸﾘﾆｯｸ']);
    expect(fs.readdirSync(path.join(t.dataDir, 'backups')).some((f) => f.endsWith('-before-import.sqlite3'))).toBe(true);
  });
});
