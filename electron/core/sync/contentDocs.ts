/**
 * Official rate tables and content packs travel between machines. Their history row
 * (`content_changes`) is a shared record like any other (取り消す is a field edit that
 * replicates); the file itself travels as its own document, `contentFile:<change id>`, written
 * once by the machine that installed it and never edited. A machine that receives both checks the
 * file as 設定 checks a chosen one before it is used; a file this app cannot read is not used, and
 * the last good content stays in force, said so in 設定 and 保険料試算. It is tried again every
 * round, so an app update that can read it puts it in force.
 */
import { createHash } from 'node:crypto';
import type PouchDB from 'pouchdb-node';
import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import type { InstalledChange, InstalledFileState } from '../content/arrivedContent.ts';
import type { ContentProblem } from '../content/loadContent.ts';
import { statement, type Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from './localStore.ts';
import { recordDocId } from './sharedFields.ts';

/** A content file as a replicated document: the same bytes wherever it was made, so its revision is too. */
export interface ContentFileDoc {
  _id: string;
  _rev?: string;
  table: 'content_file';
  changeId: string;
  kind: 'pack' | 'rates';
  fileName: string;
  sha256: string;
  text: string;
  /**
   * The PDFs a pack names (the insurer's flyer, its important-matters document), as CouchDB
   * attachments named `<sha256>.pdf`: they travel with the pack and are checked by that name.
   */
  _attachments?: Record<string, { content_type: string; data: Buffer | string; digest?: string; stub?: boolean }>;
}

/** What sharing needs of the content in force (the ContentManager). */
export interface SharedContent {
  fileState(change: InstalledChange): InstalledFileState;
  installedText(change: InstalledChange): string | undefined;
  installedPdfs(change: InstalledChange): { sha256: string; bytes: Buffer }[];
  installArrived(change: InstalledChange, text: string, pdfs?: readonly { sha256: string; bytes: Uint8Array }[]): string[];
  takeBackArrived(change: InstalledChange): void;
  refreshArrivals(refused: ContentProblem[], reload: boolean): boolean;
}

export const contentFileDocId = (changeId: string) => `contentFile:${changeId}`;

const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type ChangeRow = { id: string; kind: 'pack' | 'rates'; label: string; file_name: string; reverted_at: string | null; source_document: string | null; source_date: string | null };

/** Every row of 取り込みの記録 here, oldest file name first (the order loadContent applies them in). */
function installedChanges(db: Db): InstalledChange[] {
  const rows = statement(db, 'SELECT id, kind, label, file_name, reverted_at, source_document, source_date FROM content_changes ORDER BY file_name, id').all() as ChangeRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    label: r.label,
    fileName: r.file_name,
    revertedAt: r.reverted_at,
    source: r.source_document !== null && r.source_date !== null ? { document: r.source_document, date: r.source_date } : null,
  }));
}

function contentFileDoc(change: InstalledChange, text: string, pdfs: readonly { sha256: string; bytes: Buffer }[]): ContentFileDoc {
  const doc: ContentFileDoc = { _id: contentFileDocId(change.id), table: 'content_file', changeId: change.id, kind: change.kind, fileName: change.fileName, sha256: sha256Of(text), text };
  if (pdfs.length === 0) return doc;
  return { ...doc, _attachments: Object.fromEntries(pdfs.map((pdf) => [`${pdf.sha256}.pdf`, { content_type: 'application/pdf', data: pdf.bytes.toString('base64') }])) };
}

/** The PDFs that came with a file document, each named by the SHA-256 its bytes must have. */
function attachedPdfs(doc: ContentFileDoc): { sha256: string; bytes: Uint8Array }[] {
  return Object.entries(doc._attachments ?? {}).flatMap(([name, attachment]) => {
    const sha256 = /^([0-9a-f]{64})\.pdf$/.exec(name)?.[1];
    if (!sha256 || attachment.stub) return [];
    const bytes = typeof attachment.data === 'string' ? Buffer.from(attachment.data, 'base64') : attachment.data;
    return [{ sha256, bytes }];
  });
}

/**
 * Before a drain: every content change here reaches the store with its file. A row installed here
 * that the store has never seen (installed before this machine shared, or kept when it took the
 * hub's records) is queued whole, with the staff member who confirmed it; a file not yet in the
 * store is written. Returns the revisions written.
 */
export async function shareContentChanges(db: Db, store: Store, content: SharedContent, machineId: string): Promise<{ id: string; rev: string }[]> {
  const changes = installedChanges(db);
  if (changes.length === 0) return [];
  // Rows from other machines came through the hub: after a rejoin they come back from it.
  const ownIds = statement(db, 'SELECT id FROM content_changes WHERE machine = ?').pluck().all(machineId) as string[];
  const staffIds = statement(db, 'SELECT DISTINCT staff_id FROM content_changes WHERE machine = ? AND staff_id IS NOT NULL').pluck().all(machineId) as string[];
  const rowDocIds = [...ownIds.map((id) => recordDocId('content_changes', id)), ...staffIds.map((id) => recordDocId('staff', id))];
  const found = await store.allDocs({ keys: [...rowDocIds, ...changes.map((c) => contentFileDocId(c.id))] });
  const inStore = new Set(found.rows.filter((row) => !row.error).map((row) => row.id));
  // The staff who confirmed a table go with it: another machine cannot write the row before them.
  const queue = {
    content_changes: statement(db, "INSERT OR IGNORE INTO sync_outbox (doc_id, field, changed_at) SELECT 'content_changes:' || id, '*', installed_at FROM content_changes WHERE id = ?"),
    staff: statement(db, "INSERT OR IGNORE INTO sync_outbox (doc_id, field, changed_at) SELECT 'staff:' || id, '*', updated_at FROM staff WHERE id = ?"),
  };
  db.transaction(() => {
    for (const docId of rowDocIds) {
      if (inStore.has(docId)) continue;
      const [table, id] = docId.split(':') as ['content_changes' | 'staff', string];
      queue[table].run(id);
    }
  })();
  const docs = changes.flatMap((change) => {
    if (inStore.has(contentFileDocId(change.id))) return [];
    const text = content.installedText(change);
    return text === undefined ? [] : [contentFileDoc(change, text, content.installedPdfs(change))];
  });
  if (docs.length === 0) return [];
  const results = await store.bulkDocs(docs as unknown as PouchDB.Doc[]);
  return results.flatMap((result, i) => ('error' in result && result.error ? [] : [{ id: docs[i]!._id, rev: (result as PouchDB.Response).rev }]));
}

/** A file document that belongs to the row it claims to: same change, kind and name, bytes unharmed. */
function matches(doc: Partial<ContentFileDoc> | undefined, change: InstalledChange): doc is ContentFileDoc {
  return doc !== undefined && doc.changeId === change.id && doc.kind === change.kind && doc.fileName === change.fileName && typeof doc.text === 'string' && doc.sha256 === sha256Of(doc.text);
}

/**
 * After the store's changes were applied to SQLite: each change's file is put where its row
 * says. A file taken back elsewhere moves aside; a file not here yet is taken from the store and
 * checked before it is used. Returns the areas to announce (content) when anything staff see
 * changed.
 */
export async function installArrivedContent(db: Db, store: Store, content: SharedContent, log: Logger): Promise<DataArea[]> {
  const changes = installedChanges(db);
  let moved = false;
  const missing: InstalledChange[] = [];
  for (const change of changes) {
    const state = content.fileState(change);
    if (change.revertedAt !== null && state === 'inForce') {
      content.takeBackArrived(change);
      moved = true;
    } else if (change.revertedAt === null && state === 'missing') missing.push(change);
  }
  const refused = new Map<InstalledChange, string[]>();
  if (missing.length > 0) {
    const found = await store.allDocs<ContentFileDoc>({ keys: missing.map((c) => contentFileDocId(c.id)), include_docs: true, attachments: true, binary: true });
    found.rows.forEach((row, i) => {
      const change = missing[i]!;
      // Not here yet: the row came first, and its file follows in a later round.
      if (row.error || row.value.deleted || !row.doc) return;
      const problems = matches(row.doc, change) ? content.installArrived(change, row.doc.text, attachedPdfs(row.doc)) : [contentMessages.arrivedMismatch];
      if (problems.length === 0) {
        log.info('sync: content installed from another machine', { changeId: change.id, kind: change.kind });
        moved = true;
      } else refused.set(change, problems);
    });
  }
  const problems = [...refused].map(([change, messages]) => arrivalProblem(change, messages, changes, content));
  const changed = content.refreshArrivals(problems, moved);
  if (changed) for (const change of refused.keys()) log.warn('sync: content from another machine not used', { changeId: change.id, kind: change.kind });
  return changed ? ['content'] : [];
}

/**
 * How a refused change is reported: its reasons after what it means for staff. A table that
 * would be in force here had it been readable (no later table is) is named as set aside, so
 * 保険料試算 says this PC does not quote from the office's table.
 */
function arrivalProblem(change: InstalledChange, messages: string[], changes: readonly InstalledChange[], content: SharedContent): ContentProblem {
  const laterInForce = changes.some((c) => c.kind === change.kind && c.fileName > change.fileName && c.revertedAt === null && content.fileState(c) === 'inForce');
  return {
    file: change.fileName,
    kind: change.kind,
    ...(change.kind === 'rates' && !laterInForce ? { setAside: { version: change.label, official: true } } : {}),
    fromAnotherMachine: true,
    messages: [contentMessages.arrivedRefused(change.kind, change.label), ...messages],
  };
}
