/**
 * One round between the store and SQLite: the outbox (and changed shared content) drained into
 * the store once the hub's clock is known, then the store's feed applied to SQLite, arrived
 * content installed, the hub's minimum schema checked and the claimed prefixes kept current.
 */
import { installArrivedContent, shareContentChanges } from './contentDocs.ts';
import { restartLive } from './engineLive.ts';
import type { EngineState } from './engineState.ts';
import type { Round } from './roundQueue.ts';
import { applyStoreChanges, claimedPrefixesIn, drainOutbox, minimumSchema } from './storeRounds.ts';

/** The round queue's body: a failure is logged and the next round tries again. */
export async function runRound(state: EngineState, round: Round, again: (what: Partial<Round>) => void): Promise<void> {
  const { db, content, machineId, log } = state.options;
  try {
    if (round.drain && state.clock.offsetMs() !== null) {
      if (content) state.notPushed.written(await shareContentChanges(db, state.localStore(), content, machineId));
      const drained = await drainOutbox(state.roundContext());
      if (drained.again) again({ drain: true });
    }
    if (round.apply) {
      const applied = await applyStoreChanges(state.roundContext());
      state.held = applied.held;
      const areas = [...applied.areas, ...(content ? await installArrivedContent(db, state.localStore(), content, log) : [])];
      if (areas.length > 0) state.options.announce(areas);
      await checkMinimumSchema(state);
      // Read whole once per store, then again only when a claim comes through the feed.
      if (!state.prefixesRead || applied.prefixClaims) {
        state.prefixes = await claimedPrefixesIn(state.localStore());
        state.prefixesRead = true;
      }
    }
  } catch (error) {
    log.error('sync: round failed', { error: error instanceof Error ? error.message : String(error) });
  }
  state.link.unsent = state.countUnsentNow();
  state.report();
}

/** The hub asks for a newer app: stop pushing, keep pulling (and start pushing again once it no longer does). */
async function checkMinimumSchema(state: EngineState): Promise<void> {
  const updateApp = (await minimumSchema(state.localStore())) > state.options.appSchema;
  if (updateApp === state.link.updateApp) return;
  state.link.updateApp = updateApp;
  if (updateApp) state.live?.stopPushing();
  else if (state.live && state.hub) restartLive(state, state.hub);
  state.report();
}
