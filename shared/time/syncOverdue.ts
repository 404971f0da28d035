const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whole days this sharing machine has gone without a sync, when that is at least `staleDays`
 * (ホーム then says so); null when it shares and synced recently, or does not share at all.
 */
export function syncOverdueDays(status: { state: string; lastSyncedAt: string | null }, staleDays: number, now: Date): number | null {
  if (status.state === 'off' || status.lastSyncedAt === null) return null;
  const days = Math.floor((now.getTime() - Date.parse(status.lastSyncedAt)) / dayMs);
  return days >= staleDays ? days : null;
}
