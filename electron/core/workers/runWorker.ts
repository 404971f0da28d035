import { Worker } from 'node:worker_threads';
import { errorCodes, type ErrorCode } from '../../../shared/messages/errors.ts';
import { AppError } from '../errors.ts';

/** Messages a worker posts: progress while it works (per phase, if it has several), then exactly one result or error. */
export type WorkerMessage<R> =
  | { type: 'progress'; done: number; total: number; phase?: string }
  | { type: 'result'; result: R }
  | { type: 'error'; code?: string; message: string };

/**
 * Where a worker's code is: beside this file as .ts when running from source (Node strips the
 * types), or in workers/ beside the bundled main process as .js.
 */
export function workerUrl(name: string): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL(`./${name}.worker.ts`, here) : new URL(`./workers/${name}.worker.js`, here);
}

/** Runs one worker to completion; aborting terminates it at once. */
export function runWorker<R>(
  name: string,
  data: unknown,
  options: { signal: AbortSignal; onProgress?: (done: number, total: number, phase?: string) => void },
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    if (options.signal.aborted) return reject(new AppError('CANCELLED'));
    const worker = new Worker(workerUrl(name), { workerData: data });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      // Reject only once the worker has stopped, so callers can remove its output safely.
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      void worker.terminate().finally(() => reject(new AppError('CANCELLED')));
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage<R>) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.phase);
      else if (message.type === 'result') settle(() => resolve(message.result));
      else settle(() => reject(toError(message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`worker ${name} exited with code ${code}`))));
  });
}

interface JobOptions {
  signal: AbortSignal;
  onProgress?: (done: number, total: number, phase?: string) => void;
  /** End the thread once this job is done (a big job leaves its heap grown). */
  thenRetire?: boolean;
}

/**
 * A worker thread that stays up between jobs, so that only the first job pays for starting it
 * (for PDFs: loading pdfmake and parsing four CJK fonts, half a second, every time before). Jobs
 * go to it one at a time, in order. Cancelling the running job ends the thread at once, as with
 * runWorker; the next job starts a new one. `start` is what the thread gets as workerData.
 */
export class ResidentWorker<D, R> {
  private readonly name: string;
  private readonly start: unknown;
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private closed = false;

  constructor(name: string, start: unknown) {
    this.name = name;
    this.start = start;
  }

  /** Starts the thread ahead of the first job, if it is not running. */
  warm(): void {
    if (!this.closed) this.thread();
  }

  run(data: D, options: JobOptions): Promise<R> {
    const job = this.queue.then(() => this.runNow(data, options));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.retire();
  }

  private thread(): Worker {
    if (!this.worker) {
      const worker = new Worker(workerUrl(this.name), { workerData: this.start });
      // Idle, it must not keep the process alive; a running job refs it.
      worker.unref();
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = undefined;
      });
      worker.on('error', () => undefined);
      this.worker = worker;
    }
    return this.worker;
  }

  private async retire(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private runNow(data: D, options: JobOptions): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.closed || options.signal.aborted) return reject(new AppError('CANCELLED'));
      const worker = this.thread();
      const id = this.nextId++;
      const done = (settle: () => void) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        options.signal.removeEventListener('abort', onAbort);
        worker.unref();
        if (options.thenRetire) void this.retire().finally(settle);
        else settle();
      };
      const onMessage = (message: WorkerMessage<R> & { id: number }) => {
        if (message.id !== id) return;
        if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.phase);
        else if (message.type === 'result') done(() => resolve(message.result));
        else done(() => reject(toError(message)));
      };
      const onError = (error: Error) => done(() => reject(error));
      const onExit = (code: number) => done(() => reject(new Error(`worker ${this.name} exited with code ${code}`)));
      // Reject only once the thread has stopped, so callers can remove its output safely.
      const onAbort = () => {
        worker.off('exit', onExit);
        done(() => void this.retire().finally(() => reject(new AppError('CANCELLED'))));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      worker.postMessage({ id, data });
    });
  }
}

function toError(message: { code?: string; message: string }): Error {
  return message.code && (errorCodes as string[]).includes(message.code)
    ? new AppError(message.code as ErrorCode, message.message)
    : new Error(message.message);
}
