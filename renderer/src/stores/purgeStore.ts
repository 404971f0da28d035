import { create } from 'zustand';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface PurgeCounts {
  clinics: number;
  inquiries: number;
  keptClinics: number;
}

interface PurgeState {
  preview: PurgeCounts | null;
  busy: boolean;
  message: { text: string; error: boolean } | null;
  load(): Promise<void>;
  purge(): Promise<boolean>;
}

/** 完全削除 of archived records: what it would remove, and doing it after a backup. */
export const usePurgeStore = create<PurgeState>()((set, get) => ({
  preview: null,
  busy: false,
  message: null,

  async load() {
    try {
      set({ preview: await call('records.purgePreview', {}) });
    } catch (error) {
      set({ message: { text: errorMessageOf(error, '件数を読み込めませんでした。'), error: true } });
    }
  },

  async purge() {
    set({ busy: true, message: null });
    try {
      const result = await call('records.purgeArchived', { confirm: true });
      set({
        message: {
          text: `医療機関 ${result.clinics}件・問い合わせ ${result.inquiries}件を完全に削除しました。削除前のデータはバックアップ（${result.backup.fileName}）に残っています。`,
          error: false,
        },
      });
      await get().load();
      return true;
    } catch (error) {
      set({ message: { text: errorMessageOf(error, '完全削除できませんでした。データは変わっていません。'), error: true } });
      return false;
    } finally {
      set({ busy: false });
    }
  },
}));
