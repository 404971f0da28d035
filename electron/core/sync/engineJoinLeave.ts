/**
 * The engine's moves that replace what it stands on: joining by taking the hub's records (a fresh
 * store pulled from the hub, then applied), leaving sharing, and pausing while a backup replaces
 * the database. A join of another kind is built from the same steps: stopReplication,
 * discardStore, pullHubIntoStore, applySettled, then startSharing.
 */
import { replaceSharedRecords } from './applyRemote.ts';
import { stopReplication } from './engineLive.ts';
import { startSharing } from './engineStart.ts';
import type { EngineState } from './engineState.ts';
import { destroyLocalStore } from './localStore.ts';
import { setSharing } from './syncState.ts';
import { writeSyncTime } from './syncTimes.ts';
import type { CombineSteps, HubConnection } from './syncPorts.ts';
import { storeJoinClinics } from './joinPreview.ts';
import { forgetPushedDeletions } from './unpushedDeletions.ts';

/** This machine's store goes (folder and all), and with it what was known about it. */
export async function discardStore(state: EngineState): Promise<void> {
  await destroyLocalStore(state.localStore());
  state.store = null;
  state.forgetStoreProgress();
}

/** Every document on the hub into this machine's store (opened anew if it was discarded). */
export async function pullHubIntoStore(state: EngineState, connection: HubConnection): Promise<void> {
  await state.localStore().replicate.from(state.hubDbFor(connection), { batch_size: 500 });
}

/** An apply round (store to SQLite) asked for, and waited for until no round runs. */
export async function applySettled(state: EngineState): Promise<void> {
  state.request({ apply: true });
  await state.settle();
}

/** Replaces this machine's shared records with the hub's; the caller has taken a verified backup. */
export async function takeHubRecords(state: EngineState, connection: HubConnection): Promise<void> {
  const { db, log } = state.options;
  await stopReplication(state);
  // A store left by an earlier time of sharing (even one not opened since the app started) goes too.
  await discardStore(state);
  replaceSharedRecords(db);
  state.options.announce(['clinics', 'inquiries', 'quotes', 'documentOutputs', 'staff', 'sync']);
  setSharing(db, true);
  state.hub = connection;
  state.hubDb = null;
  try {
    await pullHubIntoStore(state, connection);
  } catch (error) {
    // The hub went away part way: this machine shares all the same, and the live pull started
    // below fetches the rest when it answers again (the status says it cannot be reached).
    log.warn('sync: taking the hub records stopped part way', { status: (error as { status?: number }).status });
  }
  await applySettled(state);
  startSharing(state, connection);
}

/**
 * Joins keeping this machine's records beside the hub's (see SyncEngine.combineWithHub): nothing
 * in SQLite changes until the whole hub is in a fresh store; a pull that breaks off throws with
 * the store gone and this machine as it was.
 */
export async function combineWithHub<R>(state: EngineState, connection: HubConnection, steps: CombineSteps<R>): Promise<R> {
  const { db } = state.options;
  await stopReplication(state);
  await discardStore(state);
  try {
    await pullHubIntoStore(state, connection);
  } catch (error) {
    await discardStore(state);
    throw error;
  }
  const hubClinics = await storeJoinClinics(state.localStore());
  setSharing(db, true);
  await steps.beforeApply(hubClinics);
  state.hub = connection;
  await applySettled(state);
  const result = steps.afterApply();
  startSharing(state, connection);
  return result;
}

/** Leaves sharing: stops, forgets the local store and checkpoint; every record stays in SQLite. */
export async function leaveSharing(state: EngineState): Promise<void> {
  const { db } = state.options;
  await stopReplication(state);
  state.hub = null;
  state.hubDb = null;
  await discardStore(state);
  setSharing(db, false);
  state.clock.forget();
  state.prefixes = new Map();
  Object.assign(state.link, { push: null, pull: null, failure: null, lastSyncedAt: null, updateApp: false, unsent: 0 });
  writeSyncTime(db, 'synced', null);
  writeSyncTime(db, 'pushed', null);
  forgetPushedDeletions(db);
  state.report();
}

/**
 * A backup is about to replace the database: rounds and replication stop until the returned
 * function is called, which starts them again on whatever the file then holds.
 */
export async function pauseForRestore(state: EngineState): Promise<() => void> {
  const connection = state.hub;
  await stopReplication(state);
  state.hub = null;
  return () => {
    // The restored file's checkpoint is gone: every document is applied again, so nothing here is stale.
    state.inSqlite.clear();
    state.prefixesRead = false;
    if (connection && !state.closed && state.hub === null) startSharing(state, connection);
    else state.report();
  };
}
