import { create } from 'zustand';
import type { JobResult, JobState } from '../../../shared/contract/jobs.ts';
import { openFile, runJob, saveFile } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';
import { formatNumber } from '../format/formatNumber.ts';
import { useClinicsStore } from './clinicsStore.ts';

export type JobPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface JobView {
  phase: JobPhase;
  progress: JobState['progress'] | null;
  /** Japanese outcome line: what happened, or what went wrong and what to do. */
  message: string | null;
}

const idle: JobView = { phase: 'idle', progress: null, message: null };
const cancelledMessage = '中止しました。';

interface ClinicsCsvState {
  exportJob: JobView;
  importJob: JobView;
  importResult: JobResult<'clinics.importCsv'> | null;
  exportCsv(): Promise<void>;
  importCsv(): Promise<void>;
  cancelExport(): void;
  cancelImport(): void;
}

// Abort controllers are not state to render, so they live beside the store.
let exportController: AbortController | null = null;
let importController: AbortController | null = null;

function outcome(error: unknown, fallback: string): JobView {
  if (error instanceof ApiError && error.isCancelled) return { phase: 'cancelled', progress: null, message: cancelledMessage };
  return { phase: 'failed', progress: null, message: errorMessageOf(error, fallback) };
}

/** CSV export and import of the clinic list, each a cancellable job with progress. */
export const useClinicsCsvStore = create<ClinicsCsvState>()((set) => ({
  exportJob: idle,
  importJob: idle,
  importResult: null,

  async exportCsv() {
    exportController?.abort();
    const controller = new AbortController();
    exportController = controller;
    set({ exportJob: { phase: 'running', progress: null, message: null } });
    try {
      const result = await runJob('clinics.exportCsv', { includeArchived: false }, {
        signal: controller.signal,
        onProgress: (job) => set({ exportJob: { phase: 'running', progress: job.progress, message: null } }),
      });
      const saved = await saveFile(result.file);
      set({
        exportJob: {
          phase: 'done',
          progress: null,
          message: saved
            ? `${formatNumber(result.rows)}件を書き出しました（${result.file.name}）。`
            : '保存を取りやめました。もう一度書き出すことができます。',
        },
      });
    } catch (error) {
      set({ exportJob: outcome(error, 'CSVを書き出せませんでした。もう一度お試しください。') });
    } finally {
      if (exportController === controller) exportController = null;
    }
  },

  async importCsv() {
    let file;
    try {
      file = await openFile('clinicsCsv');
    } catch (error) {
      set({ importJob: outcome(error, 'ファイルを読み込めませんでした。'), importResult: null });
      return;
    }
    if (!file) return;
    importController?.abort();
    const controller = new AbortController();
    importController = controller;
    set({ importJob: { phase: 'running', progress: null, message: null }, importResult: null });
    try {
      const result = await runJob('clinics.importCsv', { fileId: file.fileId }, {
        signal: controller.signal,
        onProgress: (job) => set({ importJob: { phase: 'running', progress: job.progress, message: null } }),
      });
      set({
        importJob: {
          phase: 'done',
          progress: null,
          message:
            `${file.name} から${formatNumber(result.imported)}件を取り込みました。` +
            (result.problems.length > 0
              ? `取り込めなかった行が${formatNumber(result.problems.length)}行あります。下の表で理由を確認してください。`
              : ''),
        },
        importResult: result,
      });
      void useClinicsStore.getState().search();
    } catch (error) {
      set({ importJob: outcome(error, 'CSVを取り込めませんでした。ファイルの内容を確認してください。') });
    } finally {
      if (importController === controller) importController = null;
    }
  },

  cancelExport() {
    exportController?.abort();
  },
  cancelImport() {
    importController?.abort();
  },
}));
