import { newRecordId } from '../recordIds.ts';
import type { Clinic, ClinicFields, ClinicKind } from '../../../../shared/domain/clinic.ts';
import { AppError } from '../../errors.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { statement, type Db } from '../connection.ts';
import { prefixUpperBound, toBigramTokens, toPhraseQuery } from './searchTokens.ts';
import { assertRevision, assertWritten, revisionGuard } from './revisions.ts';

export type { ClinicFields };

interface ClinicRow {
  seq: number;
  id: string;
  name: string;
  name_kana: string;
  kind: ClinicKind;
  bed_count: number | null;
  postal_code: string;
  address: string;
  phone: string;
  fax: string;
  contact_person: string;
  member_number: string;
  memo: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  archived_at: string | null;
  revision: number;
}

const clinicColumns =
  'c.seq, c.id, c.name, c.name_kana, c.kind, c.bed_count, c.postal_code, c.address, c.phone, c.fax, ' +
  'c.contact_person, c.member_number, c.memo, ' +
  'c.created_at, c.updated_at, c.updated_by, c.archived_at, c.revision';

/**
 * A row as the contract's Clinic. The table's constraints already hold every rule of the schema
 * (kind is CHECKed, the rest NOT NULL), and dispatch checks what leaves the core, so the row is
 * not parsed a second time here: that took 10 µs a row, half of a search page's time.
 */
function toClinic(row: ClinicRow): Clinic {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    kind: row.kind,
    bedCount: row.bed_count,
    postalCode: row.postal_code,
    address: row.address,
    phone: row.phone,
    fax: row.fax,
    contactPerson: row.contact_person,
    memberNumber: row.member_number,
    memo: row.memo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByMachine: row.updated_by,
    archivedAt: row.archived_at,
    revision: row.revision,
  };
}

/** The fields of a clinic its search entries are made of. */
export type SearchedFields = Pick<ClinicFields, 'address' | 'phone' | 'fax' | 'memberNumber'>;

/** The clinic's searchable fields, normalised, in the column order of both search indexes. */
function searchTexts(fields: SearchedFields, nameNorm: string, kanaNorm: string): string[] {
  return [nameNorm, kanaNorm, normalizeForSearch(fields.address), normalizeForSearch(fields.phone), normalizeForSearch(fields.fax), normalizeForSearch(fields.memberNumber)];
}

/**
 * The statements that write a clinic and its two search entries, shared with the import bench,
 * whose reference must insert exactly what the app inserts.
 */
export const clinicWriteSql = {
  clinic: `INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax,
                          contact_person, member_number, memo, name_norm, kana_norm, phone_digits,
                          created_at, updated_at, updated_by, updated_by_staff)
     VALUES (@id, @name, @nameKana, @kind, @bedCount, @postalCode, @address, @phone, @fax,
             @contactPerson, @memberNumber, @memo, @name_norm, @kana_norm, @phone_digits,
             @now, @now, @machineId, @staffId)`,
  bigrams: 'INSERT INTO clinic_search (rowid, name, kana, address, phone, fax, member) VALUES (?, ?, ?, ?, ?, ?, ?)',
  trigrams: 'INSERT INTO clinic_trigrams (rowid, name, kana, address, phone, fax, member) VALUES (?, ?, ?, ?, ?, ?, ?)',
} as const;

export function indexClinic(db: Db, seq: number, fields: SearchedFields, nameNorm: string, kanaNorm: string): void {
  const texts = searchTexts(fields, nameNorm, kanaNorm);
  statement(db, clinicWriteSql.bigrams).run(seq, ...texts.map(toBigramTokens));
  statement(db, clinicWriteSql.trigrams).run(seq, ...texts);
}

export function unindexClinic(db: Db, seq: number): void {
  statement(db, 'DELETE FROM clinic_search WHERE rowid = ?').run(seq);
  statement(db, 'DELETE FROM clinic_trigrams WHERE rowid = ?').run(seq);
}

/**
 * Merges each search index into one segment (FTS5 'optimize'). Rows added one transaction at a
 * time leave an index in many segments that every search reads in turn; merged, a search at
 * 200,000 clinics took a fifth less time (p95 1.9 to 1.6 ms). Run once a day by the background
 * care and after `npm run seed`; at a prefecture's size it takes milliseconds (0.9 s per index at
 * 200,000).
 */
export function mergeSearchIndexes(db: Db): void {
  db.exec(`INSERT INTO clinic_search (clinic_search) VALUES ('optimize');
           INSERT INTO clinic_trigrams (clinic_trigrams) VALUES ('optimize');`);
}

/**
 * Where a substring of two or more normalised characters is looked up. Trigrams are rarer than
 * bigrams by about ten times (a phone digit pair is in one clinic of four), so a query long
 * enough for them reads short lists; two characters need the bigram index.
 */
function substringIndex(q: string): { from: string; match: string } {
  // Normalised text holds letters and digits only, so no FTS5 syntax can leak into the phrase.
  return [...q].length >= 3
    ? { from: 'clinic_trigrams s JOIN clinics c ON c.seq = s.rowid WHERE clinic_trigrams MATCH @match', match: `"${q}"` }
    : { from: 'clinic_search s JOIN clinics c ON c.seq = s.rowid WHERE clinic_search MATCH @match', match: toPhraseQuery(q) };
}

export function shadowColumns(fields: Pick<ClinicFields, 'name' | 'nameKana' | 'phone'>) {
  return {
    name_norm: normalizeForSearch(fields.name),
    kana_norm: normalizeForSearch(fields.nameKana),
    phone_digits: normalizeForSearch(fields.phone),
  };
}

/** Inserts one row and its search entry; callers own the transaction. */
function insertClinic(db: Db, fields: ClinicFields, ctx: WriteContext, now: string, id: string): void {
  const shadows = shadowColumns(fields);
  const info = statement(db, clinicWriteSql.clinic).run({ id, ...pickFields(fields), ...shadows, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null });
  indexClinic(db, Number(info.lastInsertRowid), fields, shadows.name_norm, shadows.kana_norm);
}

/** Only the stored fields: callers may pass validated objects carrying more. */
function pickFields(fields: ClinicFields): ClinicFields {
  const { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo } = fields;
  return { name, nameKana, kind, bedCount, postalCode, address, phone, fax, contactPerson, memberNumber, memo };
}

export interface WriteContext {
  machineId: string;
  /** The staff member chosen on this machine, recorded on every change. */
  staffId?: string | null;
  now?: () => Date;
}

/** Registers a clinic; the name and kana are stored exactly as typed, search uses shadows. */
export function createClinic(db: Db, fields: ClinicFields, ctx: WriteContext, id: string = newRecordId()): Clinic {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  assertMemberNumberFree(db, fields.memberNumber, undefined);
  db.transaction(() => insertClinic(db, fields, ctx, now, id))();
  return getClinic(db, id)!;
}

export function getClinic(db: Db, id: string): Clinic | undefined {
  const row = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.id = ?`).get(id) as ClinicRow | undefined;
  return row && toClinic(row);
}

export function clinicExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM clinics WHERE id = ?').get(id) !== undefined;
}

export interface ClinicSearch {
  query: string;
  limit: number;
  includeArchived: boolean;
  /** Counting stops here; the screen shows 「1,000件以上」 beyond it. */
  countCap?: number;
}

export interface ClinicSearchPage {
  items: Clinic[];
  total: number;
  capped: boolean;
}

/**
 * Finds clinics by name, ふりがな or phone as the user types. Empty: newest first. One
 * character: prefix of name or kana (a one-character substring would match half the prefecture).
 * Two or more: substring through the bigram index. Best matches first: exact name, then name or
 * kana prefix, then the rest.
 */
export function findClinics(db: Db, search: ClinicSearch): ClinicSearchPage {
  const cap = search.countCap ?? 1000;
  const q = normalizeForSearch(search.query);
  const archived = search.includeArchived ? '' : 'AND c.archived_at IS NULL';
  const chars = [...q].length;

  if (chars === 0) {
    const rows = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE 1 ${archived} ORDER BY c.updated_at DESC LIMIT ?`)
      .all(search.limit) as ClinicRow[];
    const total = countCapped(db, `SELECT 1 FROM clinics c WHERE 1 ${archived}`, [], cap);
    return { items: rows.map(toClinic), ...total };
  }

  const upper = prefixUpperBound(q);
  // Each tier reads row numbers only; the page's rows are read and checked once, at the end.
  const seqs = (sql: string, params: object) => (statement(db, sql).pluck().all(params) as number[]);
  const exact = seqs(`SELECT c.seq FROM clinics c WHERE c.name_norm = @q ${archived} LIMIT @limit`, { q, limit: search.limit });
  // Two ranges, each read in its own index order, so no sort is needed however many match.
  const namePrefix = seqs(
    `SELECT c.seq FROM clinics c WHERE c.name_norm >= @q AND c.name_norm < @upper ${archived} ORDER BY c.name_norm LIMIT @limit`,
    { q, upper, limit: search.limit },
  );
  const kanaPrefix = seqs(
    `SELECT c.seq FROM clinics c WHERE c.kana_norm >= @q AND c.kana_norm < @upper ${archived} ORDER BY c.kana_norm LIMIT @limit`,
    { q, upper, limit: search.limit },
  );
  const prefix = [...namePrefix, ...kanaPrefix];
  const prefixWhere = `((c.name_norm >= @q AND c.name_norm < @upper) OR (c.kana_norm >= @q AND c.kana_norm < @upper))`;

  if (chars === 1) {
    const total = countCapped(db, `SELECT 1 FROM clinics c WHERE ${prefixWhere} ${archived}`, [{ q, upper }], cap);
    return { items: clinicsInOrder(db, mergeRanked(search.limit, exact, prefix)), ...total };
  }

  const { from, match } = substringIndex(q);
  // The better tiers' rows match the phrase too, so the first `limit` matches always hold
  // enough others to fill the page.
  const rest = seqs(`SELECT c.seq FROM ${from} ${archived} LIMIT @limit`, { match, limit: search.limit });
  // Fewer than a page is every match: the index need not be read a second time to count them.
  const total =
    rest.length < search.limit ? { total: Math.min(rest.length, cap), capped: rest.length > cap } : countCapped(db, `SELECT 1 FROM ${from} ${archived}`, [{ match }], cap);
  return { items: clinicsInOrder(db, mergeRanked(search.limit, exact, prefix, rest)), ...total };
}

/**
 * The ids of every clinic a search finds, in postal-code order (how a mailing is sorted), for
 * selecting a whole search result at once. Same matching as findClinics; at most `max` ids.
 */
export function matchingClinicIds(db: Db, query: string, max: number): { ids: string[]; total: number; capped: boolean } {
  const q = normalizeForSearch(query);
  const chars = [...q].length;
  const order = `ORDER BY c.postal_code, c.kana_norm, c.seq LIMIT ${max + 1}`;
  let rows: { id: string }[];
  if (chars === 0) {
    rows = statement(db, `SELECT c.id FROM clinics c WHERE c.archived_at IS NULL ${order}`).all() as { id: string }[];
  } else if (chars === 1) {
    rows = statement(
      db,
      `SELECT c.id FROM clinics c WHERE ((c.name_norm >= @q AND c.name_norm < @upper) OR (c.kana_norm >= @q AND c.kana_norm < @upper))
         AND c.archived_at IS NULL ${order}`,
    ).all({ q, upper: prefixUpperBound(q) }) as { id: string }[];
  } else {
    const { from, match } = substringIndex(q);
    rows = statement(db, `SELECT c.id FROM ${from} AND c.archived_at IS NULL ${order}`).all({ match }) as { id: string }[];
  }
  const capped = rows.length > max;
  const ids = rows.slice(0, max).map((r) => r.id);
  return { ids, total: ids.length, capped };
}

function countCapped(db: Db, selectOnes: string, params: unknown[], cap: number): { total: number; capped: boolean } {
  const { n } = statement(db, `SELECT count(*) AS n FROM (${selectOnes} LIMIT ${cap + 1})`).get(...params) as { n: number };
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

function mergeRanked(limit: number, ...tiers: number[][]): number[] {
  const merged = new Set<number>();
  for (const tier of tiers) {
    for (const seq of tier) {
      if (merged.size >= limit) return [...merged];
      merged.add(seq);
    }
  }
  return [...merged];
}

/** The clinics with these row numbers, in the given order. */
function clinicsInOrder(db: Db, seqs: number[]): Clinic[] {
  if (seqs.length === 0) return [];
  const rows = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.seq IN (SELECT value FROM json_each(@seqs))`).all({ seqs: JSON.stringify(seqs) }) as ClinicRow[];
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return seqs.map((seq) => toClinic(bySeq.get(seq)!));
}

/** Every clinic in a stable order, for exports; a generator so 200,000 rows never sit in memory. */
export function* iterateClinics(db: Db, includeArchived: boolean): Generator<Clinic> {
  const archived = includeArchived ? '' : 'WHERE c.archived_at IS NULL';
  const rows = statement(db, `SELECT ${clinicColumns} FROM clinics c ${archived} ORDER BY c.seq`).iterate();
  for (const row of rows as Iterable<ClinicRow>) yield toClinic(row);
}

export function countClinics(db: Db, includeArchived: boolean): number {
  const archived = includeArchived ? '' : 'WHERE archived_at IS NULL';
  return (statement(db, `SELECT count(*) AS n FROM clinics ${archived}`).get() as { n: number }).n;
}

/** Registers many clinics in one transaction: all land or none does. */
export function createClinics(
  db: Db,
  rows: readonly { fields: ClinicFields; id?: string | undefined }[],
  ctx: WriteContext,
): number {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const insert = db.transaction(() => {
    for (const { fields, id } of rows) insertClinic(db, fields, ctx, now, id ?? newRecordId());
    return rows.length;
  });
  return insert();
}

/** Whether another clinic already holds this 会員番号 (they are unique when given). */
export function memberNumberTaken(db: Db, memberNumber: string): boolean {
  return statement(db, 'SELECT 1 FROM clinics WHERE member_number = ?').get(memberNumber) !== undefined;
}

function assertMemberNumberFree(db: Db, memberNumber: string, exceptId: string | undefined): void {
  if (memberNumber === '') return;
  const holder = statement(db, 'SELECT id FROM clinics WHERE member_number = ?').get(memberNumber) as { id: string } | undefined;
  if (holder && holder.id !== exceptId) {
    throw new AppError('INVALID_INPUT', 'この会員番号はすでに別の医療機関に登録されています。', {
      memberNumber: 'この会員番号はすでに別の医療機関に登録されています',
    });
  }
}

/**
 * Saves an edit: the row, its shadows and its search entry change together. `expectedRevision`
 * is the revision the form was opened with; an import's update passes undefined.
 */
export function updateClinic(db: Db, id: string, fields: ClinicFields, ctx: WriteContext, expectedRevision: number | undefined): Clinic {
  assertRevision(db, 'clinics', id, expectedRevision);
  const current = statement(db, 'SELECT seq FROM clinics WHERE id = ?').get(id) as { seq: number };
  assertMemberNumberFree(db, fields.memberNumber, id);
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const shadows = shadowColumns(fields);
  db.transaction(() => {
    const { changes } = statement(
      db,
      `UPDATE clinics SET name = @name, name_kana = @nameKana, kind = @kind, bed_count = @bedCount,
         postal_code = @postalCode, address = @address, phone = @phone, fax = @fax,
         contact_person = @contactPerson, member_number = @memberNumber, memo = @memo,
         name_norm = @name_norm, kana_norm = @kana_norm, phone_digits = @phone_digits,
         updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1
       WHERE id = @id AND ${revisionGuard}`,
    ).run({ id, ...pickFields(fields), ...shadows, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null, expectedRevision: expectedRevision ?? null });
    assertWritten(changes);
    unindexClinic(db, current.seq);
    indexClinic(db, current.seq, fields, shadows.name_norm, shadows.kana_norm);
  })();
  return getClinic(db, id)!;
}

/** Archiving hides a clinic from search and lists; nothing is deleted, restore brings it back. */
export function setClinicArchived(db: Db, id: string, archived: boolean, ctx: WriteContext): Clinic {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const info = statement(
    db,
    'UPDATE clinics SET archived_at = @archivedAt, updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1 WHERE id = @id',
  ).run({ id, archivedAt: archived ? now : null, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null });
  if (info.changes === 0) throw new AppError('NOT_FOUND');
  return getClinic(db, id)!;
}

export type DuplicateReason = 'memberNumber' | 'phone' | 'name';

/**
 * Clinics that may be the same institution as `fields`: same 会員番号, same phone number, or
 * the same name once normalised. Archived ones count too: re-registering one is the mistake.
 */
export function findDuplicateClinics(
  db: Db,
  fields: Pick<ClinicFields, 'name' | 'phone' | 'memberNumber'>,
  exceptId: string | undefined,
): { clinic: Clinic; reasons: DuplicateReason[] }[] {
  const found = new Map<string, { clinic: Clinic; reasons: DuplicateReason[] }>();
  const add = (rows: ClinicRow[], reason: DuplicateReason) => {
    for (const row of rows) {
      if (row.id === exceptId) continue;
      const entry = found.get(row.id) ?? { clinic: toClinic(row), reasons: [] };
      entry.reasons.push(reason);
      found.set(row.id, entry);
    }
  };
  if (fields.memberNumber !== '') {
    add(statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.member_number = ? LIMIT 5`).all(fields.memberNumber) as ClinicRow[], 'memberNumber');
  }
  const digits = normalizeForSearch(fields.phone);
  if (digits !== '') {
    add(statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.phone_digits = ? LIMIT 5`).all(digits) as ClinicRow[], 'phone');
  }
  const name = normalizeForSearch(fields.name);
  if (name !== '') {
    add(statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.name_norm = ? LIMIT 5`).all(name) as ClinicRow[], 'name');
  }
  return [...found.values()];
}

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

/** The editable fields of one clinic, or undefined when it is gone. */
export function getClinicFields(db: Db, id: string): ClinicFields | undefined {
  const clinic = getClinic(db, id);
  return clinic && pickFields(clinic);
}

export interface ClinicImportWrite {
  inserts: readonly { fields: ClinicFields; id?: string | undefined }[];
  updates: readonly { id: string; fields: ClinicFields }[];
}

/**
 * Writes an import: every insert and update in one transaction, all or nothing. Progress is
 * reported between chunks; the caller may run this in a worker and stop it at any point.
 */
export function writeClinicImport(
  db: Db,
  write: ClinicImportWrite,
  ctx: WriteContext,
  onProgress: (done: number, total: number) => void = () => {},
  chunk = 500,
): { inserted: number; updated: number } {
  const total = write.inserts.length + write.updates.length;
  return db.transaction(() => {
    let done = 0;
    for (const { id, fields } of write.updates) {
      updateClinic(db, id, fields, ctx, undefined);
      if (++done % chunk === 0) onProgress(done, total);
    }
    for (let i = 0; i < write.inserts.length; i += chunk) {
      const part = write.inserts.slice(i, i + chunk);
      createClinics(db, part, ctx);
      done += part.length;
      onProgress(done, total);
    }
    onProgress(total, total);
    return { inserted: write.inserts.length, updated: write.updates.length };
  })();
}
