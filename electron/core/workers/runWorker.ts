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

function toError(message: { code?: string; message: string }): Error {
  return message.code && (errorCodes as string[]).includes(message.code)
    ? new AppError(message.code as ErrorCode, message.message)
    : new Error(message.message);
}
