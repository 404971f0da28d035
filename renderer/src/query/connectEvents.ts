import type { QueryClient } from '@tanstack/react-query';
import type { AppInfo } from '../../../shared/contract/channels.ts';
import type { ContractEvent } from '../../../shared/contract/events.ts';
import { queryKeys } from './queryKeys.ts';
import { staleRoots } from './staleRoots.ts';

/** Where the window hears from the core: its pushed events, and a signal after the stream reconnects. */
export interface CoreEventSource {
  onEvent(listener: (event: ContractEvent) => void): () => void;
  /** Called after the event stream came back; events sent while it was down are lost. */
  onReconnect(listener: () => void): () => void;
}

/**
 * Keeps the query cache in step with the core: a `changed` event marks the reads of its areas
 * stale (shown ones refetch at once), a reconnect marks everything stale, and the database check
 * and maintenance progress update app info in place. Returns the way to stop listening.
 */
export function connectEvents(client: QueryClient, source: CoreEventSource): () => void {
  const patchAppInfo = (patch: Partial<AppInfo>) =>
    client.setQueryData<AppInfo>(queryKeys.appInfo(), (info) => (info ? { ...info, ...patch } : info));

  const stopEvents = source.onEvent((event) => {
    if (event.type === 'changed') {
      for (const root of staleRoots(event.areas)) void client.invalidateQueries({ queryKey: [root] });
    } else if (event.type === 'maintenance') {
      patchAppInfo({ maintenance: event.state });
    } else if (event.type === 'databaseCheck') {
      patchAppInfo({ databaseCheck: event.state });
    } else if (event.type === 'sync') {
      client.setQueryData(queryKeys.syncStatus(), event.status);
    }
  });
  const stopReconnect = source.onReconnect(() => void client.invalidateQueries());
  return () => {
    stopEvents();
    stopReconnect();
  };
}
