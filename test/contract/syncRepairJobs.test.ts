import { afterAll, describe, expect, it } from 'vitest';
import { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import { syncRepairMessages } from '../../shared/messages/syncRepairMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { call, startTestHost, waitForJob } from '../helpers/testHost.ts';

const user = { name: 'counter-pc', password: 'counter-pc-password' };
let hub: CouchHub | undefined;
afterAll(() => hub?.stop());

describe('点検と修復 as jobs', () => {
  it('on a machine that does not share, says so in Japanese and checks nothing', async () => {
    const t = await startTestHost();
    const started = (await call(t, 'jobs.start', { kind: 'sync.check', input: {} })).body.result;
    const ended = await waitForJob(t, started.jobId);
    expect(ended).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT', message: syncRepairMessages.notSharing } });
  });

  it('a repair is refused without its confirmation', async () => {
    const t = await startTestHost();
    const res = await call(t, 'jobs.start', { kind: 'sync.repair', input: {} });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('修復の確認') } });
  });

  it('reports its progress in records and stops at 中止, taking no backup', async () => {
    hub = await startCouchHub({ users: [user] });
    const pauseJobs = new JobPausePoint();
    const t = await startTestHost({ pauseJobs });
    await call(t, 'clinics.create', { name: '谷山病院' });
    await call(t, 'staff.create', { name: '山下' });
    await call(t, 'sync.join', { url: hub.dbUrl, user: user.name, password: user.password, receiptPrefix: 'A' });
    const started = (await call(t, 'jobs.start', { kind: 'sync.repair', input: { confirm: true } })).body.result;
    await pauseJobs.reached(started.jobId);
    const held = (await call(t, 'jobs.get', { jobId: started.jobId })).body.result;
    expect(held.progress).toMatchObject({ done: 1, total: 2, label: '1 / 2 件を点検' });
    await call(t, 'jobs.cancel', { jobId: started.jobId });
    expect(await waitForJob(t, started.jobId)).toMatchObject({ state: 'cancelled' });
    const backups = (await call(t, 'backups.list', {})).body.result.items as { reason: string }[];
    expect(backups.map((b) => b.reason)).not.toContain('before-repair');
  });
});
