import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import { statement, type Db } from '../db/connection.ts';
import { applyRemoteDeletion, applyRemoteRecord, type RowOutcome } from './remoteRows.ts';
import { childFirstTables, parseRecordDocId } from './sharedFields.ts';
import { setApplying, writeCheckpoint } from './syncState.ts';
import { sharedTables, type NoticeDoc, type RecordDoc, type SharedTable } from './syncPorts.ts';

/** What the changes feed hands over: records, notices, deletion markers (and other documents, ignored). */
export type RemoteDoc = RecordDoc | NoticeDoc | { _id: string; _deleted: true };

export interface ApplyContext {
  now: () => Date;
  /** This machine's clock minus the hub's (ms), as last measured; 0 before. */
  clockOffsetMs: number;
}

export interface ApplyResult {
  /** What changed, for the core's `changed` event so open screens refresh. */
  areas: DataArea[];
  /** Documents held because a field was written further ahead of the hub's clock than allowed. */
  held: number;
  /** Documents waiting for a row they point at (or for a constraint to clear). */
  waiting: number;
}

const areaOfTable: Record<SharedTable, DataArea> = {
  clinics: 'clinics',
  inquiries: 'inquiries',
  inquiry_status_history: 'inquiries',
  inquiry_quotes: 'quotes',
  inquiry_intents: 'inquiries',
  document_outputs: 'documentOutputs',
  staff: 'staff',
  content_changes: 'content',
  clinic_merges: 'clinics',
  important_matters_handovers: 'inquiries',
  agency_settings: 'settings',
  inquiry_step_marks: 'inquiries',
  inquiry_follow_ups: 'inquiries',
};

const isDeletion = (doc: RemoteDoc): boolean => '_deleted' in doc && doc._deleted === true;

/** Parents first for rows, children first for deletions, so a batch seldom waits on itself. */
function applyOrder(doc: RemoteDoc): number {
  const record = parseRecordDocId(doc._id);
  if (!record) return 100;
  return isDeletion(doc) ? 10 + childFirstTables.indexOf(record.table) : sharedTables.length - childFirstTables.indexOf(record.table);
}

function applyOne(db: Db, doc: RemoteDoc, hubNowMs: number, areas: Set<DataArea>): RowOutcome {
  if (doc._id.startsWith('notice:')) {
    if (isDeletion(doc)) statement(db, 'DELETE FROM sync_notices WHERE id = ?').run(doc._id.slice('notice:'.length));
    else upsertNotice(db, doc as NoticeDoc);
    areas.add('sync');
    return 'applied';
  }
  const record = parseRecordDocId(doc._id);
  // Receipt-prefix claims, the hub's minimum schema and anything newer are not rows of this app.
  if (!record) return 'skipped';
  const outcome = isDeletion(doc)
    ? applyRemoteDeletion(db, record.table, record.id, doc._id)
    : applyRemoteRecord(db, record.table, record.id, doc as RecordDoc, hubNowMs);
  if (outcome === 'applied') areas.add(areaOfTable[record.table]);
  return outcome;
}

function upsertNotice(db: Db, doc: NoticeDoc): void {
  statement(
    db,
    `INSERT INTO sync_notices (id, record_doc_id, field, kept, replaced, resolved_at) VALUES (@id, @recordDocId, @field, @kept, @replaced, @resolvedAt)
     ON CONFLICT (id) DO UPDATE SET kept = excluded.kept, replaced = excluded.replaced,
       resolved_at = coalesce(excluded.resolved_at, sync_notices.resolved_at)`,
  ).run({
    id: doc._id.slice('notice:'.length),
    recordDocId: doc.recordDocId,
    field: doc.field,
    kept: JSON.stringify(doc.kept),
    replaced: JSON.stringify(doc.replaced),
    resolvedAt: doc.resolvedAt,
  });
}

function park(db: Db, doc: RemoteDoc, reason: Exclude<RowOutcome, 'applied' | 'skipped'>, now: Date): void {
  statement(db, 'INSERT OR REPLACE INTO sync_pending (doc_id, doc, reason, since) VALUES (?, ?, ?, ?)').run(doc._id, JSON.stringify(doc), reason, now.toISOString());
}

/** Applies documents and parks those that cannot be yet; a document that applies leaves the waiting list. */
function applyAll(db: Db, docs: readonly RemoteDoc[], ctx: ApplyContext, areas: Set<DataArea>): void {
  const hubNowMs = ctx.now().getTime() - ctx.clockOffsetMs;
  const ordered = [...docs].sort((a, b) => applyOrder(a) - applyOrder(b));
  for (const doc of ordered) {
    const outcome = applyOne(db, doc, hubNowMs, areas);
    if (outcome === 'applied' || outcome === 'skipped') statement(db, 'DELETE FROM sync_pending WHERE doc_id = ?').run(doc._id);
    else park(db, doc, outcome, ctx.now());
  }
}

/** Parked documents are tried again until a round applies none (a clinic that arrived frees its inquiries, which free their history). */
function retryParked(db: Db, ctx: ApplyContext, areas: Set<DataArea>, reasons: readonly string[]): void {
  const select = statement(db, `SELECT doc FROM sync_pending WHERE reason IN (${reasons.map(() => '?').join(', ')}) ORDER BY since, doc_id`);
  for (;;) {
    const before = statement(db, 'SELECT count(*) FROM sync_pending').pluck().get() as number;
    const parked = (select.pluck().all(...reasons) as string[]).map((json) => JSON.parse(json) as RemoteDoc);
    if (parked.length === 0) return;
    applyAll(db, parked, ctx, areas);
    const after = statement(db, 'SELECT count(*) FROM sync_pending').pluck().get() as number;
    if (after >= before) return;
  }
}

function result(db: Db, areas: Set<DataArea>): ApplyResult {
  const counts = statement(db, "SELECT count(*) FILTER (WHERE reason = 'future') AS held, count(*) FILTER (WHERE reason <> 'future') AS waiting FROM sync_pending").get() as {
    held: number; waiting: number;
  };
  return { areas: [...areas], ...counts };
}

/**
 * Applies one batch of the changes feed to SQLite in one transaction, the checkpoint with it, so
 * each change applies exactly once: a failure leaves neither the rows nor the checkpoint. The
 * outbox stays quiet meanwhile (applying never queues a change to send back).
 */
export function applyRemoteDocs(db: Db, docs: readonly RemoteDoc[], checkpoint: string, ctx: ApplyContext): ApplyResult {
  return db.transaction(() => {
    setApplying(db, true);
    const areas = new Set<DataArea>();
    applyAll(db, docs, ctx, areas);
    retryParked(db, ctx, areas, ['parent', 'constraint']);
    writeCheckpoint(db, checkpoint);
    setApplying(db, false);
    return result(db, areas);
  })();
}

/** Tries every held and waiting document again (the clock has moved on, or a row they wait for came). */
export function retryHeld(db: Db, ctx: ApplyContext): ApplyResult {
  return db.transaction(() => {
    setApplying(db, true);
    const areas = new Set<DataArea>();
    retryParked(db, ctx, areas, ['future', 'parent', 'constraint']);
    setApplying(db, false);
    return result(db, areas);
  })();
}

/**
 * Empties the shared tables (and their search entries, what was queued, waiting or noticed) in
 * one transaction, before this machine takes the hub's records. The caller has taken a verified
 * backup. Receipt sequences stay: numbers already issued are never given again.
 */
export function replaceSharedRecords(db: Db): void {
  db.transaction(() => {
    setApplying(db, true);
    // 取り込みの記録 is kept, with the staff who confirmed each table: the history of the office's
    // content only grows, and this machine's rows are sent with their files (contentDocs.ts).
    for (const table of childFirstTables) {
      if (table === 'content_changes') continue;
      const kept = table === 'staff' ? ' WHERE id NOT IN (SELECT staff_id FROM content_changes WHERE staff_id IS NOT NULL)' : '';
      statement(db, `DELETE FROM ${table}${kept}`).run();
    }
    db.exec(`INSERT INTO clinic_search (clinic_search) VALUES ('delete-all');
             INSERT INTO clinic_trigrams (clinic_trigrams) VALUES ('delete-all');
             DELETE FROM sync_outbox; DELETE FROM sync_pending; DELETE FROM sync_notices;
             UPDATE sync_state SET checkpoint = NULL WHERE id = 1;`);
    setApplying(db, false);
  })();
}

/**
 * How many rows here a batch would delete (a purge made on another machine): the caller takes
 * its verified backup before applying such a batch.
 */
export function rowsDeletedBy(db: Db, docs: readonly RemoteDoc[]): number {
  let rows = 0;
  for (const doc of docs) {
    const record = isDeletion(doc) ? parseRecordDocId(doc._id) : undefined;
    if (record && statement(db, `SELECT 1 FROM ${record.table} WHERE id = ?`).get(record.id) !== undefined) rows++;
  }
  return rows;
}

/** How many shared rows this machine holds: none means it can join a hub without replacing anything. */
export function sharedRecordCount(db: Db): number {
  // Content changes never stand in the way: they join the hub's whichever way this machine joins.
  return sharedTables.filter((table) => table !== 'content_changes').reduce((sum, table) => sum + (statement(db, `SELECT count(*) FROM ${table}`).pluck().get() as number), 0);
}
