import { create } from 'zustand';
import type { UnencodableChar } from '../../../shared/contract/csvJobKinds.ts';
import type { JobState } from '../../../shared/contract/jobs.ts';
import type { ExportEncoding } from '../../../shared/csv/csvFormat.ts';
import { runJob, saveFile } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';
import { formatNumber } from '../format/formatNumber.ts';

export type JobPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface JobView {
  phase: JobPhase;
  progress: JobState['progress'] | null;
  /** Japanese outcome line: what happened, or what went wrong and what to do. */
  message: string | null;
}

export type ExportRecords = 'clinics' | 'inquiries';

export const exportRecordLabels: Record<ExportRecords, string> = { clinics: '医療機関', inquiries: '問い合わせ' };

/** CSV for any program, or an Excel book whose cells are all text (zeros kept). */
export type ExportFormat = 'csv' | 'xlsx';

/** Characters Shift_JIS cannot write, found before anything was saved: the user chooses next. */
export interface PendingExport {
  records: ExportRecords;
  includeArchived: boolean;
  unencodable: UnencodableChar[];
}

interface ClinicsCsvState {
  records: ExportRecords;
  encoding: ExportEncoding;
  format: ExportFormat;
  includeArchived: boolean;
  exportJob: JobView;
  pending: PendingExport | null;
  setRecords(records: ExportRecords): void;
  setEncoding(encoding: ExportEncoding): void;
  setFormat(format: ExportFormat): void;
  setIncludeArchived(includeArchived: boolean): void;
  /** Writes with the chosen options; Shift_JIS stops at characters it cannot write. */
  exportCsv(): Promise<void>;
  /** After the list of unwritable characters: UTF-8 with BOM instead, or 〓 in their place. */
  resolvePending(choice: 'utf8bom' | 'replace'): Promise<void>;
  discardPending(): void;
  cancelExport(): void;
}

const cancelledMessage = '中止しました。';
let exportController: AbortController | null = null;

function outcome(error: unknown, fallback: string): JobView {
  if (error instanceof ApiError && error.isCancelled) return { phase: 'cancelled', progress: null, message: cancelledMessage };
  return { phase: 'failed', progress: null, message: errorMessageOf(error, fallback) };
}

/** CSV export of clinics and inquiries for Excel: a cancellable job with progress. */
export const useClinicsCsvStore = create<ClinicsCsvState>()((set, get) => {
  async function run(records: ExportRecords, includeArchived: boolean, encoding: ExportEncoding, unencodable: 'refuse' | 'replace', format: ExportFormat = 'csv') {
    exportController?.abort();
    const controller = new AbortController();
    exportController = controller;
    set({ exportJob: { phase: 'running', progress: null, message: null }, pending: null });
    try {
      const kind = records === 'clinics' ? 'clinics.exportCsv' : 'inquiries.exportCsv';
      const result = await runJob(kind, { includeArchived, encoding, unencodable, format }, {
        signal: controller.signal,
        onProgress: (job) => set({ exportJob: { phase: 'running', progress: job.progress, message: null } }),
      });
      if (!result.file) {
        set({
          exportJob: { phase: 'idle', progress: null, message: null },
          pending: { records, includeArchived, unencodable: result.unencodable },
        });
        return;
      }
      const saved = await saveFile(result.file);
      const replaced = result.replaced > 0 ? `Shift_JISにない文字${formatNumber(result.replaced)}か所を「〓」に置き換え、最後の列に元の文字を書きました。` : '';
      set({
        exportJob: {
          phase: 'done',
          progress: null,
          message: saved
            ? `${exportRecordLabels[records]}${formatNumber(result.rows)}件を書き出しました（${result.file.name}）。${replaced}`
            : '保存を取りやめました。もう一度書き出すことができます。',
        },
      });
    } catch (error) {
      set({ exportJob: outcome(error, `${format === 'xlsx' ? 'Excelのブック' : 'CSV'}を書き出せませんでした。もう一度お試しください。`) });
    } finally {
      if (exportController === controller) exportController = null;
    }
  }

  return {
    records: 'clinics',
    encoding: 'utf8bom',
    format: 'csv',
    includeArchived: false,
    exportJob: { phase: 'idle', progress: null, message: null },
    pending: null,

    setRecords: (records) => set({ records, pending: null }),
    setEncoding: (encoding) => set({ encoding, pending: null }),
    setFormat: (format) => set({ format, pending: null }),
    setIncludeArchived: (includeArchived) => set({ includeArchived, pending: null }),

    exportCsv() {
      const { records, includeArchived, encoding, format } = get();
      return run(records, includeArchived, encoding, 'refuse', format);
    },

    async resolvePending(choice) {
      const pending = get().pending;
      if (!pending) return;
      if (choice === 'utf8bom') set({ encoding: 'utf8bom' });
      await run(pending.records, pending.includeArchived, choice === 'utf8bom' ? 'utf8bom' : 'shift_jis', choice === 'replace' ? 'replace' : 'refuse');
    },

    discardPending: () => set({ pending: null }),

    cancelExport() {
      exportController?.abort();
    },
  };
});
