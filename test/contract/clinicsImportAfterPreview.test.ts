import { describe, expect, it } from 'vitest';
import { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { clinicRows, importCsv, previewImport, runSucceededJob } from '../helpers/importJobs.ts';
import { call, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';

/**
 * 取り込む writes what the preview worked out (the list is not read twice), but only while the
 * clinics are as the preview saw them: a clinic saved in between is matched again, so staff's
 * edit is never overwritten by the list's older picture of it.
 */
const list = '医療機関名,会員番号,電話番号\r\n日置会員医院,D-100,099-254-9999\r\n新しく載った医院,D-200,099-254-3333\r\n';

async function registered(pauseJobs?: JobPausePoint) {
  const t = await startTestHost(pauseJobs ? { pauseJobs } : {});
  const clinic = (await call(t, 'clinics.create', { name: '日置会員医院', memberNumber: 'D-100', phone: '099-254-1111' })).body.result;
  const fileId = await uploadFile(t, '名簿.csv', Buffer.from(`\ufeff${list}`));
  return { t, fileId, clinic };
}

/** Staff open the clinic and add a memo, as the form saves it. */
async function addMemo(t: TestHost, clinic: { id: string; revision: number; name: string; memberNumber: string; phone: string }) {
  const saved = await call(t, 'clinics.update', {
    id: clinic.id,
    clinic: { name: clinic.name, memberNumber: clinic.memberNumber, phone: clinic.phone, memo: '窓口で聞いた担当者の携帯' },
    expectedRevision: clinic.revision,
  });
  expect(saved.status).toBe(200);
}

const stored = (t: TestHost, id: string) => clinicRows(t).find((row) => row.id === id)!;

describe('名簿の取り込み after its preview', () => {
  it('imports what the preview showed when nothing changed in between', async () => {
    const { t, fileId, clinic } = await registered();
    expect(await previewImport(t, fileId, { onMatch: 'update' })).toMatchObject({ willUpdate: 1, willImport: 1 });
    expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ updated: 1, imported: 1 });
    expect(stored(t, clinic.id)).toMatchObject({ phone: '099-254-9999', memo: '' });
    expect(clinicRows(t)).toHaveLength(2);
  });

  it('keeps a memo saved between the preview and 取り込む, and still applies the list', async () => {
    const { t, fileId, clinic } = await registered();
    await previewImport(t, fileId, { onMatch: 'update' });
    await addMemo(t, clinic);
    expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ updated: 1, imported: 1 });
    expect(stored(t, clinic.id)).toMatchObject({ phone: '099-254-9999', memo: '窓口で聞いた担当者の携帯' });
  });

  it('keeps a memo saved after the import had checked the rows, before it wrote them', async () => {
    // Held at the last check report: every row is matched, nothing is written yet.
    const pauseJobs = new JobPausePoint(({ progress }) => progress.label.startsWith('確認') && progress.total > 0 && progress.done === progress.total);
    const { t, fileId, clinic } = await registered(pauseJobs);
    const job = (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId, onMatch: 'update' } })).body.result as JobState;
    await pauseJobs.reached(job.jobId);
    await addMemo(t, clinic);
    pauseJobs.release(job.jobId);
    expect(await waitForJob(t, job.jobId)).toMatchObject({ state: 'succeeded', result: { updated: 1, imported: 1 } });
    expect(stored(t, clinic.id)).toMatchObject({ phone: '099-254-9999', memo: '窓口で聞いた担当者の携帯' });
  });

  it('follows the choice made at 取り込む when it differs from the preview', async () => {
    const { t, fileId, clinic } = await registered();
    expect(await previewImport(t, fileId, { onMatch: 'skip' })).toMatchObject({ willSkip: 1 });
    expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ updated: 1, skipped: 0 });
    expect(stored(t, clinic.id)).toMatchObject({ phone: '099-254-9999' });
  });

  it('imports with its own columns when they are not those of the latest preview', async () => {
    const { t, fileId, clinic } = await registered();
    const first = await previewImport(t, fileId, { onMatch: 'update' });
    const withoutPhone = first.mapping.map((field) => (field === 'phone' ? '' : field));
    expect(await previewImport(t, fileId, { onMatch: 'update', mapping: withoutPhone })).toMatchObject({ willUpdate: 0, unchanged: 1 });
    const done = (await runSucceededJob(t, 'clinics.importCsv', { fileId, onMatch: 'update', mapping: first.mapping })).result;
    expect(done).toMatchObject({ updated: 1, imported: 1 });
    expect(stored(t, clinic.id)).toMatchObject({ phone: '099-254-9999' });
  });
});
