import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MaintenanceState } from '../../../shared/contract/dataAreas.ts';
import { searchNormalizationVersion } from '../../../shared/text/normalizeForSearch.ts';
import type { Logger } from '../log/logger.ts';
import type { Db } from './connection.ts';
import { countClinicsToReindex, emptyClinicSearchIndexes, reindexClinicsAfter, storedSearchNormalization, storeSearchNormalization } from './repos/clinicSearchRebuild.ts';

export interface SearchIndexMaintenance {
  /** What app.info reports: the rebuild's progress, or null once writes are accepted. */
  state(): MaintenanceState;
  /** Ends the rebuild after its current step (the core is closing); the next start begins again. */
  stop(): Promise<void>;
}

export interface SearchIndexMaintenanceOptions {
  log: Logger;
  /** Each change of state: progress after every step, null at the end. */
  onState: (state: MaintenanceState) => void;
  /** The search columns were rebuilt: every screen showing clinics is stale. */
  onRebuilt: () => void;
  /** Clinics per step (one transaction); the main process answers calls between steps. */
  chunk?: number;
}

/**
 * Brings the search columns and indexes to today's normalisation when the file was built with
 * another. Runs in steps after the core has opened, so the start screen can show progress and
 * reads keep being answered (a search finds the clinics done so far). The caller holds writes
 * back while state() is not null: the indexes are emptied and refilled in row order, so a clinic
 * saved meanwhile would get its entries twice, once from the save and once from the step that
 * reaches it. The version is stored only after the last step: a rebuild cut short by closing the
 * app starts over at the next start.
 */
export function startSearchIndexMaintenance(db: Db, options: SearchIndexMaintenanceOptions): SearchIndexMaintenance {
  const stored = storedSearchNormalization(db);
  // Files from before the version was recorded were built by normalisation 1, the only one there was.
  const from = stored ?? 1;
  const to = searchNormalizationVersion;
  if (from === to) {
    if (stored === undefined) storeSearchNormalization(db, to);
    return { state: () => null, stop: async () => {} };
  }
  const total = countClinicsToReindex(db);
  if (total === 0) {
    // A new file, or one with nothing to index: nothing was built by the old rule.
    storeSearchNormalization(db, to);
    return { state: () => null, stop: async () => {} };
  }
  const { log, onState, onRebuilt, chunk = 500 } = options;
  let state: MaintenanceState = { task: 'searchIndex', done: 0, total };
  let stopped = false;
  const setState = (next: MaintenanceState) => {
    state = next;
    onState(next);
  };
  log.info('search index rebuild started', { from, to, clinics: total });
  const started = Date.now();

  const run = async () => {
    let afterSeq = 0;
    let done = 0;
    try {
      // First turn: the core has been handed to its caller, whose listeners see every step.
      await nextTurn();
      if (stopped) return;
      setState({ task: 'searchIndex', done, total });
      emptyClinicSearchIndexes(db);
      for (;;) {
        const step = reindexClinicsAfter(db, afterSeq, chunk);
        if (!step) break;
        afterSeq = step.lastSeq;
        done = Math.min(total, done + step.count);
        setState({ task: 'searchIndex', done, total });
        await nextTurn();
        if (stopped) return;
      }
      storeSearchNormalization(db, to);
      log.info('search index rebuilt', { from, to, clinics: done, ms: Date.now() - started });
      setState(null);
      onRebuilt();
    } catch (error) {
      // Writes must not stay held for good: the old rows stay findable by the old rule until the
      // next start tries again (the version was not stored).
      log.error('search index rebuild failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!stopped) setState(null);
    }
  };
  const running = run();

  return {
    state: () => state,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
