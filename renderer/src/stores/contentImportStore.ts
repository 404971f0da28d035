import { create } from 'zustand';
import type { ContentChange, ContentImportPreview, ContentImportRequest } from '../../../shared/content/contentImport.ts';
import type { RateTableImportFields } from '../../../shared/content/rateTableSource.ts';
import type { FileRef } from '../../../shared/contract/files.ts';
import { call, openFile, saveFile } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { askConfirm } from './confirmStore.ts';

interface ContentImportState {
  busy: boolean;
  message: string | null;
  error: string | null;
  /** The chosen file and what it would change, shown beside the current content before accepting. */
  pending: { file: FileRef; request: ContentImportRequest; preview: ContentImportPreview } | null;
  /** Counts installs, so the rate-table form empties once its table is in: the next table has its own document. */
  installs: number;
  saveTemplate(): Promise<void>;
  /** Opens the picker for an official table; the fields were checked whole before this is called. */
  chooseRateTable(fields: RateTableImportFields): Promise<void>;
  choosePack(): Promise<void>;
  /** Adds one of the insurer's PDFs the chosen pack names, and checks the pack again with it. */
  addPackPdf(): Promise<void>;
  accept(): Promise<void>;
  discard(): void;
  revert(change: ContentChange): Promise<void>;
}

/** Official rate tables and new content packs: template, preview, accept with who and when, revert. */
export const useContentImportStore = create<ContentImportState>()((set, get) => {
  const attempt = async (work: () => Promise<void>, fallback: string) => {
    set({ busy: true, error: null, message: null });
    try {
      await work();
    } catch (error) {
      set({ error: errorMessageOf(error, fallback) });
    } finally {
      set({ busy: false });
    }
  };
  const choose = (request: (fileId: string) => ContentImportRequest) =>
    attempt(async () => {
      set({ pending: null });
      const file = await openFile('contentFile');
      if (!file) return;
      const asked = request(file.fileId);
      const preview = await call('content.previewImport', asked);
      set({ pending: { file, request: asked, preview } });
    }, 'ファイルを読み込めませんでした。');
  return {
    busy: false,
    message: null,
    error: null,
    pending: null,
    installs: 0,
    saveTemplate: () =>
      attempt(async () => {
        const file = await call('content.rateTemplate', {});
        if (await saveFile(file)) set({ message: '保険料表のテンプレートを保存しました。Excelで月額保険料を入力し、CSV形式で保存してください。' });
      }, 'テンプレートを保存できませんでした。'),
    chooseRateTable: (fields) => choose((fileId) => ({ kind: 'rates', fileId, ...fields })),
    choosePack: () => choose((fileId) => ({ kind: 'pack', fileId })),
    addPackPdf: () =>
      attempt(async () => {
        const pending = get().pending;
        if (!pending || pending.request.kind !== 'pack') return;
        const pdf = await openFile('contentPdf');
        if (!pdf) return;
        const request = { ...pending.request, pdfFileIds: [...(pending.request.pdfFileIds ?? []), pdf.fileId] };
        const preview = await call('content.previewImport', request);
        set({ pending: { ...pending, request, preview } });
      }, 'PDFを読み込めませんでした。'),
    accept: () =>
      attempt(async () => {
        const pending = get().pending;
        if (!pending) return;
        const change = await call('content.acceptImport', pending.request);
        // The core announces the new content (`changed`), so every screen showing it reads it again.
        set((s) => ({ pending: null, installs: s.installs + 1, message: `「${change.label}」を取り込みました。` }));
      }, '取り込めませんでした。'),
    discard: () => set({ pending: null, message: null }),
    revert: (change) =>
      attempt(async () => {
        if (!(await askConfirm({ message: `「${change.label}」の取り込みを取り消し、前の内容に戻しますか？`, confirmLabel: '取り消して前に戻す', cancelLabel: 'やめる' }))) return;
        await call('content.revert', { changeId: change.id });
        set({ message: `「${change.label}」を取り消しました。前の内容に戻りました。` });
      }, '取り消せませんでした。'),
  };
});
