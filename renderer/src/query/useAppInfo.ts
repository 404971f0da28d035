import { useQuery } from '@tanstack/react-query';
import type { AppInfo } from '../../../shared/contract/channels.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { queries } from './queries.ts';

/** Version, data folder and run mode; the database check and maintenance as the core reports them. */
export function useAppInfo(): { info: AppInfo | null; error: string | null } {
  const { data, error } = useQuery(queries.appInfo());
  return { info: data ?? null, error: error ? errorMessageOf(error, 'アプリの情報を読み込めませんでした。') : null };
}

/** The core's start-up work that holds writes back, or null when writes are accepted. */
export function useMaintenance(): AppInfo['maintenance'] {
  return useAppInfo().info?.maintenance ?? null;
}
