import { expect } from 'vitest';
import { openReadOnlyDatabase } from '../../electron/core/db/connection.ts';
import type { JobResult, JobState } from '../../shared/contract/index.ts';
import { call, waitForJob, type TestHost } from './testHost.ts';

/** Starts a job through the host, as the window does, and waits for it to end. */
export async function runJob(t: TestHost, kind: string, input: unknown): Promise<JobState> {
  const started = await call(t, 'jobs.start', { kind, input });
  expect(started.status).toBe(200);
  return waitForJob(t, started.body.result.jobId);
}

/** A job that must succeed: its whole state, for tests that look at more than the result. */
export async function runSucceededJob(t: TestHost, kind: string, input: unknown): Promise<JobState> {
  const job = await runJob(t, kind, input);
  expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
  return job;
}

const succeeded = async (t: TestHost, kind: string, input: unknown): Promise<unknown> => (await runSucceededJob(t, kind, input)).result;

export const previewImport = async (t: TestHost, fileId: string, extra: object = {}) =>
  (await succeeded(t, 'clinics.previewImport', { fileId, ...extra })) as JobResult<'clinics.previewImport'>;

export const importCsv = async (t: TestHost, fileId: string, extra: object = {}) =>
  (await succeeded(t, 'clinics.importCsv', { fileId, ...extra })) as JobResult<'clinics.importCsv'>;

export const exportCsv = async (t: TestHost, kind: 'clinics.exportCsv' | 'inquiries.exportCsv', input: object) =>
  (await succeeded(t, kind, input)) as JobResult<'clinics.exportCsv'>;

/** Every clinic row as stored, every column, in order: compared before and after an import. */
export function clinicRows(t: TestHost): Record<string, unknown>[] {
  const db = openReadOnlyDatabase(t.core.dbPath);
  try {
    return db.prepare('SELECT * FROM clinics ORDER BY seq').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
