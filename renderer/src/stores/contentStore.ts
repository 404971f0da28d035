import { create } from 'zustand';
import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../../shared/content/rateTableSchema.ts';
import type { ChannelResult } from '../../../shared/contract/channels.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';

type ContentProblem = ChannelResult<'content.get'>['problems'][number];

interface ContentState {
  pack: ContentPack | null;
  rates: RateTable | null;
  /** Content files the main process skipped because they failed validation. */
  problems: ContentProblem[];
  error: string | null;
  /** Reads the content pack and the rate table once; later calls are no-ops unless `force`. */
  load(force?: boolean): Promise<void>;
}

let loading: Promise<void> | null = null;
// Only the newest request may write: a forced reload must not be answered by an older one.
let ticket = 0;

/** The approved flyer's text and the premium table: the only source of what the app says about the product. */
export const useContentStore = create<ContentState>()((set, get) => ({
  pack: null,
  rates: null,
  problems: [],
  error: null,
  load(force = false) {
    if (get().pack && !force) return Promise.resolve();
    if (loading && !force) return loading;
    const mine = ++ticket;
    const request: Promise<void> = (async () => {
      try {
        const { pack, rates, problems } = await call('content.get', {});
        if (mine === ticket) set({ pack, rates, problems, error: null });
      } catch (error) {
        if (mine === ticket) set({ error: errorMessageOf(error, '商品の説明と保険料表を読み込めませんでした。') });
      } finally {
        if (ticket === mine) loading = null;
      }
    })();
    loading = request;
    return request;
  },
}));
