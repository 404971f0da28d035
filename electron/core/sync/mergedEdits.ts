import { isDeepStrictEqual } from 'node:util';
import { bedCountProblem, type ClinicFields } from '../../../shared/domain/clinic.ts';
import { pickClinicFields } from '../../../shared/domain/clinicMerge.ts';
import { statement, type Db } from '../db/connection.ts';
import { getClinic, reindexStoredClinic, writeClinicUpdate } from '../db/repos/clinicRecords.ts';
import { readMachineId } from '../db/repos/settings.ts';
import { noticeId } from './mergeLeaves.ts';
import { readSharedRow, unsentFields } from './outbox.ts';
import type { FieldStamp, RecordDoc } from './syncPorts.ts';

/** The columns staff edit on a clinic, with the field each is in the form. */
const carriedColumns: Record<string, keyof ClinicFields> = {
  name: 'name', name_kana: 'nameKana', kind: 'kind', bed_count: 'bedCount', postal_code: 'postalCode', address: 'address',
  phone: 'phone', fax: 'fax', contact_person: 'contactPerson', member_number: 'memberNumber', memo: 'memo',
  no_mailing: 'noMailing', no_mailing_reason: 'noMailingReason',
};

/**
 * A 会員番号 names one record: one given to the merged-away record offline is carried only when
 * no third record holds it, and the merged-away record lets go of it first (an edit of this
 * machine, queued like the kept record's). Otherwise it stays where it arrived, and the notice says so.
 */
function releaseCarriedNumber(db: Db, mergedId: string, keptId: string, memberNumber: unknown, at: string): boolean {
  if (typeof memberNumber !== 'string' || memberNumber === '') return false;
  const holder = statement(db, 'SELECT id FROM clinics WHERE member_number = ? AND id NOT IN (?, ?)').pluck().get(memberNumber, mergedId, keptId);
  if (holder !== undefined) return false;
  statement(db, "UPDATE clinics SET member_number = '' WHERE id = ?").run(mergedId);
  reindexStoredClinic(db, mergedId);
  statement(db, "INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (?, 'member_number', ?)").run(`clinics:${mergedId}`, at);
  return true;
}

/** The record a merged-away one ends in, following merges of merges; undefined when the chain is broken. */
function finalKept(db: Db, id: string): string | undefined {
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const next = statement(db, 'SELECT merged_into FROM clinics WHERE id = ?').pluck().get(current) as string | null | undefined;
    if (next === undefined) return undefined;
    if (next === null) return current;
    current = next;
  }
  return undefined;
}

interface Side {
  value: unknown;
  stamp: FieldStamp;
  staffId: string | null;
}

/** A notice on the kept record, replicated like one a conflict makes: the same id on every machine that carries the same edit. */
function addNotice(db: Db, keptId: string, column: string, kept: Side, replaced: Side, byStamp: FieldStamp): void {
  const id = noticeId(`clinics:${keptId}`, column, byStamp);
  const { changes } = statement(db, 'INSERT OR IGNORE INTO sync_notices (id, record_doc_id, field, kept, replaced, resolved_at) VALUES (?, ?, ?, ?, ?, NULL)').run(
    id, `clinics:${keptId}`, column, JSON.stringify(kept), JSON.stringify(replaced),
  );
  if (changes === 1) statement(db, "INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (?, 'resolvedAt', ?)").run(`notice:${id}`, byStamp.t);
}

/**
 * An edit of a clinic that had already been merged into another here (made offline on another
 * machine before it heard of the merge) is carried to the record kept, as this machine's edit,
 * with a notice on it, so it is neither lost on the archived record nor brings the duplicate
 * back. A field with an unsent edit of the kept record here keeps that edit, and the notice
 * offers the other value. Inside the applying transaction (the outbox triggers are quiet, so the
 * kept record's changed fields are queued here).
 */
export function carryMergedEdits(db: Db, mergedId: string, before: Record<string, unknown>, changed: readonly string[], doc: RecordDoc, hubNowMs: number): void {
  if (before.merged_into == null) return;
  const after = readSharedRow(db, 'clinics', mergedId);
  // A merged-away record losing its 会員番号 is the merge's (or a carry's) bookkeeping, not an edit to carry.
  const columns = changed.filter((c) => c in carriedColumns && !(c === 'member_number' && after?.member_number === ''));
  if (!after || after.merged_into == null || columns.length === 0) return;
  const keptId = finalKept(db, mergedId);
  const kept = keptId === undefined ? undefined : getClinic(db, keptId);
  if (!kept || !keptId) return;
  const keptBefore = readSharedRow(db, 'clinics', keptId)!;
  const unsent = unsentFields(db, `clinics:${keptId}`);
  const editor = typeof doc.fields.updated_by_staff === 'string' ? doc.fields.updated_by_staff : null;
  const fields: ClinicFields = pickClinicFields(kept);
  let carried = columns.filter((c) => !unsent.has(c) && !unsent.has('*') && !isDeepStrictEqual(keptBefore[c], after[c]));
  const now = new Date(hubNowMs);
  if (carried.includes('member_number') && !releaseCarriedNumber(db, mergedId, keptId, after.member_number, now.toISOString())) {
    carried = carried.filter((c) => c !== 'member_number');
  }
  for (const c of carried) (fields as Record<string, unknown>)[carriedColumns[c]!] = after[c];
  if (bedCountProblem(fields.kind, fields.bedCount)) {
    // 種別 and 病床数 that no longer agree stay as they are on the kept record; the notices offer them.
    carried = carried.filter((c) => c !== 'kind' && c !== 'bed_count');
    fields.kind = kept.kind;
    fields.bedCount = kept.bedCount;
  }
  const self = readMachineId(db);
  const keptStamp: FieldStamp = { t: kept.updatedAt, m: kept.updatedByMachine, c: 0 };
  if (carried.length > 0) {
    writeClinicUpdate(db, keptId, fields, { machineId: self, staffId: editor, now: () => now }, undefined);
    const keptAfter = readSharedRow(db, 'clinics', keptId)!;
    for (const column of Object.keys(keptAfter)) {
      if (column !== 'id' && !isDeepStrictEqual(keptBefore[column], keptAfter[column])) {
        statement(db, 'INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (?, ?, ?)').run(`clinics:${keptId}`, column, now.toISOString());
      }
    }
  }
  for (const column of columns) {
    const stamp = doc.stamps[column] ?? { t: now.toISOString(), m: '', c: 0 };
    const edit: Side = { value: after[column] ?? null, stamp, staffId: editor };
    const held: Side = { value: keptBefore[column] ?? null, stamp: keptStamp, staffId: null };
    if (isDeepStrictEqual(edit.value, held.value)) continue;
    if (carried.includes(column)) addNotice(db, keptId, column, edit, held, stamp);
    else addNotice(db, keptId, column, held, edit, stamp);
  }
}
