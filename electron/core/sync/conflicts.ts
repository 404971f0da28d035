/**
 * Conflicting revisions in this machine's store, merged field by field (mergeLeaves): the merged
 * document goes on the winning revision, the losing leaves are deleted, and each replaced value
 * becomes a notice document. Every machine resolving the same conflict writes identical
 * documents (same content on the same parent revision: PouchDB's revisions are deterministic),
 * so replicating the resolutions makes no new conflict.
 */
import { mergeLeaves, mergeNotices } from './mergeLeaves.ts';
import type { Store } from './localStore.ts';
import type { NoticeDoc, RecordDoc } from './syncPorts.ts';

type Leaf = (RecordDoc | NoticeDoc) & { _rev: string };

/** Merges the live leaves of one document (the winner and its conflicts) and writes the result. */
export async function resolveConflicts(store: Store, id: string, winnerRev: string, conflicts: readonly string[]): Promise<void> {
  if (conflicts.length === 0) return;
  const answers = (await store.get(id, { open_revs: [winnerRev, ...conflicts] })) as unknown as { ok?: Leaf }[];
  const leaves = answers.flatMap((answer) => (answer.ok && !(answer.ok as { _deleted?: boolean })._deleted ? [answer.ok] : []));
  if (leaves.length < 2) return;
  // A content file is written once, never edited: two versions mean a copy changed by hand, and
  // the one CouchDB chose (the same on every machine) stays, checked like any arrived file.
  if (id.startsWith('contentFile:')) return void (await store.bulkDocs(leaves.filter((leaf) => leaf._rev !== winnerRev).map((leaf) => ({ _id: id, _rev: leaf._rev, _deleted: true }))));
  const { doc, notices } = id.startsWith('notice:') ? { doc: mergeNotices(leaves as NoticeDoc[]), notices: [] } : mergeLeaves(leaves as RecordDoc[]);
  const { _rev: _ignored, ...content } = doc;
  await store.put({ _id: id, _rev: winnerRev, ...stripId(content) });
  await store.bulkDocs(leaves.filter((leaf) => leaf._rev !== winnerRev).map((leaf) => ({ _id: id, _rev: leaf._rev, _deleted: true })));
  await putNewNotices(store, notices);
}

const stripId = <T extends { _id?: string }>(doc: T): Omit<T, '_id'> => {
  const { _id: _ignored, ...rest } = doc;
  return rest;
};

/** Notices another machine already wrote (or resolved) stay as they are. */
async function putNewNotices(store: Store, notices: readonly NoticeDoc[]): Promise<void> {
  if (notices.length === 0) return;
  const known = await store.allDocs({ keys: notices.map((notice) => notice._id) });
  const missing = new Set(known.rows.filter((row) => row.error === 'not_found').map((row) => row.key));
  const fresh = notices.filter((notice) => missing.has(notice._id));
  if (fresh.length > 0) await store.bulkDocs(fresh.map((notice) => ({ ...notice }) as PouchDocOf<NoticeDoc>));
}

type PouchDocOf<T> = T & { [key: string]: unknown };
