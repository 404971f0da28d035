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

/** The record a merged-away one ended in, following merges of merges (a cycle, which merging cannot make, ends nowhere). */
function keptRecordOf(id: string, mergedAway: ReadonlyMap<string, { mergedInto: string }>, live: ReadonlyMap<string, ClinicMatchRow>): ClinicMatchRow | undefined {
  let at = id;
  for (let hops = 0; hops <= mergedAway.size; hops++) {
    const next = mergedAway.get(at);
    if (!next) return live.get(at);
    at = next.mergedInto;
  }
  return undefined;
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
    `SELECT id, member_number AS memberNumber, address, phone_digits AS phoneDigits, name_norm AS nameNorm, merged_into AS mergedInto
       FROM clinics ORDER BY archived_at IS NOT NULL, seq`,
  ).iterate() as Iterable<ClinicMatchRow & { phoneDigits: string; nameNorm: string; mergedInto: string | null }>;
  const mergedAway = new Map<string, { mergedInto: string; phoneDigits: string; nameNorm: string; address: string }>();
  for (const { phoneDigits, nameNorm, mergedInto, ...row } of rows) {
    if (mergedInto !== null) {
      mergedAway.set(row.id, { mergedInto, phoneDigits, nameNorm, address: row.address });
      continue;
    }
    byId.set(row.id, row);
    if (row.memberNumber !== '') byMember.set(row.memberNumber, row);
    if (phoneDigits !== '') push(byPhone, phoneDigits, row);
    push(byName, nameNorm, row);
  }
  // A record merged into another (重複をまとめる) is that other one now: a roster row matching
  // the duplicate (its id in an old export, its phone, its name) updates the kept record.
  for (const [id, { phoneDigits, nameNorm, address }] of mergedAway) {
    const kept = keptRecordOf(id, mergedAway, byId);
    if (!kept) continue;
    byId.set(id, kept);
    if (phoneDigits !== '') push(byPhone, phoneDigits, kept);
    // Under the duplicate's name with the duplicate's address, so name and address still match together.
    push(byName, nameNorm, { ...kept, address });
  }
  return {
    byId: (id: string) => byId.get(id),
    byMemberNumber: (memberNumber: string) => byMember.get(memberNumber),
    byPhoneDigits: (digits: string) => byPhone.get(digits) ?? [],
    byNameNorm: (nameNorm: string) => byName.get(nameNorm) ?? [],
  };
}

export type ClinicInsert = { fields: ClinicFields; id?: string | undefined };

export interface ClinicImportWrite {
  inserts: readonly ClinicInsert[];
  updates: readonly { id: string; fields: ClinicFields }[];
}

/**
 * The same write with its inserts read part by part as they are written (a plan on disk): a
 * country's roster then never sits in memory whole while SQLite's pages fill up beside it.
 */
export interface ClinicImportParts {
  insertCount: number;
  insertParts: () => Iterable<readonly ClinicInsert[]>;
  updates: ClinicImportWrite['updates'];
}

export const insertCountOf = (write: ClinicImportWrite | ClinicImportParts) => ('insertParts' in write ? write.insertCount : write.inserts.length);

function* inParts<T>(items: readonly T[], size: number): Iterable<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Writes an import: every insert and update in one transaction, all or nothing. Progress is
 * reported between chunks; the caller may run this in a worker and stop it at any point.
 * `unchangedSince` is asked first, holding the write lock (BEGIN IMMEDIATE): when it answers
 * false, nothing is written and undefined is returned.
 */
export function writeClinicImport(
  db: Db,
  write: ClinicImportWrite | ClinicImportParts,
  ctx: WriteContext,
  onProgress: (done: number, total: number) => void = () => {},
  options: { unchangedSince?: () => boolean; chunk?: number } = {},
): { inserted: number; updated: number } | undefined {
  const { unchangedSince = () => true, chunk = 500 } = options;
  const total = insertCountOf(write) + write.updates.length;
  return db.transaction(() => {
    if (!unchangedSince()) return undefined;
    let done = 0;
    for (const { id, fields } of write.updates) {
      writeClinicUpdate(db, id, fields, ctx, undefined);
      if (++done % chunk === 0) onProgress(done, total);
    }
    for (const read of 'insertParts' in write ? write.insertParts() : [write.inserts]) {
      for (const part of inParts(read, chunk)) {
        insertClinicRows(db, part, ctx);
        done += part.length;
        onProgress(done, total);
      }
    }
    onProgress(total, total);
    return { inserted: insertCountOf(write), updated: write.updates.length };
  }).immediate();
}
