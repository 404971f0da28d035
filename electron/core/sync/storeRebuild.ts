/**
 * This machine's store (`<dataDir>/sync/records`) lost or unreadable: a new one is filled from
 * the hub, and SQLite tells what the hub never got. The outbox still holds what was never drained;
 * what was drained into the lost store but not pushed lives only in SQLite's rows, so each row
 * written here since the hub last confirmed it held everything is compared with the hub's
 * document, and each field that differs and is newer here is queued again, as the edit it was.
 * Untouched fields are never queued: they would go out as new edits and win over others'.
 * Deletions drained and not pushed are remembered apart (`unpushedDeletions.ts`) and queued again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { statement, type Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import { syncDir, type Store } from './localStore.ts';
import { readSharedRow } from './outbox.ts';
import { recordDocId, sharedTableShapes } from './sharedFields.ts';
import { readSyncState } from './syncState.ts';
import { readSyncTime } from './syncTimes.ts';
import { requeueDeletions } from './unpushedDeletions.ts';
import { sharedTables, type RecordDoc, type SharedTable } from './syncPorts.ts';
import { isDeepStrictEqual } from 'node:util';

const pendingKey = 'sync_store_rebuild';
const rowsPerStep = 500;
/**
 * A push reported caught up may not yet hold a document drained a moment before: rows edited
 * this long before the confirmation are compared too (comparing more only costs time).
 */
const confirmationMarginMs = 5 * 60_000;

export const storeFolder = (dataDir: string) => path.join(syncDir(dataDir), 'records');

/** A rebuild began and has not finished (the hub did not answer, or the app stopped part way). */
export function rebuildPending(db: Db): boolean {
  return statement(db, 'SELECT 1 FROM app_meta WHERE key = ?').get(pendingKey) !== undefined;
}

/** Marks a rebuild as begun, before anything else happens to the store. */
export function markRebuildPending(db: Db): void {
  statement(db, "INSERT INTO app_meta (key, value) VALUES (?, 'pending') ON CONFLICT (key) DO NOTHING").run(pendingKey);
}

/**
 * Whether this sharing machine's store must be rebuilt before replication starts: its folder is
 * gone though documents were applied from it (a checkpoint exists), or a rebuild was left part way.
 */
export function storeLost(db: Db, dataDir: string): boolean {
  const state = readSyncState(db);
  if (!state.sharing) return false;
  return rebuildPending(db) || (state.checkpoint !== null && !fs.existsSync(storeFolder(dataDir)));
}

/** Moves an unreadable store aside (kept for a look, never read again) so a new one can be made. */
export function setDamagedStoreAside(dataDir: string, now: Date): string | null {
  const folder = storeFolder(dataDir);
  if (!fs.existsSync(folder)) return null;
  const aside = `${folder}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(folder, aside);
  return aside;
}

interface QueueField {
  docId: string;
  field: string;
  changedAt: string;
}

/** The fields of one row to queue again: newer here than the hub's, or the whole row when the hub has no live document. */
function fieldsToQueue(table: SharedTable, row: Record<string, unknown>, doc: RecordDoc | undefined): QueueField[] {
  const { columns, editedAt } = sharedTableShapes[table];
  const changedAt = String(row[editedAt]);
  const docId = recordDocId(table, String(row.id));
  if (!doc || doc._deleted) return [{ docId, field: '*', changedAt }];
  const edited = Date.parse(changedAt);
  return columns
    .filter((column) => column !== 'id' && !isDeepStrictEqual(doc.fields[column] ?? null, row[column] ?? null))
    .filter((column) => {
      const stamp = doc.stamps[column];
      return !stamp || remoteEditTime(doc, column, editedAt) < edited;
    })
    .map((field) => ({ docId, field, changedAt }));
}

/**
 * When the hub's value of a field was edited, on its writer's clock like this row's edit time: a
 * stamp's own time is put on the hub's clock, whose Date header counts whole seconds. A field
 * written with the row's edit-time column (same machine, same write) has that column's value.
 */
function remoteEditTime(doc: RecordDoc, column: string, editedAt: string): number {
  const stamp = doc.stamps[column]!;
  const rowStamp = doc.stamps[editedAt];
  const sameWrite = rowStamp && rowStamp.m === stamp.m && rowStamp.c === stamp.c && typeof doc.fields[editedAt] === 'string';
  return Date.parse(sameWrite ? (doc.fields[editedAt] as string) : stamp.t);
}

/**
 * Queues again what this machine wrote since the last confirmed push and the (rebuilt) store
 * lacks, a batch of rows per transaction; the checkpoint goes so the new store's documents are
 * all applied (fields queued here are left alone by that). Returns how many records were queued.
 */
export async function requeueUnpushed(db: Db, store: Store): Promise<number> {
  const pushed = readSyncTime(db, 'pushed');
  const since = pushed === null ? null : new Date(Date.parse(pushed) - confirmationMarginMs).toISOString();
  const queue = statement(db, 'INSERT OR IGNORE INTO sync_outbox (doc_id, field, changed_at) VALUES (?, ?, ?)');
  let records = 0;
  for (const table of sharedTables) {
    const { editedAt } = sharedTableShapes[table];
    const ids = (
      since === null
        ? statement(db, `SELECT id FROM ${table} ORDER BY id`).pluck().all()
        : statement(db, `SELECT id FROM ${table} WHERE ${editedAt} >= ? ORDER BY id`).pluck().all(since)
    ) as string[];
    for (let i = 0; i < ids.length; i += rowsPerStep) {
      const step = ids.slice(i, i + rowsPerStep);
      const found = await store.allDocs<RecordDoc>({ keys: step.map((id) => recordDocId(table, id)), include_docs: true });
      const docs = new Map(found.rows.flatMap((r) => (r.error || r.value.deleted || !r.doc ? [] : [[r.id, r.doc] as const])));
      db.transaction(() => {
        for (const id of step) {
          const row = readSharedRow(db, table, id);
          if (!row) continue;
          const fields = fieldsToQueue(table, row, docs.get(recordDocId(table, id)));
          for (const f of fields) queue.run(f.docId, f.field, f.changedAt);
          if (fields.length > 0) records++;
        }
      })();
    }
  }
  return records;
}

/**
 * Fills a new, empty store from the hub, then queues again what only SQLite still holds. A hub
 * that does not answer leaves the rebuild pending (nothing is applied meanwhile, so no unsent
 * value is overwritten); it is tried again. Returns how many records were queued again.
 */
export async function rebuildStore(ctx: { db: Db; store: Store; hubDb: Store; log: Logger }): Promise<number> {
  const { db, store, hubDb, log } = ctx;
  markRebuildPending(db);
  await store.replicate.from(hubDb, { batch_size: 500 });
  const queued = (await requeueUnpushed(db, store)) + requeueDeletions(db, new Date().toISOString());
  db.transaction(() => {
    statement(db, 'UPDATE sync_state SET checkpoint = NULL WHERE id = 1').run();
    statement(db, 'DELETE FROM app_meta WHERE key = ?').run(pendingKey);
  })();
  log.info('sync: store rebuilt from the hub', { queuedAgain: queued });
  return queued;
}
