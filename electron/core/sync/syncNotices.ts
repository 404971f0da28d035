import { isDeepStrictEqual } from 'node:util';
import type { ClinicFields } from '../../../shared/domain/clinic.ts';
import type { InquiryStatus } from '../../../shared/domain/inquiry.ts';
import type { SyncNotice } from '../../../shared/domain/sync.ts';
import { receiptNumberMessages } from '../../../shared/messages/receiptNumberMessages.ts';
import { syncFieldLabels, syncNoticeMessages, syncValueLabels } from '../../../shared/messages/syncMessages.ts';
import { AppError } from '../errors.ts';
import { statement, type Db } from '../db/connection.ts';
import { getClinic, setClinicArchived, updateClinic } from '../db/repos/clinicRecords.ts';
import { changeInquiryStatus, getInquiry, updateInquiry, type InquiryFields } from '../db/repos/inquiries.ts';
import { getStaff, updateStaff } from '../db/repos/staff.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { readSharedRow } from './outbox.ts';
import { parseRecordDocId } from './sharedFields.ts';
import type { NoticeDoc, SharedTable } from './syncPorts.ts';

interface NoticeRow {
  id: string;
  record_doc_id: string;
  field: string;
  kept: string;
  replaced: string;
  resolved_at: string | null;
}

type Side = NoticeDoc['kept'];

const kindOfTable: Partial<Record<SharedTable, SyncNotice['recordKind']>> = { clinics: 'clinic', inquiries: 'inquiry', staff: 'staff' };

function recordLabel(db: Db, table: SharedTable, id: string): string {
  // A 受付番号 two machines issued before they shared names the clinic too, or staff could not tell which inquiry.
  if (table === 'inquiries') {
    const inquiry = getInquiry(db, id);
    if (!inquiry) return syncNoticeMessages.goneRecord;
    return inquiry.receiptNumberShared ? receiptNumberMessages.withClinic(inquiry.receiptNumber, inquiry.clinicName) : inquiry.receiptNumber;
  }
  const sql = { clinics: 'SELECT name FROM clinics WHERE id = ?', staff: 'SELECT name FROM staff WHERE id = ?' }[table as 'clinics' | 'staff'];
  return (statement(db, sql).pluck().get(id) as string | undefined) ?? syncNoticeMessages.goneRecord;
}

export function valueText(table: SharedTable, field: string, value: unknown): string {
  if (field === 'archived_at') return value == null ? syncNoticeMessages.notArchivedValue : syncNoticeMessages.archivedValue;
  if (value === null || value === undefined || value === '') return syncNoticeMessages.emptyValue;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return syncValueLabels[table]?.[field]?.[text] ?? text;
}

/** This machine's id and the 受付番号 prefix each machine claimed: how a notice names the machines. */
export interface MachineNames {
  self: string;
  prefixes: ReadonlyMap<string, string>;
}

function writtenBy(db: Db, side: Side, machines: MachineNames) {
  const staffName = side.staffId ? ((statement(db, 'SELECT name FROM staff WHERE id = ?').pluck().get(side.staffId) as string | undefined) ?? null) : null;
  const machine = side.stamp.m;
  return { machine, thisMachine: machine === machines.self, machinePrefix: machines.prefixes.get(machine) ?? null, staffName, at: side.stamp.t };
}

function toNotice(db: Db, row: NoticeRow, machines: MachineNames): SyncNotice | undefined {
  const record = parseRecordDocId(row.record_doc_id);
  const recordKind = record && kindOfTable[record.table];
  if (!record || !recordKind) return undefined;
  const kept = JSON.parse(row.kept) as Side;
  const replaced = JSON.parse(row.replaced) as Side;
  // まとめ先 holds a clinic's id: staff know that clinic by its name.
  const shown = (value: unknown) =>
    record.table === 'clinics' && row.field === 'merged_into' && typeof value === 'string' ? recordLabel(db, 'clinics', value) : valueText(record.table, row.field, value);
  return {
    id: row.id,
    recordKind,
    recordId: record.id,
    recordLabel: recordLabel(db, record.table, record.id),
    field: row.field,
    fieldLabel: syncFieldLabels[record.table]?.[row.field] ?? row.field,
    keptValue: shown(kept.value),
    replacedValue: shown(replaced.value),
    kept: writtenBy(db, kept, machines),
    replaced: writtenBy(db, replaced, machines),
    resolvedAt: row.resolved_at,
  };
}

/** Conflict notices, newest replaced edit first: all of one record (its badge), or the open ones (設定 → 同期). */
export function listNotices(db: Db, query: { recordId?: string | undefined; includeResolved: boolean }, machines: MachineNames): SyncNotice[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.recordId !== undefined) {
    where.push('record_doc_id IN (?, ?, ?)');
    params.push(`clinics:${query.recordId}`, `inquiries:${query.recordId}`, `staff:${query.recordId}`);
  }
  if (!query.includeResolved) where.push('resolved_at IS NULL');
  const rows = statement(
    db,
    `SELECT id, record_doc_id, field, kept, replaced, resolved_at FROM sync_notices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY json_extract(replaced, '$.stamp.t') DESC, id`,
  ).all(...params) as NoticeRow[];
  return rows.flatMap((row) => toNotice(db, row, machines) ?? []);
}

/** Open notices, for the status's count. */
export function countOpenNotices(db: Db): number {
  return statement(db, 'SELECT count(*) FROM sync_notices WHERE resolved_at IS NULL').pluck().get() as number;
}

function noticeRow(db: Db, id: string): NoticeRow {
  const row = statement(db, 'SELECT id, record_doc_id, field, kept, replaced, resolved_at FROM sync_notices WHERE id = ?').get(id) as NoticeRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', syncNoticeMessages.noticeNotFound);
  return row;
}

function resolve(db: Db, id: string, ctx: WriteContext, machines: MachineNames): SyncNotice {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  statement(db, 'UPDATE sync_notices SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run(now, id);
  return toNotice(db, noticeRow(db, id), machines)!;
}

const clinicFieldOfColumn: Record<string, keyof ClinicFields> = {
  name: 'name', name_kana: 'nameKana', kind: 'kind', bed_count: 'bedCount', postal_code: 'postalCode', address: 'address',
  phone: 'phone', fax: 'fax', contact_person: 'contactPerson', member_number: 'memberNumber', memo: 'memo',
  no_mailing: 'noMailing', no_mailing_reason: 'noMailingReason',
};
const inquiryFieldOfColumn: Record<string, keyof InquiryFields> = {
  received_on: 'receivedOn', channel: 'channel', content: 'content', next_action_on: 'nextActionOn', staff_id: 'staffId',
};

/** The edit that puts the value back, made through the repo like any edit, so it replicates. */
function writeBack(db: Db, table: SharedTable, id: string, field: string, value: unknown, ctx: WriteContext): void {
  if (table === 'clinics') {
    const clinic = getClinic(db, id)!;
    if (field === 'archived_at') return void setClinicArchived(db, id, value !== null, ctx);
    const key = clinicFieldOfColumn[field];
    if (!key) throw new AppError('INVALID_INPUT', syncNoticeMessages.cannotPutBack);
    const { id: _id, createdAt: _c, updatedAt: _u, updatedByMachine: _m, archivedAt: _a, revision, ...fields } = clinic;
    return void updateClinic(db, id, { ...fields, [key]: value }, ctx, revision);
  }
  if (table === 'inquiries') {
    const inquiry = getInquiry(db, id)!;
    if (field === 'status') {
      return void changeInquiryStatus(db, id, { to: value as InquiryStatus, reason: syncNoticeMessages.putBackReason, expectedRevision: inquiry.revision }, ctx);
    }
    const key = inquiryFieldOfColumn[field];
    if (!key) throw new AppError('INVALID_INPUT', syncNoticeMessages.cannotPutBack);
    const { receivedOn, channel, content, nextActionOn, staffId } = inquiry;
    return void updateInquiry(db, id, { receivedOn, channel, content, nextActionOn, staffId, [key]: value }, ctx, inquiry.revision);
  }
  if (table === 'staff' && (field === 'name' || field === 'active')) {
    const staff = getStaff(db, id)!;
    return void updateStaff(db, id, { [field]: field === 'active' ? value === 1 : value, expectedRevision: staff.revision }, ctx);
  }
  throw new AppError('INVALID_INPUT', syncNoticeMessages.cannotPutBack);
}

/**
 * 元に戻す: puts the replaced value back on the record, as an ordinary edit that replicates, and
 * closes the notice. Refused when the record has changed since the conflict (its value is no
 * longer the one kept), so a later edit is never undone unseen.
 */
export function putBackNotice(db: Db, id: string, ctx: WriteContext, machines: MachineNames): SyncNotice {
  return db.transaction(() => {
    const row = noticeRow(db, id);
    const record = parseRecordDocId(row.record_doc_id);
    const current = record && readSharedRow(db, record.table, record.id);
    if (!record || !current) throw new AppError('NOT_FOUND', syncNoticeMessages.recordGone);
    const kept = JSON.parse(row.kept) as Side;
    const replaced = JSON.parse(row.replaced) as Side;
    if (!isDeepStrictEqual(current[row.field] ?? null, kept.value ?? null)) throw new AppError('CONFLICT', syncNoticeMessages.recordChangedSince);
    writeBack(db, record.table, record.id, row.field, replaced.value ?? null, ctx);
    return resolve(db, id, ctx, machines);
  })();
}

/** 確認済み: closes the notice and keeps the value that won. */
export function dismissNotice(db: Db, id: string, ctx: WriteContext, machines: MachineNames): SyncNotice {
  return db.transaction(() => {
    noticeRow(db, id);
    return resolve(db, id, ctx, machines);
  })();
}

/**
 * Notices resolved here that the hub has not heard of, as the documents to write (the replication
 * side puts them on the store's revision, merging with mergeNotices on a conflict), with the
 * queue numbers to acknowledge through ackOutbox.
 */
export function readNoticeOutbox(db: Db, limit: number): { doc: NoticeDoc; docId: string; marks: Record<string, number> }[] {
  const rows = statement(
    db,
    `SELECT o.n, o.doc_id, s.id, s.record_doc_id, s.field, s.kept, s.replaced, s.resolved_at
       FROM sync_outbox o JOIN sync_notices s ON o.doc_id = 'notice:' || s.id
      WHERE o.doc_id LIKE 'notice:%' ORDER BY o.n LIMIT ?`,
  ).all(limit) as (NoticeRow & { n: number; doc_id: string })[];
  return rows.map((row) => ({
    docId: row.doc_id,
    marks: { resolvedAt: row.n },
    doc: {
      _id: row.doc_id,
      table: 'sync_notice',
      recordDocId: row.record_doc_id,
      field: row.field,
      kept: JSON.parse(row.kept) as Side,
      replaced: JSON.parse(row.replaced) as Side,
      resolvedAt: row.resolved_at,
    },
  }));
}
