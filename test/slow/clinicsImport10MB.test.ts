import { describe, expect, it } from 'vitest';
import { openReadOnlyDatabase } from '../../electron/core/db/connection.ts';
import { afterFirstStep, JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import type { JobResult, JobState } from '../../shared/contract/index.ts';
import { generatedClinicsCsv } from '../helpers/generatedClinicsCsv.ts';
import { call, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';

const clinicCount = (t: TestHost) => {
  const db = openReadOnlyDatabase(t.core.dbPath);
  try {
    return (db.prepare('SELECT count(*) AS n FROM clinics').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('名簿の取り込み: a 10 MB list', () => {
  it('imports in a worker with progress, and a cancel while writing leaves no rows', async () => {
    const reports: string[] = [];
    // Every progress report the job makes passes here; the job is held once it writes.
    const pauseJobs = new JobPausePoint((state) => {
      reports.push(state.progress.label);
      return state.progress.label.startsWith('書き込んで') && afterFirstStep(state);
    });
    const t = await startTestHost({ pauseJobs });
    const list = generatedClinicsCsv({ bytes: 10 * 1024 * 1024 });
    expect(list.bytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const fileId = await uploadFile(t, 'big.csv', list.bytes);

    const start = async () => ((await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId } })).body.result as JobState).jobId;
    const first = await start();
    const held = await pauseJobs.reached(first);
    expect(held.progress.label).toMatch(/^書き込んでいます [\d,]+ \/ [\d,]+ 件$/);
    expect(reports.some((l) => /^確認しています [\d,]+ \/ [\d,]+ 行$/.test(l))).toBe(true);
    // The host keeps answering while the worker holds its transaction open.
    expect((await call(t, 'jobs.get', { jobId: first })).body.result).toMatchObject({ state: 'running', progress: held.progress });
    const cancelled = (await call(t, 'jobs.cancel', { jobId: first })).body.result as JobState;
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(clinicCount(t)).toBe(0);
    // The connection the worker held is gone: the app writes again at once.
    expect((await call(t, 'clinics.create', { name: '中止のあとの医院' })).status).toBe(200);

    const second = await start();
    await pauseJobs.reached(second);
    pauseJobs.release(second);
    const finished = await waitForJob(t, second);
    expect(finished.state, JSON.stringify(finished.error)).toBe('succeeded');
    const done = finished.result as JobResult<'clinics.importCsv'>;
    // Generated phone numbers repeat now and then; such rows are listed, not imported twice.
    expect(done.imported + done.rejected).toBe(list.rows);
    expect(done.imported).toBeGreaterThan(list.rows * 0.9);
    expect(clinicCount(t)).toBe(done.imported + 1);
  });
});
