import { create } from 'zustand';
import type { FileRef } from '../../../shared/contract/files.ts';
import type { JobState } from '../../../shared/contract/jobs.ts';
import { documentKindNames, type DocumentKind, documentKinds } from '../../../shared/documents/documentKinds.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import type { Inquiry } from '../../../shared/domain/inquiry.ts';
import { call, readFile, runJob, saveFile } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';

const clinicSearchLimit = 20;

export type PrintPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The PDF the last 「PDFを作成」 made, with what it was made for (shown beside the preview). */
export interface PrintResult {
  file: FileRef;
  /** The bytes for the in-app preview; null when this window cannot read them (then: save and open). */
  bytes: Uint8Array | null;
}

interface PrintState {
  document: DocumentKind;
  clinic: Clinic | null;
  /** The chosen clinic's inquiries; null while not loaded. */
  inquiries: Inquiry[] | null;
  inquiriesError: string | null;
  /** '' = the clinic only, without a 受付番号. */
  inquiryId: string;
  phase: PrintPhase;
  progress: JobState['progress'] | null;
  /** Japanese line about the outcome of making or saving the PDF. */
  message: string | null;
  result: PrintResult | null;
  saving: boolean;
  /** Japanese line about the last 「PDFを保存」. */
  saveMessage: string | null;
  chooseDocument(kind: DocumentKind): void;
  chooseClinic(clinic: Clinic): void;
  clearClinic(): void;
  chooseInquiry(inquiryId: string): void;
  searchClinics(query: string): Promise<{ items: Clinic[]; total: number; capped: boolean }>;
  render(): Promise<void>;
  cancel(): void;
  save(): Promise<void>;
}

// The abort controller is not state to render, so it lives beside the store.
let renderController: AbortController | null = null;
// Inquiry lists that arrive after the clinic changed again are dropped.
let inquiriesTicket = 0;

/** The 印刷 screen: which document, for which clinic or inquiry, the job that makes it, and the result. */
export const usePrintStore = create<PrintState>()((set, get) => {
  /** Any change to what is asked for makes the shown PDF stale, so it goes. */
  const forgetResult = () => {
    renderController?.abort();
    renderController = null;
    set({ result: null, phase: 'idle', progress: null, message: null, saveMessage: null });
  };

  return {
    document: documentKindNames[0] ?? 'inquiryFaxSheet',
    clinic: null,
    inquiries: null,
    inquiriesError: null,
    inquiryId: '',
    phase: 'idle',
    progress: null,
    message: null,
    result: null,
    saving: false,
    saveMessage: null,

    chooseDocument(kind) {
      if (kind === get().document) return;
      set({ document: kind });
      forgetResult();
    },

    chooseClinic(clinic) {
      const ticket = ++inquiriesTicket;
      set({ clinic, inquiries: null, inquiriesError: null, inquiryId: '' });
      forgetResult();
      call('inquiries.list', { clinicId: clinic.id, limit: 100 }).then(
        (r) => {
          if (ticket === inquiriesTicket) set({ inquiries: r.items.filter((i) => i.archivedAt === null) });
        },
        (error: unknown) => {
          if (ticket === inquiriesTicket) {
            set({ inquiries: [], inquiriesError: errorMessageOf(error, '問い合わせの一覧を読み込めませんでした。') });
          }
        },
      );
    },

    clearClinic() {
      ++inquiriesTicket;
      set({ clinic: null, inquiries: null, inquiriesError: null, inquiryId: '' });
      forgetResult();
    },

    chooseInquiry(inquiryId) {
      set({ inquiryId });
      forgetResult();
    },

    searchClinics(query) {
      return call('clinics.search', { query, limit: clinicSearchLimit, includeArchived: false });
    },

    async render() {
      renderController?.abort();
      const controller = new AbortController();
      renderController = controller;
      const { document, clinic, inquiryId } = get();
      set({ phase: 'running', progress: null, message: null, result: null, saveMessage: null });
      try {
        const { file } = await runJob(
          'documents.render',
          // A document that is the same for everyone (the flyer) is never sent a clinic.
          !documentKinds[document].perClinic ? { document } : inquiryId ? { document, inquiryId } : clinic ? { document, clinicId: clinic.id } : { document },
          {
            signal: controller.signal,
            onProgress: (job) => {
              if (renderController === controller) set({ progress: job.progress });
            },
          },
        );
        let bytes: Uint8Array | null = null;
        try {
          bytes = await readFile(file);
        } catch {
          // The PDF exists; only the preview is missing. Saving still works.
        }
        if (renderController !== controller) return;
        set({ phase: 'done', progress: null, result: { file, bytes }, message: null });
      } catch (error) {
        if (renderController !== controller) return;
        if (error instanceof ApiError && error.isCancelled) {
          set({ phase: 'cancelled', progress: null, message: '中止しました。' });
        } else {
          set({
            phase: 'failed',
            progress: null,
            message: errorMessageOf(error, 'PDFを作成できませんでした。もう一度お試しください。'),
          });
        }
      } finally {
        if (renderController === controller) renderController = null;
      }
    },

    cancel() {
      renderController?.abort();
    },

    async save() {
      const result = get().result;
      if (!result || get().saving) return;
      set({ saving: true, saveMessage: null });
      try {
        const saved = await saveFile(result.file);
        set({ saveMessage: saved ? `${result.file.name} を保存しました。` : '保存を取りやめました。' });
      } catch (error) {
        set({ saveMessage: errorMessageOf(error, 'PDFを保存できませんでした。もう一度お試しください。') });
      } finally {
        set({ saving: false });
      }
    },
  };
});
