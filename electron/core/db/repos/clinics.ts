import { v7 as uuidv7 } from 'uuid';
import { clinicSchema, type Clinic, type ClinicKind } from '../../../../shared/domain/clinic.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { statement, type Db } from '../connection.ts';
import { prefixUpperBound, toBigramTokens, toPhraseQuery } from './searchTokens.ts';

/** Clinic fields as they arrive from a validated form or import row. */
export interface ClinicFields {
  name: string;
  nameKana: string;
  kind: ClinicKind;
  bedCount: number | null;
  postalCode: string;
  address: string;
  phone: string;
  fax: string;
}

interface ClinicRow {
  seq: number;
  id: string;
  name: string;
  name_kana: string;
  kind: string;
  bed_count: number | null;
  postal_code: string;
  address: string;
  phone: string;
  fax: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  archived_at: string | null;
}

const clinicColumns =
  'c.seq, c.id, c.name, c.name_kana, c.kind, c.bed_count, c.postal_code, c.address, c.phone, c.fax, ' +
  'c.created_at, c.updated_at, c.updated_by, c.archived_at';

function toClinic(row: ClinicRow): Clinic {
  return clinicSchema.parse({
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    kind: row.kind,
    bedCount: row.bed_count,
    postalCode: row.postal_code,
    address: row.address,
    phone: row.phone,
    fax: row.fax,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByMachine: row.updated_by,
    archivedAt: row.archived_at,
  });
}

function indexClinic(db: Db, seq: number, fields: ClinicFields, nameNorm: string, kanaNorm: string): void {
  statement(db, 'INSERT INTO clinic_search (rowid, name, kana, address, phone, fax) VALUES (?, ?, ?, ?, ?, ?)').run(
    seq,
    toBigramTokens(nameNorm),
    toBigramTokens(kanaNorm),
    toBigramTokens(normalizeForSearch(fields.address)),
    toBigramTokens(normalizeForSearch(fields.phone)),
    toBigramTokens(normalizeForSearch(fields.fax)),
  );
}

/** Inserts one row and its search entry; callers own the transaction. */
function insertClinic(db: Db, fields: ClinicFields, machineId: string, now: string, id: string): void {
  const name_norm = normalizeForSearch(fields.name);
  const kana_norm = normalizeForSearch(fields.nameKana);
  const info = statement(db, 
      `INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax,
                            name_norm, kana_norm, created_at, updated_at, updated_by)
       VALUES (@id, @name, @nameKana, @kind, @bedCount, @postalCode, @address, @phone, @fax,
               @name_norm, @kana_norm, @now, @now, @machineId)`,
    )
    .run({ id, ...fields, name_norm, kana_norm, now, machineId });
  indexClinic(db, Number(info.lastInsertRowid), fields, name_norm, kana_norm);
}

export interface WriteContext {
  machineId: string;
  now?: () => Date;
}

/** Registers a clinic; the name and kana are stored exactly as typed, search uses shadows. */
export function createClinic(db: Db, fields: ClinicFields, ctx: WriteContext, id: string = uuidv7()): Clinic {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  db.transaction(() => insertClinic(db, fields, ctx.machineId, now, id))();
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
  const exact = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.name_norm = @q ${archived} LIMIT @limit`)
    .all({ q, limit: search.limit }) as ClinicRow[];
  // Two ranges, each read in its own index order, so no sort is needed however many match.
  const namePrefix = statement(db,
    `SELECT ${clinicColumns} FROM clinics c WHERE c.name_norm >= @q AND c.name_norm < @upper ${archived} ORDER BY c.name_norm LIMIT @limit`,
  ).all({ q, upper, limit: search.limit }) as ClinicRow[];
  const kanaPrefix = statement(db,
    `SELECT ${clinicColumns} FROM clinics c WHERE c.kana_norm >= @q AND c.kana_norm < @upper ${archived} ORDER BY c.kana_norm LIMIT @limit`,
  ).all({ q, upper, limit: search.limit }) as ClinicRow[];
  const prefix = [...namePrefix, ...kanaPrefix];
  const prefixWhere = `((c.name_norm >= @q AND c.name_norm < @upper) OR (c.kana_norm >= @q AND c.kana_norm < @upper))`;

  if (chars === 1) {
    const total = countCapped(db, `SELECT 1 FROM clinics c WHERE ${prefixWhere} ${archived}`, [{ q, upper }], cap);
    return { items: mergeRanked(search.limit, exact, prefix), ...total };
  }

  const match = toPhraseQuery(q);
  const matchFrom = `FROM clinic_search s JOIN clinics c ON c.seq = s.rowid WHERE clinic_search MATCH @match ${archived}`;
  const rest = statement(db, `SELECT ${clinicColumns} ${matchFrom} LIMIT @limit`)
    .all({ match, limit: search.limit * 2 }) as ClinicRow[];
  const total = countCapped(db, `SELECT 1 ${matchFrom}`, [{ match }], cap);
  return { items: mergeRanked(search.limit, exact, prefix, rest), ...total };
}

function countCapped(db: Db, selectOnes: string, params: unknown[], cap: number): { total: number; capped: boolean } {
  const { n } = statement(db, `SELECT count(*) AS n FROM (${selectOnes} LIMIT ${cap + 1})`).get(...params) as { n: number };
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

function mergeRanked(limit: number, ...tiers: ClinicRow[][]): Clinic[] {
  const seen = new Set<number>();
  const out: Clinic[] = [];
  for (const tier of tiers) {
    for (const row of tier) {
      if (out.length >= limit) return out;
      if (seen.has(row.seq)) continue;
      seen.add(row.seq);
      out.push(toClinic(row));
    }
  }
  return out;
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
    for (const { fields, id } of rows) insertClinic(db, fields, ctx.machineId, now, id ?? uuidv7());
    return rows.length;
  });
  return insert();
}
