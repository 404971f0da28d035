import type { ContractBridge } from '../../../shared/contract/bridge.ts';
import { contract, type Channel, type ChannelInput, type ChannelResult } from '../../../shared/contract/channels.ts';
import type { Envelope } from '../../../shared/contract/envelope.ts';
import type { ContractEvent } from '../../../shared/contract/events.ts';
import type { FilePurpose, FileRef } from '../../../shared/contract/files.ts';
import {
  jobKinds,
  type JobInput,
  type JobKind,
  type JobResult,
  type JobStart,
  type JobState,
} from '../../../shared/contract/jobs.ts';
import { errorMessages } from '../../../shared/messages/errors.ts';
import { ApiError } from './ApiError.ts';
import { createHttpBridge, type HttpBridge } from './httpBridge.ts';
import { transportMessages } from './transportMessages.ts';

/** How often a running job is polled in case an event was missed (e.g. the stream reconnected). */
const jobPollIntervalMs = 1000;

let bridge: ContractBridge | null = null;
let httpBridge: HttpBridge | null = null;

/** The desktop preload's bridge when present, else the browser preview's HTTP bridge. */
function getBridge(): ContractBridge {
  if (!bridge) {
    if (window.cyberCounter) bridge = window.cyberCounter;
    else bridge = httpBridge = createHttpBridge();
  }
  return bridge;
}

/** True in the Electron window, false in the browser preview. */
export function isDesktop(): boolean {
  return window.cyberCounter !== undefined;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.result;
}

/** Calls one contract channel; throws ApiError with a Japanese message on failure. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = unwrap(await getBridge().call(channel, input));
  const parsed = contract[channel].output.safeParse(result);
  if (!parsed.success) throw new ApiError({ code: 'INTERNAL', message: transportMessages.badResponse });
  return parsed.data as ChannelResult<C>;
}

export interface RunJobOptions {
  onProgress?: (job: JobState) => void;
  /** Aborting asks the job to stop; runJob then rejects with an ApiError whose code is CANCELLED. */
  signal?: AbortSignal;
}

const cancelledError = () => new ApiError({ code: 'CANCELLED', message: errorMessages.CANCELLED });

/**
 * Starts a job and follows it to the end through events, with polling as a fallback.
 * Resolves with the job's validated result.
 */
export function runJob<K extends JobKind>(kind: K, input: JobInput<K>, options: RunJobOptions = {}): Promise<JobResult<K>> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError());

  return new Promise<JobResult<K>>((resolve, reject) => {
    let jobId: string | null = null;
    let settled = false;
    // Events can arrive before jobs.start answers; keep them until the id is known.
    const early = new Map<string, JobState>();
    let pollTimer: ReturnType<typeof setInterval> | undefined;

    const cleanUp = () => {
      settled = true;
      unsubscribe();
      clearInterval(pollTimer);
      signal?.removeEventListener('abort', onAbort);
    };

    const fail = (error: unknown) => {
      if (settled) return;
      cleanUp();
      reject(error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: errorMessages.INTERNAL }));
    };

    const handle = (job: JobState) => {
      if (settled) return;
      if (job.state === 'running') {
        onProgress?.(job);
        return;
      }
      onProgress?.(job);
      if (job.state === 'succeeded') {
        const parsed = jobKinds[kind].result.safeParse(job.result);
        cleanUp();
        if (parsed.success) resolve(parsed.data as JobResult<K>);
        else reject(new ApiError({ code: 'INTERNAL', message: transportMessages.jobResultInvalid }));
      } else if (job.state === 'cancelled') {
        cleanUp();
        reject(cancelledError());
      } else {
        cleanUp();
        reject(new ApiError(job.error ?? { code: 'INTERNAL', message: errorMessages.INTERNAL }));
      }
    };

    const unsubscribe = getBridge().onEvent((event) => {
      if (event.type !== 'job') return;
      if (jobId === null) early.set(event.job.jobId, event.job);
      else if (event.job.jobId === jobId) handle(event.job);
    });

    function onAbort() {
      if (settled) return;
      if (jobId === null) return; // start() cancels as soon as the id is known.
      const id = jobId;
      call('jobs.cancel', { jobId: id }).then(handle, fail);
    }
    signal?.addEventListener('abort', onAbort);

    const start = { kind, input } as JobStart;
    call('jobs.start', start).then((job) => {
      if (settled) return;
      jobId = job.jobId;
      if (signal?.aborted) {
        onAbort();
        return;
      }
      handle(early.get(job.jobId) ?? job);
      early.clear();
      if (settled) return;
      pollTimer = setInterval(() => {
        if (settled || jobId === null) return;
        call('jobs.get', { jobId }).then(handle, (error: unknown) => {
          // A job the host forgot cannot finish any more; anything else may be a passing hiccup.
          if (error instanceof ApiError && error.code === 'JOB_NOT_FOUND') fail(error);
        });
      }, jobPollIntervalMs);
    }, fail);
  });
}

/** Asks the user for a file; null when they dismiss the picker. */
export async function openFile(purpose: FilePurpose): Promise<FileRef | null> {
  return unwrap(await getBridge().openFile({ purpose }));
}

/** Lets the user keep a file a job produced (save dialog on desktop, download in the browser). */
export async function saveFile(file: FileRef): Promise<boolean> {
  return unwrap(await getBridge().saveFile({ fileId: file.fileId })).saved;
}

/** The bytes of a file the main process made, to show it in the window (the PDF preview). */
export async function readFile(file: FileRef): Promise<Uint8Array> {
  return unwrap(await getBridge().readFile({ fileId: file.fileId }));
}

/** True where 「印刷」 can reach the system's printers (the desktop app). */
export function canPrint(): boolean {
  return getBridge().printFile !== undefined;
}

/** Opens a PDF in the system's viewer to print it; desktop only (see canPrint). */
export async function printFile(file: FileRef): Promise<void> {
  const print = getBridge().printFile;
  if (!print) throw new ApiError({ code: 'UNAVAILABLE', message: 'この画面からは印刷できません。「PDFを保存」で保存してから印刷してください。' });
  unwrap(await print({ fileId: file.fileId }));
}

/** Events the main process pushes (job progress, the background database check). */
export function onContractEvent(listener: (event: ContractEvent) => void): () => void {
  return getBridge().onEvent(listener);
}

/**
 * Called after the preview's event stream reconnected (events may have been missed). The desktop
 * window's IPC does not drop events; after a reload its page starts afresh anyway.
 */
export function onEventsReconnected(listener: () => void): () => void {
  getBridge();
  return httpBridge?.onReconnect(listener) ?? (() => {});
}
