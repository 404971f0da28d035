/**
 * The PouchDB side of sharing, one per core: this machine's store under `<dataDir>/sync/`, live
 * replication with the hub, and the rounds between the store and SQLite (the outbox drained into
 * the store; the store's feed, conflicts merged, applied to SQLite). Rounds run one at a time; a
 * change made while one runs is picked up by the next. Without a hub nothing here runs and the
 * app works exactly as before.
 *
 * The parts share one state (engineState.ts): a round's body (engineRound.ts), live replication
 * (engineLive.ts), starting and the store rebuild (engineStart.ts), 今すぐ同期 (engineSyncNow.ts),
 * and the moves that replace the store: joining, leaving, restoring (engineJoinLeave.ts).
 */
import type { ErrorCode } from '../../../shared/messages/errors.ts';
import { combineWithHub, pauseForRestore, leaveSharing, takeHubRecords } from './engineJoinLeave.ts';
import { stopReplication } from './engineLive.ts';
import { runRound } from './engineRound.ts';
import { startSharing } from './engineStart.ts';
import { createEngineState, type SyncEngineOptions } from './engineState.ts';
import { syncNow } from './engineSyncNow.ts';
import { queueAllSharedRecords } from './outbox.ts';
import { setSharing } from './syncState.ts';
import type { SyncEngine } from './syncPorts.ts';

export type { SyncEngineOptions } from './engineState.ts';

/** The engine as openCore holds it: the seam, plus the nudge after a local write. */
export interface CoreSyncEngine extends SyncEngine {
  /** A local write committed: its outbox entries go to the store in the next round. */
  localWrite(): void;
  /** What the dispatcher refuses writes with: false, or why. */
  writesRefusal(): false | ErrorCode;
  /**
   * A backup is about to replace the database: rounds and replication stop until the returned
   * function is called, which starts them again on whatever the file then holds.
   */
  pauseForRestore(): Promise<() => void>;
}

export function createSyncEngine(options: SyncEngineOptions): CoreSyncEngine {
  const { db } = options;
  const state = createEngineState(options, runRound);
  return {
    start: (connection) => startSharing(state, connection),
    async stop() {
      await stopReplication(state);
      state.hub = null;
      state.report();
    },
    syncNow: () => syncNow(state),
    status: () => state.status(),
    onStatus(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    shareLocalRecords() {
      setSharing(db, true);
      queueAllSharedRecords(db);
      state.link.unsent = state.countUnsentNow();
      state.request({ drain: true });
      state.report();
    },
    takeHubRecords: (connection) => takeHubRecords(state, connection),
    combineWithHub: (connection, steps) => combineWithHub(state, connection, steps),
    leave: () => leaveSharing(state),
    writesHeld: () => state.hub !== null && state.clock.skewed(),
    machinePrefixes: () => state.prefixes,
    databases: () => (state.hub && !state.closed && !state.rebuilding ? { local: state.localStore(), hub: state.hubDbFor(state.hub) } : null),
    writesRefusal: () => (state.hub !== null && state.clock.skewed() ? 'CLOCK_SKEW' : false),
    pauseForRestore: () => pauseForRestore(state),
    localWrite() {
      if (state.hub && !state.closed) state.request({ drain: true });
    },
    async close() {
      if (state.closed) return;
      await stopReplication(state);
      state.closed = true;
      clearInterval(state.heldRetry);
      state.listeners.clear();
      await state.store?.close();
      state.store = null;
    },
  };
}
