import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../shared/contract/index.ts';
import { authHeader, call, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';

/** The host's event stream as the preview window reads it: every event, in order. */
async function listen(t: TestHost): Promise<{ events: ContractEvent[]; changes: () => string[][]; close: () => void }> {
  const events: ContractEvent[] = [];
  const req = http.get({ host: '127.0.0.1', port: t.host.port, path: '/api/events', headers: authHeader(t) });
  await new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)) as ContractEvent);
        }
      });
      resolve();
    });
    req.on('error', reject);
  });
  const changes = () => events.flatMap((e) => (e.type === 'changed' ? [e.areas] : []));
  return { events, changes, close: () => req.destroy() };
}

/** Waits until the stream has carried `count` changed events, failing after a generous while. */
async function untilChanges(stream: Awaited<ReturnType<typeof listen>>, count: number): Promise<string[][]> {
  for (let i = 0; i < 400 && stream.changes().length < count; i++) await new Promise((r) => setTimeout(r, 25));
  return stream.changes();
}

describe('the core announces committed writes to open windows', () => {
  it('a clinic saved through the host reaches the event stream as one changed event for its areas', async () => {
    const t = await startTestHost();
    const stream = await listen(t);
    const created = (await call(t, 'clinics.create', { name: '霧島眼科' })).body.result;
    await call(t, 'clinics.update', { id: created.id, clinic: { name: '霧島眼科医院' }, expectedRevision: created.revision });
    expect(await untilChanges(stream, 2)).toEqual([['clinics'], ['clinics', 'inquiries']]);
    stream.close();
  });

  it('reads, refused input and refused stale writes announce nothing', async () => {
    const t = await startTestHost();
    const created = (await call(t, 'clinics.create', { name: '霧島眼科' })).body.result;
    await call(t, 'clinics.update', { id: created.id, clinic: { name: '霧島眼科医院' }, expectedRevision: created.revision });
    const stream = await listen(t);
    await call(t, 'clinics.search', { query: '霧島' });
    expect((await call(t, 'clinics.create', { name: '' })).body.error.code).toBe('INVALID_INPUT');
    const stale = await call(t, 'clinics.update', { id: created.id, clinic: { name: '古い画面の名前' }, expectedRevision: created.revision });
    expect(stale.body.error.code).toBe('CONFLICT');
    // A write after them is the first thing the stream carries.
    await call(t, 'staff.create', { name: '窓口 花子' });
    expect(await untilChanges(stream, 1)).toEqual([['staff']]);
    stream.close();
  });

  it('a roster import written by its own thread is announced when the job has succeeded', async () => {
    const t = await startTestHost();
    const stream = await listen(t);
    const fileId = await uploadFile(t, '名簿.csv', '医療機関名,電話番号\n桜島クリニック,099-293-1234\n');
    const started = (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId } })).body.result;
    expect((await waitForJob(t, started.jobId)).state).toBe('succeeded');
    const changes = await untilChanges(stream, 1);
    expect(changes).toEqual([['clinics', 'backups']]);
    // The job's own progress events come first: the window learns the import ended, then refetches.
    const lastJob = stream.events.findLastIndex((e) => e.type === 'job');
    const changedAt = stream.events.findIndex((e) => e.type === 'changed');
    expect(changedAt).toBeGreaterThan(lastJob);
    stream.close();
  });
});
