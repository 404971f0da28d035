import { create } from 'zustand';
import type { FileRef } from '../../../shared/contract/files.ts';
import type { JobResult } from '../../../shared/contract/jobs.ts';
import type { ClinicImportField, ClinicMatchAction, ColumnMapping } from '../../../shared/domain/clinicCsvImport.ts';
import { openFile, runJob, saveFile } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';
import { formatNumber } from '../format/formatNumber.ts';
import type { JobView } from './clinicsCsvStore.ts';

export type ImportPreview = JobResult<'clinics.previewImport'>;
export type ImportResult = JobResult<'clinics.importCsv'>;

interface ClinicsImportState {
  /** The list being looked at; null before a file is chosen and after 取り込む or やめる. */
  file: FileRef | null;
  preview: ImportPreview | null;
  mapping: ColumnMapping;
  onMatch: ClinicMatchAction;
  /** Staff accepted the preview's suggested 種別 (a name with 病院 stored as 病院); off for each new file. */
  acceptSuggestedKinds: boolean;
  /** An Excel book's sheet chosen by staff; undefined: the first visible one. */
  sheet: string | undefined;
  /** The header row chosen by staff; undefined: the one the reader found. */
  headerRow: number | undefined;
  /** Reading the file (preview) or importing it, with progress and an outcome line. */
  job: JobView;
  running: 'preview' | 'import' | null;
  result: ImportResult | null;
  chooseFile(): Promise<void>;
  setColumn(column: number, field: ClinicImportField | ''): void;
  setOnMatch(action: ClinicMatchAction): void;
  setAcceptSuggestedKinds(accept: boolean): void;
  /** Another sheet or header row means other columns: the mapping is suggested afresh. */
  setSheet(sheet: string): void;
  setHeaderRow(row: number): void;
  runImport(): Promise<void>;
  cancel(): void;
  discard(): void;
  saveErrors(): Promise<void>;
}

const idle: JobView = { phase: 'idle', progress: null, message: null };
let controller: AbortController | null = null;

function failure(error: unknown, fallback: string): JobView {
  if (error instanceof ApiError && error.isCancelled) return { phase: 'cancelled', progress: null, message: '中止しました。何も取り込んでいません。' };
  return { phase: 'failed', progress: null, message: errorMessageOf(error, fallback) };
}

function outcomeLine(name: string, r: ImportResult): string {
  const parts = [`${name} から${formatNumber(r.imported)}件を取り込みました`];
  if (r.updated > 0) parts.push(`${formatNumber(r.updated)}件を更新しました`);
  const line = `${parts.join('、')}。`;
  return r.rejected > 0 ? `${line}問題のある${formatNumber(r.rejected)}行は取り込んでいません。` : line;
}

/** 名簿の取り込み: choose an Excel book or a CSV, check and fix the column mapping in a preview, then 取り込む. */
export const useClinicsImportStore = create<ClinicsImportState>()((set, get) => {
  /** Reads the file again with the current choices; an older reading still running is dropped. */
  async function refreshPreview(mapping: ColumnMapping | undefined) {
    const { file, onMatch, sheet, headerRow, acceptSuggestedKinds } = get();
    if (!file) return;
    controller?.abort();
    const own = new AbortController();
    controller = own;
    set({ running: 'preview', job: { phase: 'running', progress: null, message: null } });
    try {
      const source = { ...(sheet !== undefined ? { sheet } : {}), ...(headerRow !== undefined ? { headerRow } : {}) };
      const preview = await runJob('clinics.previewImport', { fileId: file.fileId, onMatch, acceptSuggestedKinds, ...source, ...(mapping ? { mapping } : {}) }, {
        signal: own.signal,
        onProgress: (job) => set({ job: { phase: 'running', progress: job.progress, message: null } }),
      });
      if (controller !== own) return;
      set({ preview, mapping: preview.mapping, job: idle, running: null });
    } catch (error) {
      if (controller !== own) return;
      // A file that cannot be read at all has nothing to preview.
      const view = failure(error, 'ファイルを読み込めませんでした。ファイルの内容を確認してください。');
      set(get().preview ? { job: view, running: null } : { job: view, running: null, file: null });
    } finally {
      if (controller === own) controller = null;
    }
  }

  return {
    file: null,
    preview: null,
    mapping: [],
    onMatch: 'skip',
    acceptSuggestedKinds: false,
    sheet: undefined,
    headerRow: undefined,
    job: idle,
    running: null,
    result: null,

    async chooseFile() {
      let file: FileRef | null;
      try {
        file = await openFile('clinicsCsv');
      } catch (error) {
        set({ job: failure(error, 'ファイルを読み込めませんでした。') });
        return;
      }
      if (!file) return;
      set({ file, preview: null, mapping: [], sheet: undefined, headerRow: undefined, acceptSuggestedKinds: false, result: null, job: idle });
      await refreshPreview(undefined);
    },

    setColumn(column, field) {
      // One field, one column: choosing a field moves it here from the column that had it.
      const mapping = get().mapping.map((f, i) => (i === column ? field : f === field && field !== '' ? '' : f));
      set({ mapping });
      void refreshPreview(mapping);
    },

    setSheet(sheet) {
      set({ sheet, headerRow: undefined, mapping: [] });
      void refreshPreview(undefined);
    },

    setHeaderRow(headerRow) {
      set({ headerRow, mapping: [] });
      void refreshPreview(undefined);
    },

    setOnMatch(onMatch) {
      set({ onMatch });
      void refreshPreview(get().mapping);
    },

    setAcceptSuggestedKinds(acceptSuggestedKinds) {
      set({ acceptSuggestedKinds });
      void refreshPreview(get().mapping);
    },

    async runImport() {
      const { file, mapping, onMatch, preview, acceptSuggestedKinds } = get();
      if (!file) return;
      controller?.abort();
      const own = new AbortController();
      controller = own;
      set({ running: 'import', job: { phase: 'running', progress: null, message: null } });
      try {
        // The sheet and header row the preview showed, so what is imported is what was checked.
        const source = { ...(preview?.book ? { sheet: preview.book.sheet } : {}), ...(preview ? { headerRow: preview.headerRow } : {}) };
        const result = await runJob('clinics.importCsv', { fileId: file.fileId, mapping, onMatch, acceptSuggestedKinds, ...source }, {
          signal: own.signal,
          onProgress: (job) => set({ job: { phase: 'running', progress: job.progress, message: null } }),
        });
        set({ result, file: null, preview: null, running: null, job: { phase: 'done', progress: null, message: outcomeLine(file.name, result) } });
      } catch (error) {
        set({ running: null, job: failure(error, '名簿を取り込めませんでした。ファイルの内容を確認してください。') });
      } finally {
        if (controller === own) controller = null;
      }
    },

    cancel() {
      controller?.abort();
    },

    discard() {
      controller?.abort();
      set({ file: null, preview: null, mapping: [], job: idle, running: null });
    },

    async saveErrors() {
      const file = get().result?.errorsFile;
      if (!file) return;
      try {
        await saveFile(file);
      } catch (error) {
        set({ job: failure(error, '取り込めなかった行のファイルを保存できませんでした。') });
      }
    },
  };
});
