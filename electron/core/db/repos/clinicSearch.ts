import type { Clinic, ClinicKind } from '../../../../shared/domain/clinic.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { statement, type Db } from '../connection.ts';
import { clinicColumns, toClinic, type ClinicRow } from './clinicRows.ts';
import { prefixUpperBound, toPhraseQuery } from './searchTokens.ts';

export interface ClinicSearch {
  query: string;
  limit: number;
  includeArchived: boolean;
  /** Only clinics of this 種別 (staff look for the 未確認 ones to complete them). */
  kind?: ClinicKind | undefined;
  /** Only clinics of this 市町村 (clinics.municipality). */
  municipality?: string | undefined;
  /** Rows skipped: the list asks for the next page as it is scrolled. */
  offset?: number | undefined;
  /** Counting words typed stops here; the screen shows 「1,000件以上」 beyond it. */
  countCap?: number;
}

export interface ClinicSearchPage {
  items: Clinic[];
  total: number;
  capped: boolean;
}

/**
 * Finds clinics by name, ふりがな or phone as the user types. Empty: newest first, with the real
 * count. One character: prefix of name or kana (a one-character substring would match half the
 * prefecture). Two or more: substring through the bigram index. Best matches first: exact name or
 * ふりがな, then name or kana prefix, then the rest. A page further down (`offset`) continues the
 * same order.
 */
export function findClinics(db: Db, search: ClinicSearch): ClinicSearchPage {
  const cap = search.countCap ?? 1000;
  const q = normalizeForSearch(search.query);
  const kind = search.kind ?? null;
  const municipality = search.municipality ?? null;
  const offset = search.offset ?? 0;
  const filter = [
    search.includeArchived ? '' : 'AND c.archived_at IS NULL',
    kind ? 'AND c.kind = @kind' : '',
    municipality !== null ? 'AND c.municipality = @municipality' : '',
  ].join(' ');
  const filters = { kind, municipality };
  const chars = [...q].length;

  if (chars === 0) {
    const rows = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE 1 ${filter} ORDER BY c.updated_at DESC LIMIT @limit OFFSET @offset`)
      .all({ limit: search.limit, offset, ...filters }) as ClinicRow[];
    // Nothing typed: the list is the whole register, and 「全3,000件」 is its real size.
    const total = statement(db, `SELECT count(*) AS n FROM clinics c WHERE 1 ${filter}`).get(filters) as { n: number };
    return { items: rows.map(toClinic), total: total.n, capped: false };
  }

  const upper = prefixUpperBound(q);
  // Every tier reads as far as this page's end; the page's rows are read and checked once, at the end.
  const reach = offset + search.limit;
  const seqs = (sql: string, params: object) => (statement(db, sql).pluck().all({ ...params, ...filters, limit: reach }) as number[]);
  const exact = seqs(`SELECT c.seq FROM clinics c WHERE c.name_norm = @q ${filter} LIMIT @limit`, { q });
  const exactKana = seqs(`SELECT c.seq FROM clinics c WHERE c.kana_norm = @q ${filter} LIMIT @limit`, { q });
  // Two ranges, each read in its own index order, so no sort is needed however many match.
  const namePrefix = seqs(`SELECT c.seq FROM clinics c WHERE c.name_norm >= @q AND c.name_norm < @upper ${filter} ORDER BY c.name_norm LIMIT @limit`, { q, upper });
  const kanaPrefix = seqs(`SELECT c.seq FROM clinics c WHERE c.kana_norm >= @q AND c.kana_norm < @upper ${filter} ORDER BY c.kana_norm LIMIT @limit`, { q, upper });
  const best = [exact, exactKana, namePrefix, kanaPrefix];
  const prefixWhere = `((c.name_norm >= @q AND c.name_norm < @upper) OR (c.kana_norm >= @q AND c.kana_norm < @upper))`;
  const page = (...tiers: number[][]) => mergeRanked(reach, ...tiers).slice(offset);

  if (chars === 1) {
    const total = countCapped(db, `SELECT 1 FROM clinics c WHERE ${prefixWhere} ${filter}`, [{ q, upper, ...filters }], cap);
    return { items: clinicsInOrder(db, page(...best)), ...total };
  }

  const { from, match } = substringIndex(q);
  // The better tiers' rows match the phrase too, so the first `reach` matches always hold
  // enough others to fill the page.
  const rest = seqs(`SELECT c.seq FROM ${from} ${filter} LIMIT @limit`, { match });
  // Fewer than asked for is every match: the index need not be read a second time to count them.
  const total =
    rest.length < reach ? { total: Math.min(rest.length, cap), capped: rest.length > cap } : countCapped(db, `SELECT 1 FROM ${from} ${filter}`, [{ match, ...filters }], cap);
  return { items: clinicsInOrder(db, page(...best, rest)), ...total };
}

/**
 * The 市町村 the register holds (archived clinics left out), with how many clinics each, in the
 * prefecture's own order (JIS codes: 鹿児島市, 鹿屋市 … then the towns), for the list's filter.
 */
export function clinicMunicipalities(db: Db, orderOf: (municipality: string) => string | undefined): { name: string; count: number }[] {
  const rows = statement(db, `SELECT municipality AS name, count(*) AS count FROM clinics WHERE municipality <> '' AND archived_at IS NULL GROUP BY municipality`).all() as {
    name: string;
    count: number;
  }[];
  const key = (name: string) => orderOf(name) ?? '99999';
  return rows.sort((a, b) => key(a.name).localeCompare(key(b.name)) || a.name.localeCompare(b.name, 'ja'));
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

/**
 * Where a substring of two or more normalised characters is looked up. Trigrams are rarer than
 * bigrams by about ten times (a phone digit pair is in one clinic of four), so a query long
 * enough for them reads short lists; two characters need the bigram index.
 */
export function substringIndex(q: string): { from: string; match: string; table: string } {
  // Normalised text holds letters and digits only, so no FTS5 syntax can leak into the phrase.
  return [...q].length >= 3
    ? { from: 'clinic_trigrams s JOIN clinics c ON c.seq = s.rowid WHERE clinic_trigrams MATCH @match', match: `"${q}"`, table: 'clinic_trigrams' }
    : { from: 'clinic_search s JOIN clinics c ON c.seq = s.rowid WHERE clinic_search MATCH @match', match: toPhraseQuery(q), table: 'clinic_search' };
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
