import { isDeepStrictEqual } from 'node:util';
import type { OutboxEntry } from './outbox.ts';
import { futureToleranceMs } from './clockTolerance.ts';
import { sharedTableShapes } from './sharedFields.ts';
import type { FieldStamp, RecordDoc } from './syncPorts.ts';

/** Who writes a document: this machine, its next write counter, its app schema version. */
export interface DocWriter {
  machineId: string;
  counter: number;
  schema: number;
  /**
   * This machine's clock now and its offset from the hub's (ms, this minus the hub's), when
   * measured. Edit times are then put on the hub's clock: an edit made offline by a laptop whose
   * clock is days fast must not win every concurrent edit once it is back.
   */
  clock?: { now: Date; offsetMs: number } | undefined;
}

/**
 * A field's stamp time on the hub's clock. A measured offset beyond the tolerance is taken off
 * (smaller ones are the Date header's one-second noise, left alone); an edit time still ahead
 * of the hub's now (the clock was set right before the edits were sent) becomes now.
 */
export function stampTime(changedAt: string, clock: DocWriter['clock']): string {
  if (!clock) return changedAt;
  const offset = Math.abs(clock.offsetMs) > futureToleranceMs ? clock.offsetMs : 0;
  const hubNow = clock.now.getTime() - clock.offsetMs;
  const t = Math.min(Date.parse(changedAt) - offset, hubNow);
  return t === Date.parse(changedAt) ? changedAt : new Date(t).toISOString();
}

/** An object with its keys in code-point order: PouchDB's deterministic revisions hash the JSON, so equal documents must serialise alike. */
export function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

/**
 * The next revision of a record's document with this machine's changes stamped on it: each
 * changed field gets `{ t: its edit time, m: this machine, c: this write's counter }`, and `seen`
 * records the counter. Fields this app does not know stay as they are. Null when there is
 * nothing new to write (the document already holds these values, as after a drain repeated
 * following a crash). A gone row becomes a deletion marker without fields; a document missing
 * or deleted in the store is written anew from the whole row (an offline edit outlives a purge).
 * `current` must be the store's document with its conflicts already merged (mergeLeaves): a
 * write stamped on one branch would otherwise claim, through `seen`, writes only the other holds.
 */
export function stampChanges(current: RecordDoc | undefined, entry: OutboxEntry, writer: DocWriter): RecordDoc | null {
  if (entry.gone || entry.row === null) {
    if (!current || current._deleted) return null;
    return { _id: entry.docId, _rev: current._rev!, _deleted: true, table: entry.table, schema: writer.schema, fields: {}, stamps: {}, seen: {} };
  }
  const base = current && !current._deleted ? current : undefined;
  const changes = base ? entry.fields : entry.row;
  const fields = { ...base?.fields };
  const stamps = { ...base?.stamps };
  const editedAt = String(entry.row[sharedTableShapes[entry.table].editedAt]);
  let changed = false;
  for (const [field, value] of Object.entries(changes)) {
    if (base && field in base.fields && isDeepStrictEqual(base.fields[field], value)) continue;
    fields[field] = value;
    stamps[field] = { t: stampTime(entry.changedAt[field] ?? editedAt, writer.clock), m: writer.machineId, c: writer.counter } satisfies FieldStamp;
    changed = true;
  }
  if (!changed) return null;
  const seen = { ...base?.seen, [writer.machineId]: Math.max(base?.seen[writer.machineId] ?? 0, writer.counter) };
  return {
    _id: entry.docId,
    ...(current?._rev ? { _rev: current._rev } : {}),
    table: entry.table,
    schema: writer.schema,
    fields: sortedKeys(fields),
    stamps: sortedKeys(stamps),
    seen: sortedKeys(seen),
  };
}
