import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fileMessages } from '../../shared/messages/fileMessages.ts';
import { fileIdleMs } from '../../electron/core/files/fileStore.ts';
import { authHeader, call, downloadFile, rawRequest, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';
import { chooseCurrentStaff, officialRatesRequest } from '../helpers/officialRateTable.ts';
import { runSucceededJob as runJob } from '../helpers/importJobs.ts';
import { afterFirstStep, JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import { plainBook } from '../helpers/xlsxRoster.ts';
import { randomBytes } from 'node:crypto';

/** What the user's disk shows in the folder of files held for the window. */
const heldFiles = (t: TestHost) => fs.readdirSync(path.join(t.dataDir, 'tmp', 'files')).sort();

const fetchFile = (t: TestHost, fileId: string) => rawRequest(t.host.port, { path: `/api/files/${fileId}`, headers: authHeader(t) });

/**
 * The host removes the copy once its response has been flushed, which the client may see a moment
 * before: waits for that moment (up to the poll's limit), never for a fixed time.
 */
const removedAfterDownload = (t: TestHost) => expect.poll(() => heldFiles(t), { timeout: 30_000 }).toEqual([]);

/** A clock the test moves; the core and its file store read it. */
function movableClock(start = new Date('2026-12-03T01:00:00Z')) {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

describe('files brought in leave tmp/ once their work is done', () => {
  it('a roster is removed once imported, while its rejected-rows file stays to be saved', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '名簿.csv', '医療機関名,電話番号\n桜島クリニック,099-293-1234\n,099-293-0000\n');
    await runJob(t, 'clinics.previewImport', { fileId });
    // The roster, and what its preview worked out for 取り込む (its names too): both go once imported.
    expect(heldFiles(t)).toHaveLength(2);
    expect(heldFiles(t)).toContain(fileId);
    expect(heldFiles(t).filter((name) => name.endsWith('.plan'))).toHaveLength(1);

    const result = (await runJob(t, 'clinics.importCsv', { fileId })).result as { imported: number; errorsFile: { fileId: string } | null };
    expect(result.imported).toBe(1);
    expect(result.errorsFile).not.toBeNull();
    expect(heldFiles(t)).toEqual([result.errorsFile!.fileId]);

    const again = await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId } });
    const job = await waitForJob(t, again.body.result.jobId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'FILE_NOT_FOUND', message: fileMessages.inputUsed } });
  });

  it('a book whose reading is cancelled part-way leaves only the book: no unpacked sheet, no plan', async () => {
    const pauseJobs = new JobPausePoint((state) => state.progress.label.startsWith('ブックを読んで') && afterFirstStep(state));
    const t = await startTestHost({ pauseJobs });
    // Names that do not compress, so the book is read in many steps.
    const rows = Array.from({ length: 40_000 }, (_, i) => [`${randomBytes(12).toString('hex')}医院`, `鹿児島市${randomBytes(10).toString('hex')}`, i]);
    const fileId = await uploadFile(t, '大きな名簿.xlsx', await plainBook([['医療機関名', '所在地', '番号'], ...rows]));
    const started = (await call(t, 'jobs.start', { kind: 'clinics.previewImport', input: { fileId } })).body.result as { jobId: string };
    await pauseJobs.reached(started.jobId);
    expect(heldFiles(t).length).toBeGreaterThan(1);
    const cancelled = (await call(t, 'jobs.cancel', { jobId: started.jobId })).body.result as { state: string };
    expect(cancelled.state).toBe('cancelled');
    expect(heldFiles(t)).toEqual([fileId]);
  });

  it('a refused import keeps the roster, so the clerk can fix the mapping and try again', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '名簿.csv', '電話番号\n099-293-1234\n');
    const started = await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId } });
    expect((await waitForJob(t, started.body.result.jobId)).state).toBe('failed');
    expect(heldFiles(t)).toEqual([fileId]);
  });

  it('an official rate table is removed once installed, and only then', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const template = (await call(t, 'content.rateTemplate', {})).body.result;
    const text = iconv.decode(await downloadFile(t, template.fileId), 'cp932');
    const filled = text
      .split('\r\n')
      // Name and monthly figure typed; the columns this insurer's table does not state stay empty.
      .map((line, i) => (i === 0 || line === '' ? line : line.replace(/,(P\d),,(,*)$/, (_, plan: string, rest: string) => `,${plan},スタンダード${plan},${i * 1000}${rest}`)))
      .join('\r\n');
    const fileId = await uploadFile(t, '保険料表.csv', iconv.encode(filled, 'cp932'), 'contentFile');
    await call(t, 'content.previewImport', officialRatesRequest(fileId));
    expect(heldFiles(t)).toContain(fileId);

    expect((await call(t, 'content.acceptImport', officialRatesRequest(fileId))).status).toBe(200);
    expect(heldFiles(t)).not.toContain(fileId);
    expect((await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND', message: fileMessages.inputUsed },
    });
  });

  it('a backup brought back is removed once it is in the list; a wrong password keeps it for the next try', async () => {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '霧島眼科' });
    const backup = (await call(t, 'backups.create', {})).body.result;
    const exported = (await call(t, 'backups.export', { fileName: backup.fileName, password: '桜島の噴火は2026年' })).body.result;
    const fileId = await uploadFile(t, exported.name, await downloadFile(t, exported.fileId), 'backupFile');
    expect((await call(t, 'backups.addFromFile', { fileId, password: '桜島の噴火は2025年' })).body.ok).toBe(false);
    expect(heldFiles(t)).toEqual([fileId]);

    expect((await call(t, 'backups.addFromFile', { fileId, password: '桜島の噴火は2026年' })).body.ok).toBe(true);
    expect(heldFiles(t)).toEqual([]);
  });
});

describe('a copy of the whole data leaves tmp/ as soon as it has been downloaded', () => {
  it('is there until the download completes, then gone; asking again says why', async () => {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '霧島眼科' });
    const backup = (await call(t, 'backups.create', {})).body.result;
    const exported = (await call(t, 'backups.export', { fileName: backup.fileName, password: '' })).body.result;
    expect(heldFiles(t)).toEqual([exported.fileId]);

    const bytes = await downloadFile(t, exported.fileId);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    await removedAfterDownload(t);

    const again = await fetchFile(t, exported.fileId);
    expect(again.status).toBe(404);
    expect(again.json()).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND', message: fileMessages.handedOut } });
  });

  it('the encrypted copy too', async () => {
    const t = await startTestHost();
    const backup = (await call(t, 'backups.create', {})).body.result;
    const exported = (await call(t, 'backups.export', { fileName: backup.fileName, password: '桜島の噴火は2026年' })).body.result;
    await downloadFile(t, exported.fileId);
    await removedAfterDownload(t);
  });
});

describe('files the app made stay while used and go once unused for a while', () => {
  it('an export downloaded recently stays; one untouched for the idle time is removed at the next file', async () => {
    const clock = movableClock();
    const t = await startTestHost({ now: clock.now });
    await call(t, 'clinics.create', { name: '霧島眼科' });
    const used = ((await runJob(t, 'clinics.exportCsv', {})).result as { file: { fileId: string } }).file.fileId;
    const unused = ((await runJob(t, 'inquiries.exportCsv', {})).result as { file: { fileId: string } }).file.fileId;
    const roster = await uploadFile(t, '名簿.csv', '医療機関名\n桜島クリニック\n');

    clock.advance(fileIdleMs - 20 * 60 * 1000);
    await downloadFile(t, used);
    clock.advance(20 * 60 * 1000 + 1);
    // Taking in any new file looks for idle ones.
    const next = await uploadFile(t, '次の名簿.csv', '医療機関名\n指宿内科\n');

    expect(heldFiles(t)).toEqual([used, next].sort());
    expect((await fetchFile(t, unused)).json()).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND', message: fileMessages.outputIdle } });
    expect(fileMessages.outputIdle).toContain('もう一度作成してください');
    const late = await call(t, 'jobs.start', { kind: 'clinics.previewImport', input: { fileId: roster } });
    expect(await waitForJob(t, late.body.result.jobId)).toMatchObject({ state: 'failed', error: { code: 'FILE_NOT_FOUND', message: fileMessages.inputIdle } });
  });

  it('a file the app made (the rate template) can be saved twice: a download does not remove it', async () => {
    const t = await startTestHost();
    await chooseCurrentStaff(t);
    const template = (await call(t, 'content.rateTemplate', {})).body.result;
    await downloadFile(t, template.fileId);
    await downloadFile(t, template.fileId);
    expect(heldFiles(t)).toEqual([template.fileId]);
  });
});
