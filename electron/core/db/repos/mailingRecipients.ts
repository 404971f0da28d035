import type { Clinic } from '../../../../shared/domain/clinic.ts';
import { situationStatuses, type MailingFilter } from '../../../../shared/domain/mailingRecipients.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { statement, type Db } from '../connection.ts';
import { clinicColumns, toClinic, type ClinicRow } from './clinicRows.ts';
import { substringIndex } from './clinicSearch.ts';
import { sentDocumentSql } from './documentOutputs.ts';
import { prefixUpperBound } from './searchTokens.ts';

const inList = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ');
const hasInquiry = (statuses?: readonly string[]) =>
  `EXISTS (SELECT 1 FROM inquiries i WHERE i.clinic_id = c.id AND i.archived_at IS NULL${statuses ? ` AND i.status IN (${inList(statuses)})` : ''})`;

/** The clinic's 状況 group (shared/domain/mailingRecipients.ts), each test read from inquiries_clinic. */
const situationOf = `CASE WHEN ${hasInquiry(situationStatuses.won)} THEN 'won'
  WHEN ${hasInquiry(situationStatuses.in_progress)} THEN 'in_progress'
  WHEN ${hasInquiry()} THEN 'declined' ELSE 'none' END`;

/** The WHERE clause (over clinics c) and its parameters for a mailing's filters. */
function recipientsWhere(filter: MailingFilter): { where: string; params: Record<string, unknown> } {
  const q = normalizeForSearch(filter.query);
  const chars = [...q].length;
  const parts = ['c.archived_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (chars === 1) {
    parts.push('((c.name_norm >= @q AND c.name_norm < @upper) OR (c.kana_norm >= @q AND c.kana_norm < @upper))');
    Object.assign(params, { q, upper: prefixUpperBound(q) });
  } else if (chars > 1) {
    const { table, match } = substringIndex(q);
    // The same index as the search box, read as a set of row numbers; the filters apply to those.
    parts.push(`c.seq IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @match)`);
    params.match = match;
  }
  if (filter.kinds.length > 0) {
    parts.push('c.kind IN (SELECT value FROM json_each(@kinds))');
    params.kinds = JSON.stringify(filter.kinds);
  }
  if (filter.municipality !== '') {
    parts.push('c.municipality = @municipality');
    params.municipality = filter.municipality;
  }
  if (filter.situations.length > 0) {
    parts.push(`(${situationOf}) IN (SELECT value FROM json_each(@situations))`);
    params.situations = JSON.stringify(filter.situations);
  }
  // A clinic that only had a label printed (a run stopped before the documents) was sent nothing yet.
  if (filter.neverSent) parts.push(`NOT EXISTS (SELECT 1 FROM document_outputs o WHERE o.clinic_id = c.id AND ${sentDocumentSql})`);
  return { where: parts.join(' AND '), params };
}

/** How a mailing is sorted: by postal code, as the post office wants a bundle. */
const mailingOrder = 'ORDER BY c.postal_code, c.kana_norm, c.seq';

export interface RecipientsPage {
  items: Clinic[];
  /** Every clinic that matches: the real count, shown before anything is made. */
  total: number;
  /** Of those, how many are 送付不要 (a mailing leaves them out). */
  noMailing: number;
}

/** The clinics a mailing's filters find, first `limit` in mailing order, with the real counts. */
export function findMailingRecipients(db: Db, filter: MailingFilter, limit: number): RecipientsPage {
  const { where, params } = recipientsWhere(filter);
  const rows = statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE ${where} ${mailingOrder} LIMIT @limit`).all({ ...params, limit }) as ClinicRow[];
  const counts = statement(db, `SELECT count(*) AS total, coalesce(sum(c.no_mailing), 0) AS noMailing FROM clinics c WHERE ${where}`).get(params) as {
    total: number;
    noMailing: number;
  };
  return { items: rows.map(toClinic), total: counts.total, noMailing: counts.noMailing };
}

/** The ids of every clinic the filters find (at most `max`), in mailing order, for 「該当する全件を選ぶ」. */
export function mailingRecipientIds(db: Db, filter: MailingFilter, max: number): { ids: string[]; total: number; capped: boolean } {
  const { where, params } = recipientsWhere(filter);
  const ids = statement(db, `SELECT c.id FROM clinics c WHERE ${where} ${mailingOrder} LIMIT ${max + 1}`).pluck().all(params) as string[];
  const capped = ids.length > max;
  return { ids: ids.slice(0, max), total: Math.min(ids.length, max), capped };
}

/** The chosen clinics a FAX mailing could not reach (no FAX number), 送付不要 ones aside, in mailing order. */
export function clinicsWithoutFax(db: Db, clinicIds: readonly string[]): { id: string; name: string }[] {
  return statement(
    db,
    `SELECT c.id, c.name FROM clinics c WHERE c.id IN (SELECT value FROM json_each(@ids)) AND c.fax = '' AND c.no_mailing = 0 ${mailingOrder}`,
  ).all({ ids: JSON.stringify(clinicIds) }) as { id: string; name: string }[];
}
