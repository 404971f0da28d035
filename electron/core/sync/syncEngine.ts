/**
 * The PouchDB side of sharing, one per core: this machine's store under `<dataDir>/sync/`, live
 * replication with the hub, and the rounds between the store and SQLite (the outbox drained into
 * the store; the store's feed, conflicts merged, applied to SQLite). Rounds run one at a time; a
 * change made while one runs is picked up by the next. Without a hub nothing here runs and the
 * app works exactly as before.
 */
import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import type { ErrorCode } from '../../../shared/messages/errors.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import { composeStatus, type LinkState } from './engineStatus.ts';
import { createHubClock } from './hubClock.ts';
import { createRoundQueue } from './roundQueue.ts';
import { startLiveReplication, type LiveReplication } from './liveReplication.ts';
import { destroyLocalStore, openHubDb, openLocalStore, type Store } from './localStore.ts';
import { replaceSharedRecords } from './applyRemote.ts';
import { countUnsent, queueAllSharedRecords } from './outbox.ts';
import { applyStoreChanges, claimedPrefixesIn, drainOutbox, minimumSchema } from './storeRounds.ts';
import { setSharing } from './syncState.ts';
import { storeJoinClinics } from './joinPreview.ts';
import { createPushTracker } from './pushTracker.ts';
import { installArrivedContent, shareContentChanges, type SharedContent } from './contentDocs.ts';
import { markRebuildPending, rebuildPending, rebuildStore, setDamagedStoreAside, storeLost } from './storeRebuild.ts';
import { readSyncTime, writeSyncTime } from './syncTimes.ts';
import { forgetPushedDeletions } from './unpushedDeletions.ts';
import type { EngineStatus, HubConnection, SyncEngine } from './syncPorts.ts';

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

/** How long a rebuild of the store waits before asking a hub that did not answer again. */
const rebuildRetryMs = 30_000;

export function createSyncEngine(options: SyncEngineOptions): CoreSyncEngine {
  const { db, dataDir, log } = options;
  let store: Store | null = null;
  let hub: HubConnection | null = null;
  let hubDb: Store | null = null;
  let live: LiveReplication | null = null;
  let closed = false;
  const link: LinkState = { push: null, pull: null, failure: null, lastSyncedAt: readSyncTime(db, 'synced'), updateApp: false, unsent: 0 };
  // Kept across restarts: ホーム tells a laptop that has not synced for days.
  const synced = () => {
    link.lastSyncedAt = options.now().toISOString();
    writeSyncTime(db, 'synced', link.lastSyncedAt);
  };
  // Every revision written here has reached the hub: a rebuilt store compares only rows written since.
  const confirmPushed = (docs: readonly { _id: string; _rev?: string }[]) => {
    notPushed.pushed(docs);
    if (notPushed.size === 0) {
      writeSyncTime(db, 'pushed', options.now().toISOString());
      forgetPushedDeletions(db);
    }
  };
  let rebuilding = false;
  let rebuilt: Promise<void> = Promise.resolve();
  let rebuildRetry: NodeJS.Timeout | undefined;
  const listeners = new Set<(status: EngineStatus) => void>();
  let lastReported = '';
  const report = () => {
    const current = status();
    // Every answer re-measures the offset; only a change of anything else is news.
    const key = JSON.stringify({ ...current, clockOffsetMs: null });
    if (key === lastReported) return;
    lastReported = key;
    for (const listener of listeners) listener(current);
  };
  // Nothing is stamped before the hub's clock is known: a fast clock's edits go on the hub's time.
  const clock = createHubClock(options.now, () => {
    report();
    if (clock.offsetMs() !== null) request({ drain: true });
  });
  const status = (): EngineStatus => composeStatus(hub !== null, link, clock);

  const onAnswer = (httpStatus: number, date: string | null) => {
    clock.observe(date);
    const failure = httpStatus === 401 ? 'unauthorized' : httpStatus === 403 ? 'forbidden' : null;
    if (failure !== link.failure && (failure !== null || httpStatus < 400)) {
      link.failure = failure;
      report();
    }
  };
  const hubDbFor = (connection: HubConnection) => {
    if (hub !== connection || !hubDb) hubDb = openHubDb(connection, onAnswer);
    return hubDb;
  };
  const localStore = () => (store ??= openLocalStore(dataDir));
  /** The store as it opens; one LevelDB cannot read is set aside and a new one made (then rebuilt). */
  const checkedStore = async (): Promise<{ store: Store; damaged: boolean }> => {
    try {
      await localStore().info();
      return { store: localStore(), damaged: false };
    } catch (error) {
      log.error('sync: the local store cannot be read, it is set aside and rebuilt', { error: error instanceof Error ? error.message : String(error) });
      await store?.close().catch(() => undefined);
      store = null;
      setDamagedStoreAside(dataDir, options.now());
      return { store: localStore(), damaged: true };
    }
  };
  const inSqlite = new Map<string, string>();
  const ctx = () => ({
    db, store: localStore(), machineId: options.machineId, now: options.now, log, appSchema: options.appSchema, backupsDir: options.backupsDir, clockOffsetMs: clock.offsetMs(), inSqlite,
    onWritten: (docs: readonly { id: string; rev: string }[]) => notPushed.written(docs),
  });
  // Written to the store but not yet confirmed on the hub: part of 未送信 with the outbox.
  const notPushed = createPushTracker();
  const countUnsentNow = () => countUnsent(db) + notPushed.size;
  // Each machine's claimed prefix (`prefix:<P>` documents), so a notice can say which machine wrote.
  // Read whole once per store, then again only when a claim comes through the feed.
  let prefixes = new Map<string, string>();
  let prefixesRead = false;
  const refreshPrefixes = async () => {
    prefixes = await claimedPrefixesIn(localStore());
    prefixesRead = true;
  };
  // Documents held for a clock ahead of the hub's are tried again while sharing.
  let held = 0;
  const heldRetry = setInterval(() => {
    if (held > 0) request({ apply: true });
  }, 30_000);
  heldRetry.unref();

  // One round at a time; a change made while one runs is picked up by the next.
  const rounds = createRoundQueue(
    async (round, again) => {
      try {
        if (round.drain && clock.offsetMs() !== null) {
          if (options.content) notPushed.written(await shareContentChanges(db, localStore(), options.content, options.machineId));
          const drained = await drainOutbox(ctx());
          if (drained.again) again({ drain: true });
        }
        if (round.apply) {
          const applied = await applyStoreChanges(ctx());
          held = applied.held;
          const areas = [...applied.areas, ...(options.content ? await installArrivedContent(db, localStore(), options.content, log) : [])];
          if (areas.length > 0) options.announce(areas);
          await checkMinimumSchema();
          if (!prefixesRead || applied.prefixClaims) await refreshPrefixes();
        }
      } catch (error) {
        log.error('sync: round failed', { error: error instanceof Error ? error.message : String(error) });
      }
      link.unsent = countUnsentNow();
      report();
    },
    () => !closed && hub !== null && !rebuilding,
  );
  const request = rounds.request;
  /** Waits until no round runs; what was asked for while stopped or closed is dropped. */
  const settle = async () => {
    await rounds.settle();
    if (closed || !hub) rounds.clear();
  };

  /** The hub asks for a newer app: stop pushing, keep pulling (and start pushing again once it no longer does). */
  const checkMinimumSchema = async () => {
    const updateApp = (await minimumSchema(localStore())) > options.appSchema;
    if (updateApp === link.updateApp) return;
    link.updateApp = updateApp;
    if (updateApp) live?.stopPushing();
    else if (live && hub) restartLive(hub);
    report();
  };

  const startLive = (connection: HubConnection) => {
    live = startLiveReplication(localStore(), hubDbFor(connection), {
      push: !link.updateApp,
      log,
      events: {
        pulled: () => request({ apply: true }),
        pushed(docs) {
          confirmPushed(docs);
          link.unsent = countUnsentNow();
          report();
        },
        activity(direction, state) {
          link[direction] = state;
          if (state === 'stalled' && link.failure === null) link.failure = 'unreachable';
          if (state === 'caughtUp') {
            if (link.failure === 'unreachable') link.failure = null;
            synced();
            link.unsent = countUnsentNow();
          }
          report();
        },
      },
    });
  };
  const restartLive = (connection: HubConnection) => {
    live?.cancel();
    startLive(connection);
  };

  const stop = async () => {
    clearTimeout(rebuildRetry);
    live?.cancel();
    live = null;
    await settle();
  };

  /**
   * Replication starts on a store that holds what this machine last had: one lost or unreadable
   * is rebuilt from the hub first (nothing is applied or pushed meanwhile, so no unsent value is
   * overwritten), and a hub that does not answer is asked again later.
   */
  const startOrRebuild = async (connection: HubConnection) => {
    // Asked before the store opens (opening makes the folder); marked so a stop part way is resumed.
    if (storeLost(db, dataDir)) markRebuildPending(db);
    const { damaged } = store ? { damaged: false } : await checkedStore();
    if (damaged) markRebuildPending(db);
    if (!rebuildPending(db)) return startRounds(connection);
    rebuilding = true;
    try {
      const queued = await rebuildStore({ db, store: localStore(), hubDb: hubDbFor(connection), log });
      inSqlite.clear();
      prefixesRead = false;
      notPushed.forget();
      log.info('sync: store rebuilt', { queuedAgain: queued });
    } catch (error) {
      log.warn('sync: the store could not be rebuilt yet, the hub is asked again', { status: (error as { status?: number }).status });
      if (link.failure === null) link.failure = 'unreachable';
      report();
      rebuildRetry = setTimeout(() => {
        if (hub === connection && !closed) rebuilt = startOrRebuild(connection);
      }, rebuildRetryMs);
      rebuildRetry.unref();
      return;
    } finally {
      rebuilding = false;
    }
    if (hub === connection && !closed) startRounds(connection);
  };
  const startRounds = (connection: HubConnection) => {
    if (hub !== connection || closed) return;
    restartLive(connection);
    request({ drain: true, apply: true });
    report();
  };

  const engine: CoreSyncEngine = {
    start(connection) {
      if (closed) return;
      setSharing(db, true);
      hub = connection;
      hubDb = null;
      report();
      rebuilt = startOrRebuild(connection);
    },
    async stop() {
      await stop();
      hub = null;
      report();
    },
    async syncNow() {
      if (!hub || closed) return;
      await rebuilt;
      if (!rebuilding && rebuildPending(db)) {
        // A rebuild waiting for the hub is tried now rather than at its next turn.
        clearTimeout(rebuildRetry);
        rebuilt = startOrRebuild(hub);
        await rebuilt;
      }
      if (!hub || rebuildPending(db)) return;
      const remote = hubDbFor(hub);
      try {
        // Its answer measures the clock, before anything is stamped.
        await remote.info();
        request({ drain: true });
        await settle();
        if (!link.updateApp) {
          await localStore().replicate.to(remote, { batch_size: 200 }).on('change', (info) => confirmPushed(info.docs ?? []));
        }
        await localStore().replicate.from(remote, { batch_size: 200 });
        if (link.failure === 'unreachable') link.failure = null;
        synced();
      } catch (error) {
        log.warn('sync: round with the hub failed', { status: (error as { status?: number }).status });
        if (link.failure === null) link.failure = 'unreachable';
      }
      request({ apply: true });
      await settle();
      report();
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shareLocalRecords() {
      setSharing(db, true);
      queueAllSharedRecords(db);
      link.unsent = countUnsentNow();
      request({ drain: true });
      report();
    },
    async takeHubRecords(connection) {
      await stop();
      // A store left by an earlier time of sharing (even one not opened since the app started) goes too.
      await destroyLocalStore(localStore());
      store = null;
      inSqlite.clear();
      prefixesRead = false;
      notPushed.forget();
      replaceSharedRecords(db);
      options.announce(['clinics', 'inquiries', 'quotes', 'documentOutputs', 'staff', 'sync']);
      setSharing(db, true);
      hub = connection;
      hubDb = null;
      try {
        await localStore().replicate.from(hubDbFor(connection), { batch_size: 500 });
      } catch (error) {
        // The hub went away part way: this machine shares all the same, and the live pull started
        // below fetches the rest when it answers again (the status says it cannot be reached).
        log.warn('sync: taking the hub records stopped part way', { status: (error as { status?: number }).status });
      }
      request({ apply: true });
      await settle();
      engine.start(connection);
    },
    async combineWithHub(connection, steps) {
      await stop();
      // A store left by an earlier time of sharing goes: the hub's documents are read into a new one.
      await destroyLocalStore(localStore());
      store = null;
      inSqlite.clear();
      prefixesRead = false;
      notPushed.forget();
      try {
        await localStore().replicate.from(hubDbFor(connection), { batch_size: 500 });
      } catch (error) {
        await destroyLocalStore(localStore());
        store = null;
        throw error;
      }
      const hubClinics = await storeJoinClinics(localStore());
      setSharing(db, true);
      await steps.beforeApply(hubClinics);
      hub = connection;
      request({ apply: true });
      await settle();
      const result = steps.afterApply();
      engine.start(connection);
      return result;
    },
    async leave() {
      await stop();
      hub = null;
      hubDb = null;
      await destroyLocalStore(localStore());
      store = null;
      setSharing(db, false);
      inSqlite.clear();
      prefixesRead = false;
      notPushed.forget();
      clock.forget();
      prefixes = new Map();
      Object.assign(link, { push: null, pull: null, failure: null, lastSyncedAt: null, updateApp: false, unsent: 0 });
      writeSyncTime(db, 'synced', null);
      writeSyncTime(db, 'pushed', null);
      forgetPushedDeletions(db);
      report();
    },
    writesHeld: () => hub !== null && clock.skewed(),
    machinePrefixes: () => prefixes,
    databases: () => (hub && !closed && !rebuilding ? { local: localStore(), hub: hubDbFor(hub) } : null),
    writesRefusal: () => (hub !== null && clock.skewed() ? 'CLOCK_SKEW' : false),
    async pauseForRestore() {
      const connection = hub;
      await stop();
      hub = null;
      return () => {
        // The restored file's checkpoint is gone: every document is applied again, so nothing here is stale.
        inSqlite.clear();
        prefixesRead = false;
        if (connection && !closed && hub === null) engine.start(connection);
        else report();
      };
    },
    localWrite() {
      if (hub && !closed) request({ drain: true });
    },
    async close() {
      if (closed) return;
      await stop();
      closed = true;
      clearInterval(heldRetry);
      listeners.clear();
      await store?.close();
      store = null;
    },
  };
  return engine;
}
