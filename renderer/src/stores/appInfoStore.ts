import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/channels.ts';
import { call, onContractEvent } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

/** Version, data folder and run mode, read once at start; the database check as it reports. */
export const useAppInfoStore = create<AppInfoState>()((set, get) => ({
  info: null,
  error: null,
  async load() {
    if (get().info) return;
    followDatabaseCheck();
    try {
      set({ info: await call('app.info', {}), error: null });
    } catch (error) {
      set({ error: errorMessageOf(error, 'アプリの情報を読み込めませんでした。') });
    }
  },
}));

let following = false;

/** The quick_check runs in the background after start; its answer may come after the first load. */
function followDatabaseCheck(): void {
  if (following) return;
  following = true;
  onContractEvent((event) => {
    if (event.type !== 'databaseCheck') return;
    const info = useAppInfoStore.getState().info;
    if (info) useAppInfoStore.setState({ info: { ...info, databaseCheck: event.state } });
  });
}
