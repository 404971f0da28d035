/**
 * What the sync engine's parts share: the store, the hub, live replication, the link state the
 * status is composed from, and the bookkeeping that belongs to one store (what SQLite already
 * holds, what is not yet on the hub, the claimed prefixes). The round queue is made here too, so
 * every part asks for a round the same way; what a round does is `runRound`'s, passed in.
 */
import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import { composeStatus, type LinkState } from './engineStatus.ts';
import { createHubClock, type HubClock } from './hubClock.ts';
import type { LiveReplication } from './liveReplication.ts';
import { openHubDb, openLocalStore, type Store } from './localStore.ts';
import { countUnsent } from './outbox.ts';
import { createPushTracker, type PushTracker } from './pushTracker.ts';
import { createRoundQueue, type Round, type RoundQueue } from './roundQueue.ts';
import type { RoundContext } from './storeRounds.ts';
import type { SharedContent } from './contentDocs.ts';
import { readSyncTime, writeSyncTime } from './syncTimes.ts';
import { forgetPushedDeletions } from './unpushedDeletions.ts';
import type { EngineStatus, HubConnection } from './syncPorts.ts';

export interface SyncEngineOptions {
  db: Db;
  dataDir: string;
  /** Where a verified backup goes before a remote purge removes rows here. */
  backupsDir: string;
  machineId: string;
  now: () => Date;
  log: Logger;
  /** This app's schema version: written on documents, compared with the hub's minimum. */
  appSchema: number;
  /** The data areas a remote batch changed, so open screens refresh. */
  announce: (areas: readonly DataArea[]) => void;
  /** The content in force: official tables and packs installed anywhere are shared with their files. */
  content?: SharedContent;
}

export type RunRound = (state: EngineState, round: Round, again: (what: Partial<Round>) => void) => Promise<void>;

export interface EngineState {
  readonly options: SyncEngineOptions;
  store: Store | null;
  hub: HubConnection | null;
  hubDb: Store | null;
  live: LiveReplication | null;
  closed: boolean;
  readonly link: LinkState;
  readonly clock: HubClock;
  rebuilding: boolean;
  /** The store rebuild (or the start) last begun: syncNow waits for it. */
  rebuilt: Promise<void>;
  rebuildRetry: NodeJS.Timeout | undefined;
  /** Revision per document whose content SQLite already holds (see RoundContext). */
  readonly inSqlite: Map<string, string>;
  /** Written to the store but not yet confirmed on the hub: part of 未送信 with the outbox. */
  readonly notPushed: PushTracker;
  /** Each machine's claimed prefix (`prefix:<P>` documents), so a notice can say which machine wrote. */
  prefixes: Map<string, string>;
  prefixesRead: boolean;
  /** Documents held for a clock ahead of the hub's, tried again while sharing. */
  held: number;
  readonly heldRetry: NodeJS.Timeout;
  readonly listeners: Set<(status: EngineStatus) => void>;
  readonly rounds: RoundQueue;
  status(): EngineStatus;
  /** Tells the listeners, when anything but the clock offset changed. */
  report(): void;
  request(what: Partial<Round>): void;
  /** Waits until no round runs; what was asked for while stopped or closed is dropped. */
  settle(): Promise<void>;
  /** The store, opened on first use. */
  localStore(): Store;
  hubDbFor(connection: HubConnection): Store;
  roundContext(): RoundContext;
  /** A store was replaced or its checkpoint lost: what was known about the old one no longer holds. */
  forgetStoreProgress(): void;
  /** Every revision written here up to these has reached the hub. */
  confirmPushed(docs: readonly { _id: string; _rev?: string }[]): void;
  /** A round with the hub completed. */
  synced(): void;
  countUnsentNow(): number;
}

export function createEngineState(options: SyncEngineOptions, runRound: RunRound): EngineState {
  const { db, dataDir } = options;
  let lastReported = '';
  const state: EngineState = {
    options,
    store: null,
    hub: null,
    hubDb: null,
    live: null,
    closed: false,
    link: { push: null, pull: null, failure: null, lastSyncedAt: readSyncTime(db, 'synced'), updateApp: false, unsent: 0 },
    // Nothing is stamped before the hub's clock is known: a fast clock's edits go on the hub's time.
    clock: createHubClock(options.now, () => {
      state.report();
      if (state.clock.offsetMs() !== null) state.request({ drain: true });
    }),
    rebuilding: false,
    rebuilt: Promise.resolve(),
    rebuildRetry: undefined,
    inSqlite: new Map(),
    notPushed: createPushTracker(),
    prefixes: new Map(),
    prefixesRead: false,
    held: 0,
    heldRetry: setInterval(() => {
      if (state.held > 0) state.request({ apply: true });
    }, 30_000),
    listeners: new Set(),
    // One round at a time; a change made while one runs is picked up by the next.
    rounds: createRoundQueue(
      (round, again) => runRound(state, round, again),
      () => !state.closed && state.hub !== null && !state.rebuilding,
    ),
    status: () => composeStatus(state.hub !== null, state.link, state.clock),
    report() {
      const current = state.status();
      // Every answer re-measures the offset; only a change of anything else is news.
      const key = JSON.stringify({ ...current, clockOffsetMs: null });
      if (key === lastReported) return;
      lastReported = key;
      for (const listener of state.listeners) listener(current);
    },
    request: (what) => state.rounds.request(what),
    async settle() {
      await state.rounds.settle();
      if (state.closed || !state.hub) state.rounds.clear();
    },
    localStore: () => (state.store ??= openLocalStore(dataDir)),
    hubDbFor(connection) {
      if (state.hub !== connection || !state.hubDb) state.hubDb = openHubDb(connection, onAnswer);
      return state.hubDb;
    },
    roundContext: () => ({
      db,
      store: state.localStore(),
      machineId: options.machineId,
      now: options.now,
      log: options.log,
      appSchema: options.appSchema,
      backupsDir: options.backupsDir,
      clockOffsetMs: state.clock.offsetMs(),
      inSqlite: state.inSqlite,
      onWritten: (docs) => state.notPushed.written(docs),
    }),
    forgetStoreProgress() {
      state.inSqlite.clear();
      state.prefixesRead = false;
      state.notPushed.forget();
    },
    // Every revision written here has reached the hub: a rebuilt store compares only rows written since.
    confirmPushed(docs) {
      state.notPushed.pushed(docs);
      if (state.notPushed.size === 0) {
        writeSyncTime(db, 'pushed', options.now().toISOString());
        forgetPushedDeletions(db);
      }
    },
    // Kept across restarts: ホーム tells a laptop that has not synced for days.
    synced() {
      state.link.lastSyncedAt = options.now().toISOString();
      writeSyncTime(db, 'synced', state.link.lastSyncedAt);
    },
    countUnsentNow: () => countUnsent(db) + state.notPushed.size,
  };
  state.heldRetry.unref();
  const onAnswer = (httpStatus: number, date: string | null) => {
    state.clock.observe(date);
    const failure = httpStatus === 401 ? 'unauthorized' : httpStatus === 403 ? 'forbidden' : null;
    if (failure !== state.link.failure && (failure !== null || httpStatus < 400)) {
      state.link.failure = failure;
      state.report();
    }
  };
  return state;
}
