const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whole days this sharing machine has gone without a sync, when that is at least `staleDays`
 * (ホーム then says so); null when it shares and synced recently, or does not share at all.
 */
export function syncOverdueDays(status: { state: string; lastSyncedAt: string | null; joinedAt: string | null }, staleDays: number, now: Date): number | null {
  // A machine that joined and never reached the hub since is overdue from the day it joined.
  const since = status.lastSyncedAt ?? status.joinedAt;
  if (status.state === 'off' || since === null) return null;
  const days = Math.floor((now.getTime() - Date.parse(since)) / dayMs);
  return days >= staleDays ? days : null;
}
