import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { bookkeepingColumns } from './sharedFields.ts';
import { sortedKeys } from './recordDocs.ts';
import type { FieldStamp, NoticeDoc, RecordDoc } from './syncPorts.ts';

/** The id (sha-256, hex) of the notice for one replaced value: the same on every machine that resolves the conflict. */
export function noticeId(recordDocId: string, field: string, stamp: FieldStamp): string {
  return createHash('sha256').update(JSON.stringify([recordDocId, field, stamp.t, stamp.m, stamp.c])).digest('hex');
}

const noStamp: FieldStamp = { t: '', m: '', c: 0 };

/** One write of a field, as all the revisions that hold it know it. */
interface Candidate {
  value: unknown;
  stamp: FieldStamp;
  /** What the revisions holding this write had seen, together. */
  seen: Record<string, number>;
  staffId: string | null;
}

const stampKey = (s: FieldStamp) => `${s.m}\u0000${s.c}\u0000${s.t}`;

/** Later by (t, m), then the counter, then the value's JSON: a total order, so every machine picks the same. */
function later(a: Candidate, b: Candidate): boolean {
  if (a.stamp.t !== b.stamp.t) return a.stamp.t > b.stamp.t;
  if (a.stamp.m !== b.stamp.m) return a.stamp.m > b.stamp.m;
  if (a.stamp.c !== b.stamp.c) return a.stamp.c > b.stamp.c;
  return JSON.stringify(a.value ?? null) > JSON.stringify(b.value ?? null);
}

/** A write is covered by a revision that has seen it: that revision's value came after it. */
function covered(stamp: FieldStamp, by: Candidate): boolean {
  if (stamp.m === '') return by.stamp.m !== '';
  return (by.seen[stamp.m] ?? 0) >= stamp.c;
}

/**
 * Merges the conflicting revisions of one record, field by field. A value another revision has
 * seen was simply edited after (no notice). Values written without seeing each other are
 * concurrent: the later stamp by (t, m) wins on every machine and the other becomes a notice
 * whose id derives from the record, the field and the losing stamp. The merged revision has
 * seen everything its leaves had. Pure: the result does not depend on the order of `leaves`.
 * The result has no `_rev`: the caller writes it on the winning revision.
 */
export function mergeLeaves(leaves: readonly RecordDoc[]): { doc: RecordDoc; notices: NoticeDoc[] } {
  const live = leaves.filter((l) => !l._deleted);
  if (live.length === 0) throw new Error('mergeLeaves needs at least one live revision');
  const docId = live[0]!._id;
  const names = new Set(live.flatMap((l) => [...Object.keys(l.fields), ...Object.keys(l.stamps)]));
  const fields: Record<string, unknown> = {};
  const stamps: Record<string, FieldStamp> = {};
  const notices: NoticeDoc[] = [];
  for (const field of names) {
    const byStamp = new Map<string, Candidate>();
    for (const leaf of live) {
      if (!(field in leaf.fields) && !(field in leaf.stamps)) continue;
      const stamp = leaf.stamps[field] ?? noStamp;
      const candidate: Candidate = { value: leaf.fields[field], stamp, seen: leaf.seen, staffId: staffOfWrite(leaf, stamp) };
      const key = stampKey(stamp);
      const known = byStamp.get(key);
      byStamp.set(key, known ? sameWrite(known, candidate) : candidate);
    }
    const candidates = [...byStamp.values()];
    const concurrent = candidates.filter((c) => !candidates.some((o) => o !== c && covered(c.stamp, o)));
    // Clocks that went back can make every write seen by another; then the latest stamp decides alone.
    const contenders = concurrent.length > 0 ? concurrent : candidates;
    const winner = contenders.reduce((a, b) => (later(b, a) ? b : a));
    if (winner.value !== undefined) fields[field] = winner.value;
    if (winner.stamp !== noStamp) stamps[field] = winner.stamp;
    if (bookkeepingColumns.has(field)) continue;
    for (const loser of contenders) {
      if (loser === winner || isDeepStrictEqual(loser.value, winner.value)) continue;
      notices.push(noticeDoc(docId, field, winner, loser));
    }
  }
  const seen: Record<string, number> = {};
  for (const leaf of live) for (const [m, c] of Object.entries(leaf.seen)) seen[m] = Math.max(seen[m] ?? 0, c);
  const doc: RecordDoc = {
    _id: docId,
    table: live[0]!.table,
    schema: Math.max(...live.map((l) => l.schema)),
    fields: sortedKeys(fields),
    stamps: sortedKeys(stamps),
    seen: sortedKeys(seen),
  };
  notices.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return { doc, notices };
}

/** The staff member chosen at a write: known when the revision's last edit is that write (its updated_at has the same stamp). */
function staffOfWrite(leaf: RecordDoc, stamp: FieldStamp): string | null {
  const last = leaf.stamps.updated_at;
  const staff = leaf.fields.updated_by_staff;
  return last && last.m === stamp.m && last.c === stamp.c && typeof staff === 'string' ? staff : null;
}

/** One write held by several revisions: what they had seen together, and one value chosen the same way everywhere. */
function sameWrite(a: Candidate, b: Candidate): Candidate {
  const seen = { ...a.seen };
  for (const [m, c] of Object.entries(b.seen)) seen[m] = Math.max(seen[m] ?? 0, c);
  const chosen = later(b, a) ? b : a;
  const staffIds = [a.staffId, b.staffId].filter((x): x is string => x !== null).sort();
  return { value: chosen.value, stamp: chosen.stamp, seen, staffId: staffIds.at(-1) ?? null };
}

function side(c: Candidate): NoticeDoc['kept'] {
  return { value: c.value ?? null, stamp: { t: c.stamp.t, m: c.stamp.m, c: c.stamp.c }, staffId: c.staffId };
}

function noticeDoc(recordDocId: string, field: string, kept: Candidate, replaced: Candidate): NoticeDoc {
  return {
    _id: `notice:${noticeId(recordDocId, field, replaced.stamp)}`,
    table: 'sync_notice',
    recordDocId,
    field,
    kept: side(kept),
    replaced: side(replaced),
    resolvedAt: null,
  };
}

/**
 * Two machines wrote the same notice differently (one had seen a third value the other had not,
 * or one resolved it): the latest kept value and the latest resolution stand. Order-free.
 */
export function mergeNotices(leaves: readonly NoticeDoc[]): NoticeDoc {
  if (leaves.length === 0) throw new Error('mergeNotices needs at least one revision');
  const keptOf = (n: NoticeDoc): Candidate => ({ value: n.kept.value, stamp: n.kept.stamp, seen: {}, staffId: null });
  const newest = leaves.reduce((a, b) => {
    if (later(keptOf(b), keptOf(a))) return b;
    if (later(keptOf(a), keptOf(b))) return a;
    return JSON.stringify(b.kept) > JSON.stringify(a.kept) ? b : a;
  });
  const resolved = leaves.map((l) => l.resolvedAt).filter((r): r is string => r !== null).sort();
  return {
    _id: newest._id,
    table: 'sync_notice',
    recordDocId: newest.recordDocId,
    field: newest.field,
    kept: newest.kept,
    replaced: newest.replaced,
    resolvedAt: resolved.at(-1) ?? null,
  };
}
