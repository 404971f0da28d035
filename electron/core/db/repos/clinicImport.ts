import type { ClinicFields } from '../../../../shared/domain/clinic.ts';
import { statement, type Db } from '../connection.ts';
import { insertClinicRows, writeClinicUpdate } from './clinicRecords.ts';
import type { WriteContext } from './writeContext.ts';

/** A registered clinic as the import's matching sees it. */
export interface ClinicMatchRow {
  id: string;
  memberNumber: string;
  address: string;
}

/**
 * Lookups for matching imported rows to registered clinics (archived ones too: bringing one
 * back in as new is the mistake to avoid). Read once into maps: one pass over the table costs
 * less than three indexed queries for each row of a 50,000-row list.
 */
export function clinicMatchLookup(db: Db) {
  const byId = new Map<string, ClinicMatchRow>();
  const byMember = new Map<string, ClinicMatchRow>();
  const byPhone = new Map<string, ClinicMatchRow[]>();
  const byName = new Map<string, ClinicMatchRow[]>();
  const push = (map: Map<string, ClinicMatchRow[]>, key: string, row: ClinicMatchRow) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  const rows = statement(
    db,
    `SELECT id, member_number AS memberNumber, address, phone_digits AS phoneDigits, name_norm AS nameNorm
       FROM clinics ORDER BY archived_at IS NOT NULL, seq`,
  ).iterate() as Iterable<ClinicMatchRow & { phoneDigits: string; nameNorm: string }>;
  for (const { phoneDigits, nameNorm, ...row } of rows) {
    byId.set(row.id, row);
    if (row.memberNumber !== '') byMember.set(row.memberNumber, row);
    if (phoneDigits !== '') push(byPhone, phoneDigits, row);
    push(byName, nameNorm, row);
  }
  return {
    byId: (id: string) => byId.get(id),
    byMemberNumber: (memberNumber: string) => byMember.get(memberNumber),
    byPhoneDigits: (digits: string) => byPhone.get(digits) ?? [],
    byNameNorm: (nameNorm: string) => byName.get(nameNorm) ?? [],
  };
}

export interface ClinicImportWrite {
  inserts: readonly { fields: ClinicFields; id?: string | undefined }[];
  updates: readonly { id: string; fields: ClinicFields }[];
}

/**
 * Writes an import: every insert and update in one transaction, all or nothing. Progress is
 * reported between chunks; the caller may run this in a worker and stop it at any point.
 * `unchangedSince` is asked first, holding the write lock (BEGIN IMMEDIATE): when it answers
 * false, nothing is written and undefined is returned.
 */
export function writeClinicImport(
  db: Db,
  write: ClinicImportWrite,
  ctx: WriteContext,
  onProgress: (done: number, total: number) => void = () => {},
  options: { unchangedSince?: () => boolean; chunk?: number } = {},
): { inserted: number; updated: number } | undefined {
  const { unchangedSince = () => true, chunk = 500 } = options;
  const total = write.inserts.length + write.updates.length;
  return db.transaction(() => {
    if (!unchangedSince()) return undefined;
    let done = 0;
    for (const { id, fields } of write.updates) {
      writeClinicUpdate(db, id, fields, ctx, undefined);
      if (++done % chunk === 0) onProgress(done, total);
    }
    for (let i = 0; i < write.inserts.length; i += chunk) {
      const part = write.inserts.slice(i, i + chunk);
      insertClinicRows(db, part, ctx);
      done += part.length;
      onProgress(done, total);
    }
    onProgress(total, total);
    return { inserted: write.inserts.length, updated: write.updates.length };
  }).immediate();
}
