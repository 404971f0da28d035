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

interface JobOptions {
  signal: AbortSignal;
  onProgress?: (done: number, total: number, phase?: string) => void;
  /**
   * Test-only (JobContext.goOn): when given, the thread waits after each progress report until
   * this settles, so a test's pause point can hold the job there (see progressGate.ts).
   */
  goOn?: () => Promise<void>;
}

/** The counter a gated thread waits on: how many of its progress reports may go on. */
const newProgressGate = (options: JobOptions) => (options.goOn ? new Int32Array(new SharedArrayBuffer(4)) : undefined);

/**
 * Follows one job on a worker thread: its progress, then its result or error. Messages of a
 * resident worker carry the job's id; a one-job worker's need not. Aborting ends the thread, and
 * the promise rejects only once it has stopped, so callers can remove its output safely.
 * `after(ended)` runs when the job is over, before the promise settles; `ended` says the thread
 * is stopping (cancelled or failed) and must not take another job.
 */
function followJob<R>(
  worker: Worker,
  name: string,
  id: number | undefined,
  options: JobOptions,
  after: (ended: boolean) => Promise<void> | void,
  gate?: Int32Array,
): Promise<R> {
  let reports = 0;
  return new Promise<R>((resolve, reject) => {
    const finish = (ended: boolean, settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      options.signal.removeEventListener('abort', onAbort);
      void Promise.resolve(after(ended)).finally(settle);
    };
    const onMessage = (message: WorkerMessage<R> & { id?: number }) => {
      if (message.id !== id) return;
      if (message.type === 'progress') {
        options.onProgress?.(message.done, message.total, message.phase);
        if (gate && options.goOn) {
          const report = ++reports;
          void options.goOn().then(() => {
            Atomics.store(gate, 0, report);
            Atomics.notify(gate, 0);
          });
        }
      } else if (message.type === 'result') finish(false, () => resolve(message.result));
      else finish(false, () => reject(toError(message)));
    };
    const onError = (error: Error) => finish(true, () => reject(error));
    const onExit = (code: number) => finish(true, () => reject(new Error(`worker ${name} exited with code ${code}`)));
    const onAbort = () => {
      worker.off('exit', onExit);
      finish(true, () => void worker.terminate().finally(() => reject(new AppError('CANCELLED'))));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs one worker to completion, with its data as workerData; aborting terminates it at once. */
export function runWorker<R>(name: string, data: unknown, options: JobOptions): Promise<R> {
  if (options.signal.aborted) return Promise.reject(new AppError('CANCELLED'));
  const progressGate = newProgressGate(options);
  const worker = new Worker(workerUrl(name), { workerData: progressGate ? { ...(data as object), progressGate } : data });
  // An error after the job is over has no one left to tell; it must not crash the process.
  worker.on('error', () => undefined);
  return followJob<R>(worker, name, undefined, options, () => undefined, progressGate);
}

/**
 * A worker thread that stays up between jobs, so that only the first job pays for starting it
 * (for PDFs: loading pdfmake and parsing four CJK fonts, half a second, every time before). Jobs
 * go to it one at a time, in order, as messages. Cancelling the running job ends the thread at
 * once, as with runWorker; the next job starts a new one. `start` is what the thread gets as
 * workerData.
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

  /** `thenRetire` ends the thread once the job is done (a big job leaves its heap grown). */
  run(data: D, options: JobOptions & { thenRetire?: boolean }): Promise<R> {
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

  /** A thread that is stopping takes no further job: the next one starts a new thread. */
  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
  }

  private runNow(data: D, options: JobOptions & { thenRetire?: boolean }): Promise<R> {
    if (this.closed || options.signal.aborted) return Promise.reject(new AppError('CANCELLED'));
    const worker = this.thread();
    const id = this.nextId++;
    const progressGate = newProgressGate(options);
    const job = followJob<R>(
      worker,
      this.name,
      id,
      options,
      (ended) => {
        worker.unref();
        if (ended || options.thenRetire) this.forget(worker);
        if (options.thenRetire) return worker.terminate().then(() => undefined);
      },
      progressGate,
    );
    worker.ref();
    worker.postMessage({ id, data, progressGate });
    return job;
  }
}

function toError(message: { code?: string; message: string }): Error {
  return message.code && (errorCodes as string[]).includes(message.code)
    ? new AppError(message.code as ErrorCode, message.message)
    : new Error(message.message);
}
