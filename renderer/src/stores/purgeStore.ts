import { create } from 'zustand';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { retentionMessages } from '../../../shared/messages/retentionMessages.ts';

interface PurgeState {
  busy: boolean;
  message: { text: string; error: boolean } | null;
  purge(): Promise<boolean>;
}

/** 完全削除 of archived records after a backup; what it would remove is a read (queries.purgePreview). */
export const usePurgeStore = create<PurgeState>()((set) => ({
  busy: false,
  message: null,

  async purge() {
    set({ busy: true, message: null });
    try {
      const result = await call('records.purgeArchived', { confirm: true });
      set({
        message: {
          text:
            `医療機関 ${result.clinics}件・問い合わせ ${result.inquiries}件を完全に削除しました。削除前のデータはバックアップ（${result.backup.fileName}）に残っています。` +
            (result.retained.count > 0 && result.retained.earliestEndsOn
              ? `${retentionMessages.retained(result.retained.count, result.retained.years, result.retained.earliestEndsOn)}。`
              : ''),
          error: false,
        },
      });
      return true;
    } catch (error) {
      set({ message: { text: errorMessageOf(error, '完全削除できませんでした。データは変わっていません。'), error: true } });
      return false;
    } finally {
      set({ busy: false });
    }
  },
}));
