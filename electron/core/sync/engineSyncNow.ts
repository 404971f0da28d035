/**
 * 今すぐ同期: one full round whatever live replication's back-off (outbox to store, store to
 * hub, hub to store, store to SQLite), after a rebuild still waiting for the hub is tried again.
 */
import { startOrRebuild } from './engineStart.ts';
import type { EngineState } from './engineState.ts';
import { rebuildPending } from './storeRebuild.ts';

export async function syncNow(state: EngineState): Promise<void> {
  const { db, log } = state.options;
  if (!state.hub || state.closed) return;
  await state.rebuilt;
  if (!state.rebuilding && rebuildPending(db)) {
    // A rebuild waiting for the hub is tried now rather than at its next turn.
    clearTimeout(state.rebuildRetry);
    state.rebuilt = startOrRebuild(state, state.hub);
    await state.rebuilt;
  }
  if (!state.hub || rebuildPending(db)) return;
  const remote = state.hubDbFor(state.hub);
  try {
    // Its answer measures the clock, before anything is stamped.
    await remote.info();
    state.request({ drain: true });
    await state.settle();
    if (!state.link.updateApp) {
      await state
        .localStore()
        .replicate.to(remote, { batch_size: 200 })
        .on('change', (info) => state.confirmPushed(info.docs ?? []));
    }
    await state.localStore().replicate.from(remote, { batch_size: 200 });
    if (state.link.failure === 'unreachable') state.link.failure = null;
    state.synced();
  } catch (error) {
    log.warn('sync: round with the hub failed', { status: (error as { status?: number }).status });
    if (state.link.failure === null) state.link.failure = 'unreachable';
  }
  state.request({ apply: true });
  await state.settle();
  state.report();
}
