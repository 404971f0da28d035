/**
 * 点検と修復, the check: this machine's shared rows compared with its store's winning documents
 * and the hub's, record by record, a page at a time. Records with an unsent edit here are left
 * out (their difference is the edit on its way). What differs from the hub while the store agrees
 * with the hub is this machine's own fault (a row changed behind the app's back, or a document
 * never applied) and can be repaired from the hub; what differs between the store and the hub is
 * replication under way.
 */
import { isDeepStrictEqual } from 'node:util';
import type { SyncCheckItem, SyncCheckKind } from '../../../shared/domain/syncCheck.ts';
import { syncFieldLabels } from '../../../shared/messages/syncMessages.ts';
import { syncRepairMessages } from '../../../shared/messages/syncRepairMessages.ts';
import { statement, type Db } from '../db/connection.ts';
import type { Store } from './localStore.ts';
import { readSharedRow, unsentFields } from './outbox.ts';
import { recordDocId, sharedTableShapes } from './sharedFields.ts';
import { valueText } from './syncNotices.ts';
import { sharedTables, type RecordDoc, type SharedTable } from './syncPorts.ts';

const pageSize = 500;
/** The list shows this many differences; the counts cover all. */
export const listedDifferences = 500;

/** One record that differs, with what 修復 needs to act on it. */
export interface Difference {
  docId: string;
  table: SharedTable;
  id: string;
  kind: SyncCheckKind;
  /** Fields whose value here is not the hub's (empty for a whole record missing on one side). */
  fields: string[];
  row: Record<string, unknown> | undefined;
  hub: RecordDoc | undefined;
}

export interface CheckProgress {
  signal?: AbortSignal | undefined;
  /** After each page; the check waits for it (a test's pause point may hold the job there). */
  progress?: ((done: number, label: string) => void | Promise<void>) | undefined;
}

export interface CheckOutcome {
  checked: number;
  differences: Difference[];
  unsentLeftAlone: number;
}

type DocState = { state: 'live'; doc: RecordDoc } | { state: 'deleted' } | { state: 'absent' };

async function docStates(db: Store, ids: readonly string[]): Promise<Map<string, DocState>> {
  const found = await db.allDocs<RecordDoc>({ keys: [...ids], include_docs: true });
  const states = new Map<string, DocState>();
  for (const row of found.rows) {
    if (row.error) states.set(row.key, { state: 'absent' });
    else if (row.value.deleted || !row.doc) states.set(row.id, { state: 'deleted' });
    else states.set(row.id, { state: 'live', doc: row.doc });
  }
  return states;
}

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);

function differingFields(table: SharedTable, row: Record<string, unknown>, doc: RecordDoc): string[] {
  return sharedTableShapes[table].columns.filter((c) => c !== 'id' && c in doc.fields && !same(row[c], doc.fields[c]));
}

const sameDoc = (a: DocState | undefined, b: DocState | undefined) =>
  a?.state === b?.state && (a?.state !== 'live' || b?.state !== 'live' || (a.doc._rev === b.doc._rev || isDeepStrictEqual(a.doc.fields, b.doc.fields)));

/** Classifies one record from its row here and its documents in the store and on the hub. */
function classify(table: SharedTable, id: string, row: Record<string, unknown> | undefined, local: DocState | undefined, hub: DocState | undefined): Difference | null {
  const docId = recordDocId(table, id);
  const hubDoc = hub?.state === 'live' ? hub.doc : undefined;
  const base = { docId, table, id, row, hub: hubDoc };
  if (row && hubDoc) {
    const fields = differingFields(table, row, hubDoc);
    if (fields.length === 0) return null;
    return { ...base, fields, kind: sameDoc(local, hub) ? 'differs' : 'notExchanged' };
  }
  if (!row && hubDoc) return { ...base, fields: [], kind: sameDoc(local, hub) ? 'missingHere' : 'notExchanged' };
  if (row && hub?.state === 'deleted') return { ...base, fields: [], kind: sameDoc(local, hub) ? 'removedOnHub' : 'notExchanged' };
  if (row) return { ...base, fields: [], kind: local?.state === 'live' ? 'notExchanged' : 'neverSent' };
  return null;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

/**
 * Compares every shared record of this machine with the store's and the hub's documents: first
 * the hub's records a page at a time, then the rows here the hub does not hold.
 */
export async function checkSharedRecords(db: Db, stores: { local: Store; hub: Store }, options: CheckProgress = {}): Promise<CheckOutcome> {
  const outcome: CheckOutcome = { checked: 0, differences: [], unsentLeftAlone: 0 };
  const onHub = new Set<string>();
  const consider = (table: SharedTable, id: string, local: DocState | undefined, hub: DocState | undefined) => {
    const docId = recordDocId(table, id);
    outcome.checked++;
    if (unsentFields(db, docId).size > 0) {
      outcome.unsentLeftAlone++;
      return;
    }
    const difference = classify(table, id, readSharedRow(db, table, id), local, hub);
    if (difference) outcome.differences.push(difference);
  };
  for (const table of sharedTables) {
    let startkey = `${table}:`;
    for (;;) {
      throwIfCancelled(options.signal);
      const page = await stores.hub.allDocs<RecordDoc>({ startkey, endkey: `${table}:\ufff0`, limit: pageSize, include_docs: true });
      if (page.rows.length === 0) break;
      const ids = page.rows.map((r) => r.id);
      const local = await docStates(stores.local, ids);
      for (const r of page.rows) {
        onHub.add(r.id);
        consider(table, r.id.slice(table.length + 1), local.get(r.id), { state: 'live', doc: r.doc! });
      }
      await options.progress?.(outcome.checked, table);
      if (page.rows.length < pageSize) break;
      // The smallest key after the last one: the next page starts past it.
      startkey = `${page.rows.at(-1)!.id}\u0000`;
    }
    // Rows here the hub holds no live document of: deleted there, never sent, or on their way.
    const ids = (statement(db, `SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[]).filter((id) => !onHub.has(recordDocId(table, id)));
    for (let i = 0; i < ids.length; i += pageSize) {
      throwIfCancelled(options.signal);
      const docIds = ids.slice(i, i + pageSize).map((id) => recordDocId(table, id));
      const [local, hub] = await Promise.all([docStates(stores.local, docIds), docStates(stores.hub, docIds)]);
      for (const docId of docIds) consider(table, docId.slice(table.length + 1), local.get(docId), hub.get(docId));
      await options.progress?.(outcome.checked, table);
    }
  }
  throwIfCancelled(options.signal);
  return outcome;
}

/** What staff recognise a record by. */
export function recordLabel(table: SharedTable, row: Record<string, unknown> | undefined, hub: RecordDoc | undefined): string {
  const value = (field: string) => (row?.[field] ?? hub?.fields[field]) as string | undefined;
  switch (table) {
    case 'clinics':
    case 'staff':
      return value('name') ?? syncRepairMessages.goneRecord;
    case 'inquiries':
      return value('receipt_number') ? syncRepairMessages.inquiryOf(value('receipt_number')!) : syncRepairMessages.goneRecord;
    default:
      return syncRepairMessages.recordKinds[table]!;
  }
}

/** A difference as the screen lists it, in words: which record, which field, this PC's value and the shared one. */
export function describeDifference(difference: Difference): SyncCheckItem {
  const { table, row, hub } = difference;
  const labels = syncFieldLabels[table] ?? {};
  const shown = (field: string, value: unknown) => (value === undefined ? syncRepairMessages.missingValue : valueText(table, field, value));
  return {
    docId: difference.docId,
    kind: difference.kind,
    recordKind: syncRepairMessages.recordKinds[table]!,
    recordLabel: recordLabel(table, row, hub),
    summary: syncRepairMessages.summaries[difference.kind],
    // Who-wrote bookkeeping is left out: staff judge the record by what it says.
    fields: difference.fields
      .filter((field) => labels[field] !== undefined)
      .map((field) => ({ field, fieldLabel: labels[field]!, here: shown(field, row?.[field]), shared: shown(field, hub?.fields[field]) })),
  };
}
