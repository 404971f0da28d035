import { statement, type Db } from '../db/connection.ts';

/**
 * Deletions (完全削除) drained into this machine's store and not yet confirmed on the hub. A
 * drained edit survives the store's loss in its SQLite row, and the rebuild queues it again; a
 * deletion leaves no row behind, so without this list a rebuilt store would bring the purged
 * records back from the hub. Kept in app_meta (this machine's, never replicated), emptied when
 * the hub confirms it holds everything this machine wrote.
 */
const key = 'sync_unpushed_deletions';

export function unpushedDeletions(db: Db): string[] {
  const value = (statement(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  return value === undefined ? [] : (JSON.parse(value) as string[]);
}

export function rememberDrainedDeletions(db: Db, docIds: readonly string[]): void {
  if (docIds.length === 0) return;
  const ids = [...new Set([...unpushedDeletions(db), ...docIds])];
  statement(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(ids));
}

export function forgetPushedDeletions(db: Db): void {
  statement(db, 'DELETE FROM app_meta WHERE key = ?').run(key);
}

/** Queues each remembered deletion again whose row is still gone here: the rebuilt store's drain writes it on the hub's revision. */
export function requeueDeletions(db: Db, at: string): number {
  const queue = statement(db, "INSERT OR IGNORE INTO sync_outbox (doc_id, field, changed_at) VALUES (?, '*', ?)");
  let queued = 0;
  db.transaction(() => {
    for (const docId of unpushedDeletions(db)) {
      const [table, id] = [docId.slice(0, docId.indexOf(':')), docId.slice(docId.indexOf(':') + 1)];
      if (!/^[a-z_]+$/.test(table) || statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined) continue;
      queued += queue.run(docId, at).changes;
    }
  })();
  return queued;
}
