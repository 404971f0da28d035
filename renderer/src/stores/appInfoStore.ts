import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/channels.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

/** Version, data folder and run mode, read once at start. */
export const useAppInfoStore = create<AppInfoState>()((set, get) => ({
  info: null,
  error: null,
  async load() {
    if (get().info) return;
    try {
      set({ info: await call('app.info', {}), error: null });
    } catch (error) {
      set({ error: errorMessageOf(error, 'アプリの情報を読み込めませんでした。') });
    }
  },
}));
