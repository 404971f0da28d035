/** What the engine reports, composed from the replication's state, the clock and the outbox. */
import { syncEngineMessages } from '../../../shared/messages/syncEngineMessages.ts';
import type { HubClock } from './hubClock.ts';
import type { EngineStatus } from './syncPorts.ts';

export interface LinkState {
  /** Each direction of the live replication: working, caught up, or stalled on an error. */
  push: 'active' | 'caughtUp' | 'stalled' | null;
  pull: 'active' | 'caughtUp' | 'stalled' | null;
  /** Why the hub is not being reached, told apart for the message. */
  failure: 'unreachable' | 'unauthorized' | 'forbidden' | null;
  lastSyncedAt: string | null;
  /** The hub's minimum schema is above this app's: pushing has stopped. */
  updateApp: boolean;
  /** Changes made here that have not reached the store or the hub. */
  unsent: number;
}

export function composeStatus(sharing: boolean, link: LinkState, clock: HubClock): EngineStatus {
  const base = { lastSyncedAt: link.lastSyncedAt, unsent: link.unsent, clockOffsetMs: clock.offsetMs() };
  if (!sharing) return { ...base, state: 'stopped', message: null };
  if (clock.skewed()) return { ...base, state: 'clockSkew', message: syncEngineMessages.clockSkew };
  if (link.updateApp) return { ...base, state: 'updateApp', message: syncEngineMessages.updateApp };
  if (link.failure) return { ...base, state: 'unreachable', message: syncEngineMessages[link.failure] };
  const busy = link.unsent > 0 || link.push === 'active' || link.pull === 'active';
  return { ...base, state: busy ? 'sending' : 'idle', message: null };
}
