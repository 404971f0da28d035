/**
 * Starting to share on a hub: replication starts on a store that holds what this machine last
 * had. One lost or unreadable is rebuilt from the hub first (nothing is applied or pushed
 * meanwhile, so no unsent value is overwritten), and a hub that does not answer is asked again later.
 */
import { restartLive } from './engineLive.ts';
import type { EngineState } from './engineState.ts';
import type { Store } from './localStore.ts';
import { markRebuildPending, rebuildPending, rebuildStore, setDamagedStoreAside, storeLost } from './storeRebuild.ts';
import { setSharing } from './syncState.ts';
import type { HubConnection } from './syncPorts.ts';

/** How long a rebuild of the store waits before asking a hub that did not answer again. */
const rebuildRetryMs = 30_000;

/** `engine.start`: sharing on, this hub remembered, the store checked (and rebuilt) before rounds run. */
export function startSharing(state: EngineState, connection: HubConnection): void {
  if (state.closed) return;
  setSharing(state.options.db, true);
  state.hub = connection;
  state.hubDb = null;
  state.report();
  state.rebuilt = startOrRebuild(state, connection);
}

export async function startOrRebuild(state: EngineState, connection: HubConnection): Promise<void> {
  const { db, dataDir, log } = state.options;
  // Asked before the store opens (opening makes the folder); marked so a stop part way is resumed.
  if (storeLost(db, dataDir)) markRebuildPending(db);
  const { damaged } = state.store ? { damaged: false } : await checkedStore(state);
  if (damaged) markRebuildPending(db);
  if (!rebuildPending(db)) return startRounds(state, connection);
  state.rebuilding = true;
  try {
    const queued = await rebuildStore({ db, store: state.localStore(), hubDb: state.hubDbFor(connection), log });
    state.forgetStoreProgress();
    log.info('sync: store rebuilt', { queuedAgain: queued });
  } catch (error) {
    log.warn('sync: the store could not be rebuilt yet, the hub is asked again', { status: (error as { status?: number }).status });
    if (state.link.failure === null) state.link.failure = 'unreachable';
    state.report();
    state.rebuildRetry = setTimeout(() => {
      if (state.hub === connection && !state.closed) state.rebuilt = startOrRebuild(state, connection);
    }, rebuildRetryMs);
    state.rebuildRetry.unref();
    return;
  } finally {
    state.rebuilding = false;
  }
  if (state.hub === connection && !state.closed) startRounds(state, connection);
}

function startRounds(state: EngineState, connection: HubConnection): void {
  if (state.hub !== connection || state.closed) return;
  restartLive(state, connection);
  state.request({ drain: true, apply: true });
  state.report();
}

/** The store as it opens; one LevelDB cannot read is set aside and a new one made (then rebuilt). */
async function checkedStore(state: EngineState): Promise<{ store: Store; damaged: boolean }> {
  const { dataDir, log } = state.options;
  try {
    await state.localStore().info();
    return { store: state.localStore(), damaged: false };
  } catch (error) {
    log.error('sync: the local store cannot be read, it is set aside and rebuilt', { error: error instanceof Error ? error.message : String(error) });
    await state.store?.close().catch(() => undefined);
    state.store = null;
    setDamagedStoreAside(dataDir, state.options.now());
    return { store: state.localStore(), damaged: true };
  }
}
