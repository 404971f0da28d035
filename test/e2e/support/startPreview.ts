import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const urlLine = /^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/;
const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

export interface RunningPreview {
  /** The URL the host printed, token included: what a user opens. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface PreviewOptions {
  /**
   * Every job stops after its first step of work and waits there until it is cancelled (the
   * preview's test-only --hold-jobs-after-first-step): a test of 中止 then cancels part-way
   * every time, however fast the machine. A job held this way never finishes.
   */
  holdJobsAfterFirstStep?: boolean;
  /** A data folder the test prepared (removed at stop like a fresh one); a fresh one otherwise. */
  dataDir?: string;
}

/**
 * Starts the real browser preview (`electron/cli/preview.ts`) on a free port and a fresh
 * data folder, exactly as a user would, and waits for the URL line it prints.
 */
export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-e2e-'));
  const args = ['--port', '0', '--data-dir', dataDir, '--no-build', ...(options.holdJobsAfterFirstStep ? ['--hold-jobs-after-first-step'] : [])];
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'electron/cli/preview.ts'), ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`preview printed no URL within ${startTimeoutMs} ms\n${stderr}`)), startTimeoutMs);
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        if (!urlLine.test(line.trim())) return;
        clearTimeout(timer);
        resolve(line.trim());
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`preview exited with code ${code} before printing its URL\n${stderr}`));
      });
    });
    const parsed = new URL(url);
    return { url, origin: parsed.origin, token: parsed.hash.replace(/^#token=/, ''), dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Calls a contract channel on the running host, to arrange data the way the app itself would. */
export async function callPreview<T>(preview: RunningPreview, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${preview.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${preview.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; result: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.result;
}

export interface PreviewJob<R = unknown> {
  jobId: string;
  state: string;
  result?: R;
  error?: { code: string; message: string };
}

/**
 * Starts a job through the host, as another window would, and waits until it has finished
 * (polled by hand: it also runs in beforeAll, where expect.poll does not belong).
 */
export async function runPreviewJob<R = unknown>(preview: RunningPreview, kind: string, input: unknown, timeoutMs = 60_000): Promise<PreviewJob<R>> {
  let job = await callPreview<PreviewJob<R>>(preview, 'jobs.start', { kind, input });
  for (const until = Date.now() + timeoutMs; job.state === 'queued' || job.state === 'running'; ) {
    if (Date.now() > until) throw new Error(`${kind} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await callPreview<PreviewJob<R>>(preview, 'jobs.get', { jobId: job.jobId });
  }
  return job;
}
