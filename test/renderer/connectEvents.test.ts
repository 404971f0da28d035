import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract/channels.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import { connectEvents, type CoreEventSource } from '../../renderer/src/query/connectEvents.ts';
import { createQueryClient } from '../../renderer/src/query/queryClient.ts';
import { queryKeys } from '../../renderer/src/query/queryKeys.ts';

/** The transport's side: events and reconnects pushed by hand, as the IPC or SSE bridge would. */
function eventSource() {
  const listeners = new Set<(event: ContractEvent) => void>();
  const reconnects = new Set<() => void>();
  const source: CoreEventSource = {
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnects.add(listener);
      return () => reconnects.delete(listener);
    },
  };
  return {
    source,
    push: (event: ContractEvent) => listeners.forEach((listener) => listener(event)),
    reconnect: () => reconnects.forEach((listener) => listener()),
  };
}

/** A read shown on screen: an observer keeps it active, and every fetch is counted. */
function shownRead(client: QueryClient, queryKey: readonly unknown[]) {
  let fetches = 0;
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: () => ++fetches,
    staleTime: Infinity,
  });
  const unsubscribe = observer.subscribe(() => {});
  return { fetches: () => fetches, unsubscribe };
}

const settled = (client: QueryClient) =>
  new Promise<void>((resolve) => {
    const check = () => (client.isFetching() === 0 ? resolve() : setTimeout(check, 1));
    check();
  });

let client: QueryClient;
afterEach(() => client.clear());

describe('screens refreshed by the core', () => {
  it('a changed event reads again what shows its areas, once, and leaves the rest', async () => {
    client = createQueryClient();
    const events = eventSource();
    connectEvents(client, events.source);
    const list = shownRead(client, queryKeys.clinicSearch({ query: '', limit: 100, includeArchived: false }));
    const home = shownRead(client, queryKeys.home());
    const settings = shownRead(client, queryKeys.settings());
    await settled(client);
    expect([list.fetches(), home.fetches(), settings.fetches()]).toEqual([1, 1, 1]);

    events.push({ type: 'changed', areas: ['clinics'] });
    await settled(client);

    expect([list.fetches(), home.fetches(), settings.fetches()]).toEqual([2, 2, 1]);
  });

  it('a read not on screen is only marked stale, and read again when it is shown', async () => {
    client = createQueryClient();
    const events = eventSource();
    connectEvents(client, events.source);
    client.setQueryData(queryKeys.inquiry('i1'), { cached: true });

    events.push({ type: 'changed', areas: ['inquiries'] });

    expect(client.getQueryState(queryKeys.inquiry('i1'))?.isInvalidated).toBe(true);
    expect(client.getQueryData(queryKeys.inquiry('i1'))).toEqual({ cached: true });
  });

  it('after the event stream reconnects, everything shown is read again', async () => {
    client = createQueryClient();
    const events = eventSource();
    connectEvents(client, events.source);
    const settings = shownRead(client, queryKeys.settings());
    const backups = shownRead(client, queryKeys.backups());
    await settled(client);

    events.reconnect();
    await settled(client);

    expect([settings.fetches(), backups.fetches()]).toEqual([2, 2]);
  });

  it('maintenance progress and the database check update app info in place, without a read', () => {
    client = createQueryClient();
    const events = eventSource();
    connectEvents(client, events.source);
    const info: AppInfo = {
      version: '0.1.0',
      mode: 'preview',
      machineId: 'm',
      dataDir: '/data',
      schemaVersion: 6,
      databaseCheck: 'pending',
      maintenance: null,
    };
    client.setQueryData(queryKeys.appInfo(), info);

    events.push({ type: 'maintenance', state: { task: 'searchIndex', done: 10, total: 200 } });
    events.push({ type: 'databaseCheck', state: 'ok' });
    expect(client.getQueryData<AppInfo>(queryKeys.appInfo())).toMatchObject({
      maintenance: { done: 10, total: 200 },
      databaseCheck: 'ok',
    });

    events.push({ type: 'maintenance', state: null });
    expect(client.getQueryData<AppInfo>(queryKeys.appInfo())?.maintenance).toBeNull();
  });

  it('once disconnected, events no longer touch the cache', async () => {
    client = createQueryClient();
    const events = eventSource();
    const disconnect = connectEvents(client, events.source);
    const home = shownRead(client, queryKeys.home());
    await settled(client);

    disconnect();
    events.push({ type: 'changed', areas: ['inquiries'] });
    await settled(client);

    expect(home.fetches()).toBe(1);
  });
});
