import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../shared/contract/events.ts';
import type { SyncStatus } from '../../shared/domain/sync.ts';
import { connectEvents } from '../../renderer/src/query/connectEvents.ts';
import { createQueryClient } from '../../renderer/src/query/queryClient.ts';
import { queryKeys } from '../../renderer/src/query/queryKeys.ts';
import { staleRoots } from '../../renderer/src/query/staleRoots.ts';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  state: 'synced',
  hubUrl: 'https://office-hub:6984/cyber-counter',
  user: 'counter-pc-1',
  lastSyncedAt: '2026-12-03T01:00:00.000Z',
  joinedAt: '2026-12-01T01:00:00.000Z',
  unsent: 0,
  clockOffsetMs: 0,
  openNotices: 0,
  message: null,
  ...patch,
});

describe('the sync indicator kept fresh by the core', () => {
  it('a sync event changes the status the indicator shows at once, without asking the core', async () => {
    const client = createQueryClient();
    let push: (event: ContractEvent) => void = () => {};
    connectEvents(client, { onEvent: (listener) => ((push = listener), () => {}), onReconnect: () => () => {} });
    let fetches = 0;
    const observer = new QueryObserver(client, { queryKey: queryKeys.syncStatus(), queryFn: () => (fetches++, status({})), staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    push({ type: 'sync', status: status({ state: 'unreachable', unsent: 3, message: '共有サーバーに接続できません。' }) });
    expect(client.getQueryData(queryKeys.syncStatus())).toMatchObject({ state: 'unreachable', unsent: 3 });
    expect(fetches).toBe(1);
    unsubscribe();
    client.clear();
  });

  it('a renamed clinic or staff member refreshes the notices that name them', () => {
    expect(staleRoots(['clinics'])).toContain('sync');
    expect(staleRoots(['staff'])).toContain('sync');
    expect(staleRoots(['settings'])).not.toContain('sync');
  });
});
