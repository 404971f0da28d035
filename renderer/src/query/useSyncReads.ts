import { useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelResult } from '../../../shared/contract/channels.ts';
import type { SyncNotice, SyncStatus } from '../../../shared/domain/sync.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { queries } from './queries.ts';
import { queryClient } from './queryClientInstance.ts';
import { queryKeys, type SyncNoticesInput } from './queryKeys.ts';

/** Sharing with the other machines through the office hub, as the indicator and 設定 show it. */
export function useSyncStatus(): { status: SyncStatus | null; error: string | null } {
  const { data, error } = useQuery(queries.syncStatus());
  return { status: data ?? null, error: error ? errorMessageOf(error, '同期の状態を読み込めませんでした。') : null };
}

/** Conflict notices of one record (its badge) or of all records (設定 → 同期). */
export function useSyncNotices(input: SyncNoticesInput): { items: SyncNotice[]; loaded: boolean; error: string | null } {
  const { data, error } = useQuery(queries.syncNotices(input));
  return { items: data ?? [], loaded: data !== undefined, error: error ? errorMessageOf(error, '同期のお知らせを読み込めませんでした。') : null };
}

/** Shows the status the core answered at once; the `changed` event refreshes the rest. */
const showing = (status: SyncStatus) => {
  queryClient.setQueryData(queryKeys.syncStatus(), status);
  return status;
};

/** 接続を確認: saves nothing. */
export const checkHub = (access: ChannelInput<'sync.checkHub'>): Promise<ChannelResult<'sync.checkHub'>> => call('sync.checkHub', access);
/** 照合してまとめる: what joining would combine; saves nothing. */
export const previewJoin = (access: ChannelInput<'sync.joinPreview'>): Promise<ChannelResult<'sync.joinPreview'>> => call('sync.joinPreview', access);
/** 参加する: the status is shown at once; what a combining join merged goes back to the form. */
export const joinSharing = async (input: ChannelInput<'sync.join'>): Promise<ChannelResult<'sync.join'>> => {
  const { combined, ...status } = await call('sync.join', input);
  return { ...showing(status), ...(combined ? { combined } : {}) };
};
export const leaveSharing = async () => showing(await call('sync.leave', {}));
export const syncNow = async () => showing(await call('sync.now', {}));
export const putBackNotice = (noticeId: string) => call('sync.putBack', { noticeId });
export const dismissNotice = (noticeId: string) => call('sync.dismissNotice', { noticeId });
