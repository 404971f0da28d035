import type { DocumentKind } from '../../../shared/documents/documentKinds.ts';
import { create } from 'zustand';
import type { FileRef } from '../../../shared/contract/files.ts';
import type { MailingOutcome } from '../../../shared/contract/documentJobKinds.ts';
import type { SentBy } from '../../../shared/documents/documentOutput.ts';
import type { JobInput, JobState } from '../../../shared/contract/jobs.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { readFile, runJob, type RunJobOptions } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';

export type PrintPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The PDF the last 「PDFを作成」 made. */
export interface PrintResult {
  file: FileRef;
  pages: number;
  /** Clinics it was made for (0: blank forms or the flyer alone). */
  clinics: number;
  /** The bytes for the in-app preview; null when they cannot be shown (then: save and open). */
  bytes: Uint8Array | null;
  /** Why there is no preview, when bytes is null (a zip of per-clinic PDFs has none). */
  noPreview: 'tooLarge' | 'unreadable' | 'zip' | null;
  /** The documents asked for, so what follows a save can depend on them (the handover offer). */
  documents?: readonly DocumentKind[];
  /** A mailing's clinics left out or posted instead, to say so. */
  mailing?: MailingOutcome | undefined;
  /** 宛名ラベル that end in 「…」 even at the smallest size, to name them. */
  shortened?: readonly ShortenedLabel[] | undefined;
  /** How a mailing was said to go out when it was made: the 送付方法 it is recorded with unless changed. */
  sentBy?: SentBy | null;
}

interface PrintRenderState {
  phase: PrintPhase;
  progress: JobState['progress'] | null;
  /** Japanese line about the outcome of making the PDF (failed or cancelled). */
  message: string | null;
  result: PrintResult | null;
  /** Field errors of a failed run, keyed as the screen names its fields ("cover.subject", "quoteId"). */
  fieldErrors: Readonly<Record<string, string>>;
  /** Makes the PDF for this input; a run already going is stopped first. */
  render(input: JobInput<'documents.render'>): Promise<void>;
  /** Makes the 宛名ラベル PDF for these clinics; it takes the preview's place like any PDF. */
  renderLabels(input: JobInput<'documents.labels'>): Promise<void>;
  /** Stops a run because staff asked to (中止). */
  cancel(): void;
  /** The request changed: the shown PDF is stale and a running job stops. */
  forget(): void;
  /** The run could not start (the 送付状 needs correcting): say why. */
  refuse(message: string, fieldErrors: Readonly<Record<string, string>>): void;
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key.replace(/^input\./, ''), message]));
}

// The abort controller is not state to render, so it lives beside the store.
let controller: AbortController | null = null;

type SetState = (patch: Partial<PrintRenderState>) => void;
type ShortenedLabel = { clinicId: string; name: string };
type Made = { file: FileRef; pages: number; clinics: number; mailing?: MailingOutcome | undefined; shortened?: readonly ShortenedLabel[] | undefined };

/** Runs one job making the screen's file, with its progress, 中止 and its outcome. */
async function run(set: SetState, start: (options: RunJobOptions) => Promise<Made>, asked: Pick<PrintResult, 'documents' | 'sentBy'>): Promise<void> {
  controller?.abort();
  const own = new AbortController();
  controller = own;
  set({ phase: 'running', progress: null, message: null, result: null, fieldErrors: {} });
  try {
    const made = await start({
      signal: own.signal,
      onProgress: (job) => {
        if (controller === own) set({ progress: job.progress });
      },
    });
    let bytes: Uint8Array | null = null;
    let noPreview: PrintResult['noPreview'] = null;
    // A mailing's PDF can be larger than the window may read; it is saved and opened instead.
    if (made.file.mime !== 'application/pdf') {
      noPreview = 'zip';
    } else if (made.file.size > limits.maxReadBytes) {
      noPreview = 'tooLarge';
    } else {
      try {
        bytes = await readFile(made.file);
      } catch {
        // The PDF exists; only the preview is missing. Saving still works.
        noPreview = 'unreadable';
      }
    }
    if (controller !== own) return;
    set({ phase: 'done', progress: null, result: { ...made, bytes, noPreview, ...asked }, message: null });
  } catch (error) {
    if (controller !== own) return;
    if (error instanceof ApiError && error.isCancelled) {
      set({ phase: 'cancelled', progress: null, message: '中止しました。ファイルは作られていません。' });
    } else {
      set({
        phase: 'failed',
        progress: null,
        fieldErrors: fieldErrorsOf(error),
        message: errorMessageOf(error, 'PDFを作成できませんでした。もう一度お試しください。'),
      });
    }
  } finally {
    if (controller === own) controller = null;
  }
}

/** The job that makes the 印刷 screen's PDF: its progress, its result, 中止. */
export const usePrintRenderStore = create<PrintRenderState>()((set) => ({
  phase: 'idle',
  progress: null,
  message: null,
  result: null,
  fieldErrors: {},

  async render(input) {
    await run(set, (options) => runJob('documents.render', input, options), { documents: input.documents, sentBy: input.mailing?.sentBy ?? null });
  },

  async renderLabels(input) {
    await run(set, (options) => runJob('documents.labels', input, options), {});
  },

  cancel() {
    controller?.abort();
  },

  forget() {
    controller?.abort();
    controller = null;
    set({ result: null, phase: 'idle', progress: null, message: null, fieldErrors: {} });
  },

  refuse(message, fieldErrors) {
    controller?.abort();
    controller = null;
    set({ result: null, phase: 'failed', progress: null, message, fieldErrors });
  },
}));
