import { statement, type Db } from '../connection.ts';

export interface PurgeCounts {
  clinics: number;
  inquiries: number;
  /** Archived clinics kept because an inquiry of theirs is still open or ended in a contract. */
  keptClinics: number;
}

/**
 * An archived clinic goes with its inquiries, unless one of them is still being worked on or
 * ended in a contract (成約): those are records staff still need, whatever the clinic's state.
 */
const purgeableClinics = `SELECT c.id FROM clinics c WHERE c.archived_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.clinic_id = c.id AND i.archived_at IS NULL AND i.status <> 'declined')`;
const purgeableInquiries = `SELECT id FROM inquiries WHERE archived_at IS NOT NULL OR clinic_id IN (${purgeableClinics})`;

/** What 完全削除 would remove now. */
export function purgePreview(db: Db): PurgeCounts {
  const count = (sql: string) => (statement(db, `SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
  const archivedClinics = count('SELECT id FROM clinics WHERE archived_at IS NOT NULL');
  const clinics = count(purgeableClinics);
  return { clinics, inquiries: count(purgeableInquiries), keptClinics: archivedClinics - clinics };
}

/**
 * Deletes archived records for good, in one transaction, with everything that hangs off them
 * (status history, quotes, print records, the search index). Only called after a verified backup.
 */
export function purgeArchived(db: Db): PurgeCounts {
  return db.transaction(() => {
    const counts = purgePreview(db);
    db.exec(`CREATE TEMP TABLE purge_inquiries AS ${purgeableInquiries}; CREATE TEMP TABLE purge_clinics AS ${purgeableClinics};`);
    db.exec(`
      DELETE FROM inquiry_status_history WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
      DELETE FROM inquiry_quotes WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
      DELETE FROM inquiry_step_marks WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
      DELETE FROM inquiry_follow_ups WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries);
      DELETE FROM document_outputs WHERE inquiry_id IN (SELECT id FROM temp.purge_inquiries)
        OR clinic_id IN (SELECT id FROM temp.purge_clinics);
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
    return counts;
  })();
}
