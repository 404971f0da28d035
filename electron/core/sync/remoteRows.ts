import { isDeepStrictEqual } from 'node:util';
import { statement, type Db } from '../db/connection.ts';
import { indexClinic, shadowColumns, unindexClinic } from '../db/repos/clinicSearchIndex.ts';
import { municipalityOf } from '../postal/municipalityOf.ts';
import { futureToleranceMs } from './clockTolerance.ts';
import { carryMergedEdits } from './mergedEdits.ts';
import { readSharedRow, unsentFields } from './outbox.ts';
import { sharedTableShapes } from './sharedFields.ts';
import { sharedTables, type RecordDoc, type SharedTable } from './syncPorts.ts';

/** What became of one remote document: written (or already so), or parked and why. */
export type RowOutcome = 'applied' | 'skipped' | 'parent' | 'future' | 'constraint';

/** Tables with the per-machine revision a stale form is checked against: a remote edit moves it on too. */
const revisedTables: ReadonlySet<SharedTable> = new Set(['clinics', 'inquiries', 'staff']);

const sqliteValue = (v: unknown) => (v === undefined ? null : v);

function parentsMissing(db: Db, table: SharedTable, row: Record<string, unknown>): boolean {
  return sharedTableShapes[table].parents.some(
    ({ column, table: parent }) => row[column] != null && statement(db, `SELECT 1 FROM ${parent} WHERE id = ?`).get(row[column]) === undefined,
  );
}

/** Stamped further ahead of the hub's clock than the tolerance: the writer's clock is wrong, not the hub's. */
function aheadOfHub(t: string | undefined, hubNowMs: number): boolean {
  return t !== undefined && Date.parse(t) - hubNowMs > futureToleranceMs;
}

function isConstraintError(error: unknown): boolean {
  return (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT')) || error instanceof TypeError;
}

/**
 * The clinic's search shadows and entries and its 市町村, made by the same functions the repos
 * use: none of them replicates, each machine derives them from the fields that do.
 */
function reindexClinic(db: Db, id: string, wasIndexedAt: number | undefined): void {
  const row = statement(db, 'SELECT seq, name, name_kana, phone, postal_code, address, fax, member_number FROM clinics WHERE id = ?').get(id) as {
    seq: number; name: string; name_kana: string; phone: string; postal_code: string; address: string; fax: string; member_number: string;
  };
  const shadows = shadowColumns({ name: row.name, nameKana: row.name_kana, phone: row.phone });
  const municipality = municipalityOf({ postalCode: row.postal_code, address: row.address });
  statement(db, 'UPDATE clinics SET name_norm = @name_norm, kana_norm = @kana_norm, phone_digits = @phone_digits, municipality = @municipality WHERE seq = @seq').run({
    ...shadows, municipality, seq: row.seq,
  });
  if (wasIndexedAt !== undefined) unindexClinic(db, wasIndexedAt);
  indexClinic(db, row.seq, { address: row.address, phone: row.phone, fax: row.fax, memberNumber: row.member_number }, shadows);
}

/**
 * Writes one live remote record into its table, inside the caller's transaction with the
 * outbox quiet. Fields with an unsent local edit are left alone (the local edit is newer and
 * goes out next); a field stamped further ahead of the hub's clock than the tolerance holds the
 * whole document; a row whose parent is not here yet waits.
 */
export function applyRemoteRecord(db: Db, table: SharedTable, id: string, doc: RecordDoc, hubNowMs: number): RowOutcome {
  const unsent = unsentFields(db, doc._id);
  if (unsent.has('*')) return 'skipped';
  const current = readSharedRow(db, table, id);
  const wanted: Record<string, unknown> = { ...current };
  const changed: string[] = [];
  for (const column of sharedTableShapes[table].columns) {
    if (column === 'id' || unsent.has(column) || !(column in doc.fields)) continue;
    const value = sqliteValue(doc.fields[column]);
    if (current && isDeepStrictEqual(current[column], value)) continue;
    wanted[column] = value;
    changed.push(column);
  }
  if (current && changed.length === 0) return 'applied';
  if (changed.some((column) => aheadOfHub(doc.stamps[column]?.t, hubNowMs))) return 'future';
  wanted.id = id;
  if (parentsMissing(db, table, wanted)) return 'parent';
  try {
    if (current) {
      const sets = changed.map((c) => `${c} = @${c}`);
      if (revisedTables.has(table)) sets.push('revision = revision + 1');
      statement(db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`).run(Object.fromEntries([['id', id], ...changed.map((c) => [c, wanted[c]])]));
    } else {
      const columns = ['id', ...changed];
      // NOT NULL shadows need a value at once; reindexClinic fills them in by the repos' own functions.
      const shadows = table === 'clinics' ? ['name_norm', 'kana_norm', 'phone_digits'] : [];
      const values = [...columns.map((c) => `@${c}`), ...shadows.map(() => "''")];
      statement(db, `INSERT INTO ${table} (${[...columns, ...shadows].join(', ')}) VALUES (${values.join(', ')})`).run(
        Object.fromEntries(columns.map((c) => [c, wanted[c]])),
      );
    }
  } catch (error) {
    if (isConstraintError(error)) return 'constraint';
    throw error;
  }
  if (table === 'clinics') reindexClinic(db, id, current ? (statement(db, 'SELECT seq FROM clinics WHERE id = ?').pluck().get(id) as number) : undefined);
  if (table === 'clinics' && current) carryMergedEdits(db, id, current, changed, doc, hubNowMs);
  return 'applied';
}

/** Rows here that point at this one and carry an unsent local edit. */
function hasUnsentChildren(db: Db, table: SharedTable, id: string): boolean {
  return sharedTables.some((child) =>
    sharedTableShapes[child].parents.some(
      (p) =>
        p.table === table &&
        statement(db, `SELECT 1 FROM ${child} c JOIN sync_outbox o ON o.doc_id = '${child}:' || c.id WHERE c.${p.column} = ? LIMIT 1`).get(id) !== undefined,
    ),
  );
}

/**
 * Deletes one row a remote purge removed, inside the caller's transaction. A row with an unsent
 * local edit stays (the live revision wins, as CouchDB's rule has it, and the edit brings it
 * back everywhere), and so does a row whose children were edited here offline: it is queued
 * whole so that it comes back everywhere with them. A row other rows still point at waits for
 * them to go.
 */
export function applyRemoteDeletion(db: Db, table: SharedTable, id: string, docId: string): RowOutcome {
  if (unsentFields(db, docId).size > 0) return 'skipped';
  const seq = table === 'clinics' ? (statement(db, 'SELECT seq FROM clinics WHERE id = ?').pluck().get(id) as number | undefined) : undefined;
  try {
    statement(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  } catch (error) {
    if (!isConstraintError(error)) throw error;
    if (!hasUnsentChildren(db, table, id)) return 'parent';
    const editedAt = sharedTableShapes[table].editedAt;
    statement(db, `INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT ?, '*', ${editedAt} FROM ${table} WHERE id = ?`).run(docId, id);
    return 'skipped';
  }
  if (seq !== undefined) unindexClinic(db, seq);
  return 'applied';
}
