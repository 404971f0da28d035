import { statement, type Db } from '../db/connection.ts';
import { parseRecordDocId, recordDocId, sharedTableShapes } from './sharedFields.ts';
import { sharedTables, type SharedTable } from './syncPorts.ts';

/** One shared record with changes this machine has not sent yet. */
export interface OutboxEntry {
  docId: string;
  table: SharedTable;
  recordId: string;
  /** The current values of the changed fields (every shared field for a new row); empty when gone. */
  fields: Record<string, unknown>;
  /** When each changed field was edited: the row's edit time (its stamp time). */
  changedAt: Record<string, string>;
  /** Every shared field of the row as it is now, or null when gone: a document re-made from nothing needs them all. */
  row: Record<string, unknown> | null;
  /** The row was deleted here (完全削除). */
  gone: boolean;
  /** Which queue entries this read covers, by their number: ackOutbox removes only these. */
  marks: Record<string, number>;
}

interface OutboxRow {
  n: number;
  doc_id: string;
  field: string;
  changed_at: string;
}

/**
 * The first machine fills the hub: every shared row is queued whole, in one transaction.
 * Returns how many records were queued.
 */
export function queueAllSharedRecords(db: Db): number {
  return db.transaction(() => {
    let queued = 0;
    for (const table of sharedTables) {
      const { editedAt } = sharedTableShapes[table];
      queued += statement(
        db,
        `INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT '${table}:' || id, '*', ${editedAt} FROM ${table}`,
      ).run().changes;
    }
    return queued;
  })();
}

/** Reads one shared row's shared columns, or undefined when it is not here. */
export function readSharedRow(db: Db, table: SharedTable, id: string): Record<string, unknown> | undefined {
  return statement(db, `SELECT ${sharedTableShapes[table].columns.join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/**
 * Up to `limit` records with unsent changes, oldest first, each with the current values of what
 * changed. Entries that are not records (a notice's resolution) are read by syncNotices.
 */
export function readOutbox(db: Db, limit: number): OutboxEntry[] {
  // Walked in queue order and stopped at the limit: a first machine's queue of every record
  // (200,000 clinics) is read a batch at a time without sorting it all for each batch.
  const docIds = new Set<string>();
  for (const docId of statement(db, "SELECT doc_id FROM sync_outbox WHERE doc_id NOT LIKE 'notice:%' ORDER BY n").pluck().iterate() as Iterable<string>) {
    docIds.add(docId);
    if (docIds.size >= limit) break;
  }
  const entries: OutboxEntry[] = [];
  for (const docId of docIds) {
    const parsed = parseRecordDocId(docId);
    const rows = statement(db, 'SELECT n, doc_id, field, changed_at FROM sync_outbox WHERE doc_id = ? ORDER BY n').all(docId) as OutboxRow[];
    if (!parsed) {
      // Not a record of a table this app knows: nothing can be sent for it, so it leaves the queue.
      statement(db, 'DELETE FROM sync_outbox WHERE doc_id = ?').run(docId);
      continue;
    }
    entries.push(toEntry(db, parsed.table, parsed.id, rows));
  }
  return entries;
}

function toEntry(db: Db, table: SharedTable, recordId: string, rows: OutboxRow[]): OutboxEntry {
  const row = readSharedRow(db, table, recordId) ?? null;
  const marks: Record<string, number> = {};
  const changedAt: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  for (const r of rows) {
    marks[r.field] = r.n;
    if (!row) continue;
    const names = r.field === '*' ? sharedTableShapes[table].columns : [r.field];
    for (const name of names) {
      if (!(name in row)) continue;
      fields[name] = row[name];
      changedAt[name] = r.changed_at;
    }
  }
  return { docId: recordDocId(table, recordId), table, recordId, fields, changedAt, row, gone: row === null, marks };
}

/**
 * The entries were written to the local store: removes them from the queue, except a field
 * edited again since it was read (its queue number changed), which stays to be sent.
 */
export function ackOutbox(db: Db, entries: readonly Pick<OutboxEntry, 'docId' | 'marks'>[]): void {
  const remove = statement(db, 'DELETE FROM sync_outbox WHERE doc_id = ? AND field = ? AND n = ?');
  db.transaction(() => {
    for (const entry of entries) for (const [field, n] of Object.entries(entry.marks)) remove.run(entry.docId, field, n);
  })();
}

/** Records (and notice resolutions) changed here that the local store has not taken yet. */
export function countUnsent(db: Db): number {
  return statement(db, 'SELECT count(DISTINCT doc_id) FROM sync_outbox').pluck().get() as number;
}

/** Whether a field of a record (or the record as a whole) has an unsent local change. */
export function unsentFields(db: Db, docId: string): Set<string> {
  return new Set(statement(db, 'SELECT field FROM sync_outbox WHERE doc_id = ?').pluck().all(docId) as string[]);
}
