/**
 * The rounds between SQLite and this machine's store: the outbox drained into documents, and the
 * store's changes feed (conflicts merged first) applied to SQLite with its checkpoint. The SQLite
 * half of each step is the records side's (outbox, recordDocs, applyRemote); this file moves
 * documents between the two.
 */
import type PouchDB from 'pouchdb-node';
import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import { createBackup } from '../backup/backups.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import { applyRemoteDocs, retryHeld, rowsDeletedBy, type RemoteDoc } from './applyRemote.ts';
import { resolveConflicts } from './conflicts.ts';
import type { Store } from './localStore.ts';
import { ackOutbox, readOutbox } from './outbox.ts';
import { stampChanges } from './recordDocs.ts';
import { readNoticeOutbox } from './syncNotices.ts';
import { rememberDrainedDeletions } from './unpushedDeletions.ts';
import { readCheckpoint, reserveWriteCounters } from './syncState.ts';
import type { RecordDoc } from './syncPorts.ts';

/** Documents per step: one SQLite transaction, one bulk write. */
export const batchSize = 500;

export interface RoundContext {
  db: Db;
  store: Store;
  machineId: string;
  now: () => Date;
  log: Logger;
  appSchema: number;
  backupsDir: string;
  /** This machine's clock minus the hub's (ms), or null until the hub has answered. */
  clockOffsetMs: number | null;
  /**
   * For each document, a revision whose content SQLite already holds (applied here, or written
   * from here on top of such a revision): the feed brings it back, and applying it would change
   * nothing. A revision written on top of one not applied yet is applied like any other.
   */
  inSqlite: Map<string, string>;
  /** Told of each batch's revisions as soon as the store has them, before the next batch: the live push may already be sending them. */
  onWritten?: (docs: readonly { id: string; rev: string }[]) => void;
}

/** The hub's minimum schema allowed to write (`meta:minimum-schema`), 0 when it sets none. */
export async function minimumSchema(store: Store): Promise<number> {
  try {
    const doc = await store.get<{ schema?: unknown }>('meta:minimum-schema');
    return typeof doc.schema === 'number' ? doc.schema : 0;
  } catch {
    return 0;
  }
}

/** The `prefix:<P>` claims the store holds (pulled from the hub): machine id to its 受付番号 prefix. */
export async function claimedPrefixesIn(store: Store): Promise<Map<string, string>> {
  const claims = await store.allDocs<{ machineId?: unknown }>({ startkey: 'prefix:', endkey: 'prefix:\ufff0', include_docs: true });
  const byMachine = new Map<string, string>();
  for (const row of claims.rows) {
    if (typeof row.doc?.machineId === 'string') byMachine.set(row.doc.machineId, row.id.slice('prefix:'.length));
  }
  return byMachine;
}

/** The store's current documents of these ids, conflicts merged first (stampChanges must stamp on a merged document). */
async function currentDocs(store: Store, ids: readonly string[]): Promise<Map<string, RecordDoc>> {
  const found = await store.allDocs<RecordDoc>({ keys: [...ids], include_docs: true, conflicts: true });
  const docs = new Map<string, RecordDoc>();
  for (const row of found.rows) {
    if (row.error) continue;
    if (row.value.deleted) {
      docs.set(row.id, { _id: row.id, _rev: row.value.rev, _deleted: true } as RecordDoc);
      continue;
    }
    const doc = row.doc!;
    if (doc._conflicts?.length) {
      await resolveConflicts(store, row.id, doc._rev!, doc._conflicts);
      docs.set(row.id, await store.get<RecordDoc>(row.id));
    } else docs.set(row.id, doc);
  }
  return docs;
}

const failedIds = (results: readonly (PouchDB.Response | PouchDB.BulkError)[], ids: readonly string[]) =>
  new Set(results.flatMap((result, i) => ('error' in result && result.error ? [ids[i]!] : [])));

/**
 * Writes what the outbox holds into the store, stamped, then acknowledges it. A crash between
 * the two repeats the drain, which then finds the store already holding those values (nothing
 * is written twice). A document the pull changed meanwhile keeps its entries for the next round.
 * Returns the revisions written, and whether entries were left for another round.
 */
export async function drainOutbox(ctx: RoundContext): Promise<{ written: { id: string; rev: string }[]; again: boolean }> {
  const { db, store } = ctx;
  const written: { id: string; rev: string }[] = [];
  for (;;) {
    const entries = readOutbox(db, batchSize);
    const notices = readNoticeOutbox(db, batchSize);
    if (entries.length === 0 && notices.length === 0) return { written, again: false };
    const current = await currentDocs(store, [...entries.map((e) => e.docId), ...notices.map((n) => n.docId)]);
    const first = entries.length > 0 ? reserveWriteCounters(db, entries.length) : 0;
    const clock = ctx.clockOffsetMs === null ? undefined : { now: ctx.now(), offsetMs: ctx.clockOffsetMs };
    const docs: PouchDB.Doc[] = [];
    entries.forEach((entry, i) => {
      const doc = stampChanges(current.get(entry.docId), entry, { machineId: ctx.machineId, counter: first + i, schema: ctx.appSchema, clock });
      if (doc) docs.push(doc as unknown as PouchDB.Doc);
    });
    for (const notice of notices) {
      const rev = current.get(notice.docId)?._rev;
      docs.push({ ...notice.doc, ...(rev ? { _rev: rev } : {}) } as unknown as PouchDB.Doc);
    }
    const results = docs.length > 0 ? await store.bulkDocs(docs) : [];
    const failed = failedIds(results, docs.map((doc) => doc._id));
    const batchWritten: { id: string; rev: string }[] = [];
    results.forEach((result, i) => {
      if ('error' in result && result.error) return;
      const id = docs[i]!._id;
      const base = current.get(id);
      const rev = (result as PouchDB.Response).rev;
      if (!base || base._deleted || ctx.inSqlite.get(id) === base._rev) ctx.inSqlite.set(id, rev);
      else ctx.inSqlite.delete(id);
      batchWritten.push({ id, rev });
    });
    ctx.onWritten?.(batchWritten);
    written.push(...batchWritten);
    db.transaction(() => {
      rememberDrainedDeletions(db, docs.filter((doc) => (doc as { _deleted?: boolean })._deleted && !failed.has(doc._id)).map((doc) => doc._id));
      ackOutbox(db, [...entries, ...notices].filter((entry) => !failed.has(entry.docId)));
    })();
    if (failed.size > 0) return { written, again: true };
    if (entries.length < batchSize && notices.length < batchSize) return { written, again: false };
  }
}

const asSince = (checkpoint: string | null): number | string => (checkpoint === null ? 0 : /^\d+$/.test(checkpoint) ? Number(checkpoint) : checkpoint);

/**
 * Applies the store's changes feed since the checkpoint to SQLite, one transaction per batch with
 * its checkpoint. A document with conflicts is merged in the store first and applied when its
 * merged revision comes by (later in the feed). A batch that deletes rows here (a purge made
 * elsewhere) is preceded by a verified backup. Returns the areas changed, how many documents are
 * held or waiting, and whether a receipt prefix claim came by.
 */
export async function applyStoreChanges(ctx: RoundContext): Promise<{ areas: DataArea[]; held: number; prefixClaims: boolean }> {
  const { db, store } = ctx;
  const areas = new Set<DataArea>();
  const applyContext = { now: ctx.now, clockOffsetMs: ctx.clockOffsetMs ?? 0 };
  let held = 0;
  let prefixClaims = false;
  for (;;) {
    const feed = await store.changes<RemoteDoc>({ since: asSince(readCheckpoint(db)), include_docs: true, conflicts: true, limit: batchSize });
    if (feed.results.length === 0) break;
    const docs: RemoteDoc[] = [];
    let resolved = false;
    for (const change of feed.results) {
      if (change.id.startsWith('prefix:')) prefixClaims = true;
      const doc = change.doc;
      if (!doc) continue;
      if (doc._conflicts?.length) {
        // The merged revision comes later in the feed, and is applied then.
        await resolveConflicts(store, change.id, doc._rev!, doc._conflicts);
        resolved = true;
        continue;
      }
      if (ctx.inSqlite.get(change.id) === doc._rev) continue;
      ctx.inSqlite.set(change.id, doc._rev!);
      docs.push(change.deleted || doc._deleted ? { _id: change.id, _deleted: true } : doc);
    }
    const deletes = rowsDeletedBy(db, docs);
    if (deletes > 0) {
      ctx.log.info('sync: backup before applying a purge made on another machine', { rows: deletes });
      await createBackup(db, ctx.backupsDir, 'before-purge', ctx.now());
    }
    const result = applyRemoteDocs(db, docs, String(feed.last_seq), applyContext);
    for (const area of result.areas) areas.add(area);
    held = result.held;
    if (feed.results.length < batchSize && !resolved) break;
  }
  if (held > 0) {
    const retried = retryHeld(db, applyContext);
    for (const area of retried.areas) areas.add(area);
    held = retried.held;
  }
  return { areas: [...areas], held, prefixClaims };
}
