import type { Retained } from '../../../../shared/domain/retention.ts';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import { expiredRecords, retainedAmong, retainedInquiryIds } from './retention.ts';

export interface PurgeCounts {
  clinics: number;
  inquiries: number;
  /** Archived clinics kept because an inquiry of theirs is still open, ended in a contract, or is within its retention period. */
  keptClinics: number;
  /**
   * Archived records that reached 申込 or 成約 and are still within the retention period: left, and
   * why. A 成約 inquiry keeps its clinic anyway; one withdrawn after 申込 or 成約 (見送り) is kept by this alone.
   */
  retained: Retained;
}

/**
 * An archived clinic goes with its inquiries, unless one of them is still being worked on or
 * ended in a contract (成約): those are records staff still need, whatever the clinic's state.
 * `@held` (a JSON array) lists the inquiries within their retention period (issue 22 §6): neither
 * they nor their clinic go, whatever their state.
 */
const archivedClinics = `SELECT c.id FROM clinics c WHERE c.archived_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.clinic_id = c.id AND i.archived_at IS NULL AND i.status <> 'declined')`;
const purgeableClinics = `${archivedClinics}
  AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.clinic_id = c.id AND i.id IN (SELECT value FROM json_each(@held)))`;
const archivedInquiries = (clinics: string) => `SELECT id FROM inquiries WHERE archived_at IS NOT NULL OR clinic_id IN (${clinics})`;
const purgeableInquiries = `${archivedInquiries(purgeableClinics)} AND id NOT IN (SELECT value FROM json_each(@held))`;

function heldNow(db: Db, today: string): string {
  return JSON.stringify(retainedInquiryIds(db, today));
}

function preview(db: Db, today: string, held: string): PurgeCounts {
  const count = (sql: string) => (statement(db, `SELECT count(*) AS n FROM (${sql})`).get({ held }) as { n: number }).n;
  const archived = count('SELECT id FROM clinics WHERE archived_at IS NOT NULL AND @held IS NOT NULL');
  const clinics = count(purgeableClinics);
  // Archived records the period holds: of an archived clinic or archived themselves, whatever else would keep them.
  const archivedRecords = statement(
    db,
    'SELECT i.id FROM inquiries i JOIN clinics c ON c.id = i.clinic_id WHERE i.archived_at IS NOT NULL OR c.archived_at IS NOT NULL',
  ).pluck().all() as string[];
  return { clinics, inquiries: count(purgeableInquiries), keptClinics: archived - clinics, retained: retainedAmong(db, today, new Set(archivedRecords)) };
}

/** What 完全削除 would remove today (a Japanese date), and what the retention period holds back. */
export function purgePreview(db: Db, today: string = tokyoToday()): PurgeCounts {
  return preview(db, today, heldNow(db, today));
}

/** Deletes the inquiries and clinics listed in temp.purge_inquiries / temp.purge_clinics, with everything that hangs off them. */
function deleteListed(db: Db): void {
  // Audit records are insert-only (their triggers refuse a deletion) except while 完全削除 runs:
  // the flags fall back with the transaction whatever happens. Outputs go before the quotes they name.
  db.exec(`
    UPDATE audit_erasing SET erasing = 1 WHERE id = 1;
    DELETE FROM inquiry_intents WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
    DELETE FROM important_matters_handovers WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
    DELETE FROM inquiry_step_marks WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
    DELETE FROM inquiry_follow_ups WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
    DELETE FROM inquiry_status_history WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
    DELETE FROM document_outputs WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries)
      OR clinic_id IN (SELECT id FROM temp.purge_clinics);
    DELETE FROM inquiry_quotes WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
    UPDATE audit_erasing SET erasing = 0 WHERE id = 1;
    DELETE FROM inquiries WHERE id IN (SELECT id FROM temp.purge_inquiries);
    -- A merge of a clinic that goes can no longer be undone; a record merged into one that goes points nowhere.
    DELETE FROM clinic_merges WHERE kept_id IN (SELECT id FROM temp.purge_clinics) OR merged_id IN (SELECT id FROM temp.purge_clinics);
    UPDATE clinics SET merged_into = NULL WHERE merged_into IN (SELECT id FROM temp.purge_clinics) AND id NOT IN (SELECT id FROM temp.purge_clinics);
    DELETE FROM clinic_search WHERE rowid IN (SELECT seq FROM clinics WHERE id IN (SELECT id FROM temp.purge_clinics));
    DELETE FROM clinic_trigrams WHERE rowid IN (SELECT seq FROM clinics WHERE id IN (SELECT id FROM temp.purge_clinics));
    DELETE FROM clinics WHERE id IN (SELECT id FROM temp.purge_clinics);
    DROP TABLE temp.purge_inquiries;
    DROP TABLE temp.purge_clinics;
  `);
}

/**
 * Deletes archived records for good, in one transaction, with everything that hangs off them
 * (status history, quotes, print records, the search index), except the records still within
 * their retention period. Only called after a verified backup.
 */
export function purgeArchived(db: Db, today: string = tokyoToday()): PurgeCounts {
  return db.transaction(() => {
    const held = heldNow(db, today);
    const counts = preview(db, today, held);
    statement(db, `CREATE TEMP TABLE purge_inquiries AS ${purgeableInquiries}`).run({ held });
    statement(db, `CREATE TEMP TABLE purge_clinics AS ${purgeableClinics}`).run({ held });
    deleteListed(db);
    return counts;
  })();
}

/**
 * 保存期間を過ぎた記録 chosen in 設定, deleted for good: each inquiry with everything that hangs
 * off it, and its clinic when that is archived and keeps no other inquiry. Refused whole when
 * one of them is not (or no longer) past its period: the list staff confirmed must be the one deleted.
 */
export function purgeExpired(db: Db, today: string, inquiryIds: readonly string[]): { inquiries: number; clinics: number } {
  return db.transaction(() => {
    const expired = new Set(expiredRecords(db, today).map((record) => record.inquiryId));
    if (inquiryIds.length === 0 || inquiryIds.some((id) => !expired.has(id))) throw new AppError('CONFLICT', retentionMessages.expiredChanged);
    const ids = JSON.stringify([...new Set(inquiryIds)]);
    statement(db, 'CREATE TEMP TABLE purge_inquiries AS SELECT value AS id FROM json_each(?)').run(ids);
    statement(
      db,
      `CREATE TEMP TABLE purge_clinics AS SELECT c.id FROM clinics c WHERE c.archived_at IS NOT NULL
         AND c.id IN (SELECT clinic_id FROM inquiries WHERE id IN (SELECT id FROM temp.purge_inquiries))
         AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.clinic_id = c.id AND i.id NOT IN (SELECT id FROM temp.purge_inquiries))`,
    ).run();
    const counts = {
      inquiries: statement(db, 'SELECT count(*) FROM temp.purge_inquiries').pluck().get() as number,
      clinics: statement(db, 'SELECT count(*) FROM temp.purge_clinics').pluck().get() as number,
    };
    deleteListed(db);
    return counts;
  })();
}
