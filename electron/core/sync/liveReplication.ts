/**
 * Continuous replication between this machine's store and the hub, in PouchDB's live mode: both
 * directions retry on their own while the hub does not answer, backing off up to a minute, and
 * pick up again as soon as it does. Pushing can be left out (the hub asks for a newer app) while
 * pulling goes on.
 */
import type PouchDB from 'pouchdb-node';
import type { Logger } from '../log/logger.ts';
import type { Store } from './localStore.ts';

/** 1 s, 2 s, 4 s ... up to a minute between attempts while the hub does not answer. */
export const backOff = (delay: number) => Math.min(Math.max(delay * 2, 1000), 60_000);

export interface LiveEvents {
  /** Documents arrived from the hub: the store's feed has something to apply. */
  pulled(): void;
  /** A push batch reached the hub with these documents. */
  pushed(docs: readonly { _id: string; _rev?: string }[]): void;
  /** Either direction started working, caught up, or stalled on an error. */
  activity(direction: 'push' | 'pull', state: 'active' | 'caughtUp' | 'stalled'): void;
}

export interface LiveReplication {
  stopPushing(): void;
  readonly pushing: boolean;
  cancel(): void;
}

/** PouchDB gives up for good on some answers (a wrong password): tried again this much later. */
export const restartAfterMs = 60_000;

export function startLiveReplication(store: Store, hubDb: Store, options: { push: boolean; log: Logger; events: LiveEvents }): LiveReplication {
  const { log, events } = options;
  const settings = { live: true, retry: true, back_off_function: backOff, batch_size: 500, heartbeat: 10_000 } as const;
  const running: Record<'push' | 'pull', PouchDB.Replication | null> = { push: null, pull: null };
  const restarts: Record<'push' | 'pull', NodeJS.Timeout | undefined> = { push: undefined, pull: undefined };
  const begin = (direction: 'push' | 'pull') => {
    const replication = direction === 'push' ? store.replicate.to(hubDb, settings) : store.replicate.from(hubDb, settings);
    running[direction] = replication;
    replication.on('active', () => events.activity(direction, 'active'));
    replication.on('paused', (error) => events.activity(direction, error ? 'stalled' : 'caughtUp'));
    replication.on('change', (info) => {
      if (direction === 'pull') events.pulled();
      else events.pushed(info.docs ?? []);
    });
    // The hub refused one document (a validation rule): the rest go on; the id says which.
    replication.on('denied', (error) => log.warn('sync: document refused by the hub', { direction, id: (error as { id?: string } | undefined)?.id }));
    replication.on('error', (error) => {
      log.warn('sync: replication stopped with an error', { direction, status: (error as { status?: number } | undefined)?.status });
      events.activity(direction, 'stalled');
      if (running[direction] !== replication) return;
      running[direction] = null;
      restarts[direction] = setTimeout(() => begin(direction), restartAfterMs);
      restarts[direction].unref();
    });
    replication.catch(() => undefined);
  };
  const end = (direction: 'push' | 'pull') => {
    clearTimeout(restarts[direction]);
    const replication = running[direction];
    running[direction] = null;
    replication?.cancel();
  };
  begin('pull');
  if (options.push) begin('push');
  let pushing = options.push;
  return {
    stopPushing() {
      pushing = false;
      end('push');
    },
    get pushing() {
      return pushing;
    },
    cancel() {
      pushing = false;
      end('pull');
      end('push');
    },
  };
}
