import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.ts';
import type { Core } from '../../electron/core/types.ts';
import type { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import type { Logger } from '../../electron/core/log/logger.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { openTestCore } from './openTestCore.ts';
import { tempDir } from './tempDir.ts';

const hosts: RunningHost[] = [];

export interface TestHost {
  host: RunningHost;
  core: Core;
  dataDir: string;
  pauseJobs?: JobPausePoint;
}

/**
 * The real core behind the real HTTP host, on a temporary data folder and a free port. With
 * `pauseJobs`, its jobs wait where the pause point holds them: a cancel test cancels part-way;
 * `now` fixes the core's clock; `prepare` writes into the data folder before the core opens it.
 */
export async function startTestHost(
  options: { pauseJobs?: JobPausePoint; log?: Logger; now?: () => Date; prepare?: (dataDir: string) => void | Promise<void> } = {},
): Promise<TestHost> {
  const dataDir = tempDir();
  await options.prepare?.(dataDir);
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>test</title>');
  const { now, prepare: _prepare, ...coreOptions } = options;
  const core = await openTestCore(dataDir, now, coreOptions);
  const host = await startHost({ core, staticDir, port: 0 });
  hosts.push(host);
  return { host, core, dataDir, ...options };
}

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A plain HTTP request with full control of Host, Origin and body (fetch forbids some). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A contract call as the renderer's HTTP client makes it. */
export async function call(t: TestHost, channel: string, input: unknown, token = t.host.token) {
  const res = await fetch(`${t.host.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const authHeader = (t: TestHost) => ({ Authorization: `Bearer ${t.host.token}` });

/** Sends a file as the window's upload does, for the given purpose; the host's whole answer. */
export function postFile(t: TestHost, name: string, body: Buffer | string, purpose = 'clinicsCsv'): Promise<RawResponse> {
  return rawRequest(t.host.port, {
    method: 'POST',
    path: `/api/files?purpose=${purpose}&name=${encodeURIComponent(name)}`,
    headers: { ...authHeader(t), 'Content-Type': 'application/octet-stream' },
    body,
  });
}

/** Uploads a file the host must take; its id. */
export async function uploadFile(t: TestHost, name: string, body: Buffer | string, purpose = 'clinicsCsv'): Promise<string> {
  const res = await postFile(t, name, body, purpose);
  if (res.status !== 200) throw new Error(`upload of ${name} refused: ${res.status} ${res.body.toString('utf8')}`);
  return res.json().result.fileId as string;
}

/** Downloads a file the host made; fails unless it is there. */
export async function downloadFile(t: TestHost, fileId: string): Promise<Buffer> {
  const res = await rawRequest(t.host.port, { path: `/api/files/${fileId}`, headers: authHeader(t) });
  if (res.status !== 200) throw new Error(`download of ${fileId} failed: ${res.status}`);
  return res.body;
}

/** Polls a job until it has finished; how long that may take is the test's timeout, not a limit here. */
export async function waitForJob(t: TestHost, jobId: string): Promise<JobState> {
  for (;;) {
    const state = (await call(t, 'jobs.get', { jobId })).body.result as JobState;
    if (state.state !== 'running') return state;
    await new Promise((r) => setTimeout(r, 50));
  }
}
