/**
 * Live replication as the engine runs it: started on the store and the hub's database, its
 * events turned into apply rounds, confirmed pushes and the link state; restarted when the hub's
 * minimum schema lets pushing resume; stopped (with the round running settled) before anything
 * replaces the store or the database.
 */
import type { EngineState } from './engineState.ts';
import { startLiveReplication } from './liveReplication.ts';
import type { HubConnection } from './syncPorts.ts';

export function startLive(state: EngineState, connection: HubConnection): void {
  const { link } = state;
  state.live = startLiveReplication(state.localStore(), state.hubDbFor(connection), {
    push: !link.updateApp,
    log: state.options.log,
    events: {
      pulled: () => state.request({ apply: true }),
      pushed(docs) {
        state.confirmPushed(docs);
        link.unsent = state.countUnsentNow();
        state.report();
      },
      activity(direction, activity) {
        link[direction] = activity;
        if (activity === 'stalled' && link.failure === null) link.failure = 'unreachable';
        if (activity === 'caughtUp') {
          if (link.failure === 'unreachable') link.failure = null;
          state.synced();
          link.unsent = state.countUnsentNow();
        }
        state.report();
      },
    },
  });
}

export function restartLive(state: EngineState, connection: HubConnection): void {
  state.live?.cancel();
  startLive(state, connection);
}

/** Replication and a waiting rebuild stop, and the round running ends; the hub is kept. */
export async function stopReplication(state: EngineState): Promise<void> {
  clearTimeout(state.rebuildRetry);
  state.live?.cancel();
  state.live = null;
  await state.settle();
}
