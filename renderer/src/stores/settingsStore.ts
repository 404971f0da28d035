import { create } from 'zustand';
import type { Settings } from '../../../shared/domain/settings.ts';
import type { ChannelInput } from '../../../shared/contract/channels.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

interface SettingsState {
  settings: Settings | null;
  error: string | null;
  /** Reads the settings once; later calls are no-ops unless `force`. */
  load(force?: boolean): Promise<void>;
  /** Saves part of the settings; throws ApiError so the form can show field errors. */
  update(patch: ChannelInput<'settings.update'>): Promise<Settings>;
}

let loading: Promise<void> | null = null;

/** Settings kept on this machine: 受付番号の記号, the staff member at this counter, date style. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  error: null,
  load(force = false) {
    if (get().settings && !force) return Promise.resolve();
    loading ??= (async () => {
      try {
        set({ settings: await call('settings.get', {}), error: null });
      } catch (error) {
        set({ error: errorMessageOf(error, '設定を読み込めませんでした。') });
      } finally {
        loading = null;
      }
    })();
    return loading;
  },
  async update(patch) {
    const settings = await call('settings.update', patch);
    set({ settings, error: null });
    return settings;
  },
}));
