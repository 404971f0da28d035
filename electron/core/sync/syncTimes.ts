import { statement, type Db } from '../db/connection.ts';

/**
 * When this machine last finished a round with the hub, and when the hub last confirmed it held
 * everything this machine's store held (the push caught up). Kept in app_meta so they survive a
 * restart: ホーム tells a laptop that has not synced for days, and a rebuilt store knows which
 * rows may hold changes that never reached the hub.
 */
const keys = { synced: 'sync_last_synced_at', pushed: 'sync_last_pushed_at' } as const;
export type SyncTime = keyof typeof keys;

export function readSyncTime(db: Db, which: SyncTime): string | null {
  // Not plucked: statement() caches by SQL, and other readers of app_meta read this one whole.
  return (statement(db, 'SELECT value FROM app_meta WHERE key = ?').get(keys[which]) as { value: string } | undefined)?.value ?? null;
}

export function writeSyncTime(db: Db, which: SyncTime, at: string | null): void {
  if (at === null) statement(db, 'DELETE FROM app_meta WHERE key = ?').run(keys[which]);
  else statement(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(keys[which], at);
}
