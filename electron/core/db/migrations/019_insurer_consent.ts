import type { Migration } from '../migrate.ts';

/**
 * The outbox triggers of a machine that shares, as this version makes them: inquiries' update
 * trigger queues insurer_consent too, agency_settings gets its three. Written out (frozen): a
 * restore migrates a copy and checks its triggers against this version's before it is opened.
 */
const sharingTriggers = [
  `CREATE TRIGGER sync_outbox_inquiries_update AFTER UPDATE ON inquiries WHEN (SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT 'inquiries:' || NEW.id, field, NEW.updated_at FROM (SELECT 'receipt_number' AS field WHERE OLD.receipt_number IS NOT NEW.receipt_number UNION ALL SELECT 'clinic_id' AS field WHERE OLD.clinic_id IS NOT NEW.clinic_id UNION ALL SELECT 'received_on' AS field WHERE OLD.received_on IS NOT NEW.received_on UNION ALL SELECT 'channel' AS field WHERE OLD.channel IS NOT NEW.channel UNION ALL SELECT 'content' AS field WHERE OLD.content IS NOT NEW.content UNION ALL SELECT 'status' AS field WHERE OLD.status IS NOT NEW.status UNION ALL SELECT 'next_action_on' AS field WHERE OLD.next_action_on IS NOT NEW.next_action_on UNION ALL SELECT 'staff_id' AS field WHERE OLD.staff_id IS NOT NEW.staff_id UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at UNION ALL SELECT 'updated_by' AS field WHERE OLD.updated_by IS NOT NEW.updated_by UNION ALL SELECT 'updated_by_staff' AS field WHERE OLD.updated_by_staff IS NOT NEW.updated_by_staff UNION ALL SELECT 'archived_at' AS field WHERE OLD.archived_at IS NOT NEW.archived_at UNION ALL SELECT 'insurer_consent' AS field WHERE OLD.insurer_consent IS NOT NEW.insurer_consent);
     END`,
  `CREATE TRIGGER sync_outbox_agency_settings_insert AFTER INSERT ON agency_settings WHEN (SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES ('agency_settings:' || NEW.id, '*', NEW.updated_at);
     END`,
  `CREATE TRIGGER sync_outbox_agency_settings_update AFTER UPDATE ON agency_settings WHEN (SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT 'agency_settings:' || NEW.id, field, NEW.updated_at FROM (SELECT 'value' AS field WHERE OLD.value IS NOT NEW.value UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at UNION ALL SELECT 'updated_by' AS field WHERE OLD.updated_by IS NOT NEW.updated_by UNION ALL SELECT 'updated_by_staff' AS field WHERE OLD.updated_by_staff IS NOT NEW.updated_by_staff);
     END`,
  `CREATE TRIGGER sync_outbox_agency_settings_delete AFTER DELETE ON agency_settings WHEN (SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES ('agency_settings:' || OLD.id, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
     END`,
];

/**
 * Issue 22 §6. `inquiries.insurer_consent`: whether the clinic consented to the insurer's handling
 * of its information (同意あり／同意なし／未確認), a shared column of inquiries that merges per field
 * like the others. `agency_settings`: the agency's rules every machine must apply alike (the
 * retention period first), one row per setting, shared: a row replicates as one record and its
 * value merges per field, the later edit by its stamp winning (a conflict notice tells the other).
 * Frozen: this SQL stays as it shipped.
 */
export const insurerConsent: Migration = {
  version: 19,
  name: 'insurer consent',
  up(db) {
    db.exec(`
      ALTER TABLE inquiries ADD COLUMN insurer_consent TEXT NOT NULL DEFAULT 'unknown' CHECK (insurer_consent IN ('yes', 'no', 'unknown'));
      CREATE TABLE agency_settings (
        id                TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
        value             TEXT NOT NULL CHECK (length(value) <= 200),
        updated_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL,
        updated_by_staff  TEXT REFERENCES staff (id)
      );
    `);
    const sharing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_outbox_inquiries_update'").get() !== undefined;
    if (!sharing) return;
    db.exec('DROP TRIGGER sync_outbox_inquiries_update');
    for (const sql of sharingTriggers) db.exec(sql);
  },
};
