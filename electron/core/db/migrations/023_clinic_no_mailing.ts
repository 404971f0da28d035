import type { Migration } from '../migrate.ts';

/**
 * 送付不要 (issue 23 §4): a clinic that asked to be sent nothing (or that the office decided
 * not to post to) is marked, with the reason staff give, and every mailing leaves it out. Both
 * columns are shared: they replicate and merge field by field like the clinic's other fields
 * (the later edit by updated_at wins). Frozen: the SQL stays as it shipped.
 */
export const clinicNoMailing: Migration = {
  version: 23,
  name: 'clinic no mailing',
  up(db) {
    db.exec(`
      ALTER TABLE clinics ADD COLUMN no_mailing INTEGER NOT NULL DEFAULT 0 CHECK (no_mailing IN (0, 1));
      ALTER TABLE clinics ADD COLUMN no_mailing_reason TEXT NOT NULL DEFAULT '' CHECK (length(no_mailing_reason) <= 200);
    `);
    // A machine that shares has outbox triggers naming each shared column of clinics: they are
    // made again with the two new ones, so a restore that migrates a backup finds the triggers
    // this version makes.
    const sharing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_outbox_clinics_update'").get() !== undefined;
    if (!sharing) return;
    for (const event of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS sync_outbox_clinics_${event}`);
    for (const sql of frozenClinicTriggers()) db.exec(sql);
  },
};

// Frozen copies, as on the day of this migration, of clinics' shared columns and of the trigger
// text electron/core/sync/outboxTriggers.ts made then. Never edit.
const frozenColumns = ['id', 'name', 'name_kana', 'kind', 'bed_count', 'postal_code', 'address', 'phone', 'fax', 'contact_person', 'member_number', 'memo',
  'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at', 'merged_into', 'no_mailing', 'no_mailing_reason'];

const queueing = '(SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)';

function frozenClinicTriggers(): string[] {
  const docId = (row: 'NEW' | 'OLD') => `'clinics:' || ${row}.id`;
  const changed = frozenColumns
    .filter((c) => c !== 'id')
    .map((c) => `SELECT '${c}' AS field WHERE OLD.${c} IS NOT NEW.${c}`)
    .join(' UNION ALL ');
  return [
    `CREATE TRIGGER sync_outbox_clinics_insert AFTER INSERT ON clinics WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('NEW')}, '*', NEW.updated_at);
     END`,
    `CREATE TRIGGER sync_outbox_clinics_update AFTER UPDATE ON clinics WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT ${docId('NEW')}, field, NEW.updated_at FROM (${changed});
     END`,
    `CREATE TRIGGER sync_outbox_clinics_delete AFTER DELETE ON clinics WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('OLD')}, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
     END`,
  ];
}
