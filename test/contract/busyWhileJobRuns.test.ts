import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { errorMessages } from '../../shared/messages/errors.ts';
import { call, startTestHost, waitForJob } from '../helpers/testHost.ts';

describe('work that must not run under a job answers BUSY, not a form error', () => {
  it('a restore or 完全削除 while an export runs is refused with BUSY and changes nothing; it works once the job has ended', async () => {
    const pauseJobs = new JobPausePoint();
    const t = await startTestHost({ pauseJobs });
    const db = openDatabase(t.core.dbPath);
    createClinics(db, generateClinics(2500).map((fields) => ({ fields })), { machineId: 'seed' });
    db.close();
    const backup = (await call(t, 'backups.create', {})).body.result;
    const gone = (await call(t, 'clinics.create', { name: '閉院した医院' })).body.result;
    await call(t, 'clinics.archive', { id: gone.id });

    const started = (await call(t, 'jobs.start', { kind: 'clinics.exportCsv', input: {} })).body.result as JobState;
    await pauseJobs.reached(started.jobId);
    const restore = await call(t, 'backups.restore', { fileName: backup.fileName });
    const purge = await call(t, 'records.purgeArchived', { confirm: true });
    for (const refused of [restore, purge]) {
      expect(refused.status).toBe(409);
      expect(refused.body.error).toEqual({ code: 'BUSY', message: errorMessages.BUSY });
    }
    expect((await call(t, 'clinics.get', { id: gone.id })).body.result.archivedAt).not.toBeNull();

    pauseJobs.release(started.jobId);
    expect((await waitForJob(t, started.jobId)).state).toBe('succeeded');
    expect((await call(t, 'records.purgeArchived', { confirm: true })).body.result).toMatchObject({ clinics: 1 });
  });
});
