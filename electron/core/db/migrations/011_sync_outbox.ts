import type { Migration } from '../migrate.ts';

// Frozen copy of the shared columns of each shared table as they were when this migration
// shipped (electron/core/sync/sharedFields.ts holds today's list). Never edit: a column added
// later gets its trigger in a new migration. Local-only columns are left out on purpose: seq,
// the normalised shadows, phone digits and the per-machine revision counter.
const sharedColumns: Record<string, { columns: string[]; editedAt: string }> = {
  clinics: {
    columns: ['id', 'name', 'name_kana', 'kind', 'bed_count', 'postal_code', 'address', 'phone', 'fax', 'contact_person', 'member_number', 'memo',
      'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at'],
    editedAt: 'updated_at',
  },
  inquiries: {
    columns: ['id', 'receipt_number', 'clinic_id', 'received_on', 'channel', 'content', 'status', 'next_action_on', 'staff_id',
      'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at'],
    editedAt: 'updated_at',
  },
  inquiry_status_history: { columns: ['id', 'inquiry_id', 'from_status', 'to_status', 'reason', 'staff_id', 'changed_at', 'machine'], editedAt: 'changed_at' },
  inquiry_quotes: { columns: ['id', 'inquiry_id', 'snapshot', 'staff_id', 'created_at', 'machine'], editedAt: 'created_at' },
  document_outputs: {
    columns: ['id', 'output_key', 'clinic_id', 'inquiry_id', 'documents', 'action', 'batch_size', 'staff_id', 'created_at', 'machine', 'agency_texts'],
    editedAt: 'created_at',
  },
  staff: { columns: ['id', 'name', 'active', 'created_at', 'updated_at', 'updated_by'], editedAt: 'updated_at' },
};

// Triggers cannot see TEMP tables, so the switches they read live in this main-schema row.
const queueing = '(SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)';

/** The three triggers of one shared table: a new row and a gone row queue '*', an edit queues each changed column. */
function outboxTriggers(table: string, columns: string[], editedAt: string): string {
  const docId = (row: 'NEW' | 'OLD') => `'${table}:' || ${row}.id`;
  const changed = columns
    .filter((c) => c !== 'id')
    .map((c) => `SELECT '${c}' AS field WHERE OLD.${c} IS NOT NEW.${c}`)
    .join(' UNION ALL ');
  return `
    CREATE TRIGGER sync_outbox_${table}_insert AFTER INSERT ON ${table} WHEN ${queueing}
    BEGIN
      INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('NEW')}, '*', NEW.${editedAt});
    END;
    CREATE TRIGGER sync_outbox_${table}_update AFTER UPDATE ON ${table} WHEN ${queueing}
    BEGIN
      INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT ${docId('NEW')}, field, NEW.${editedAt} FROM (${changed});
    END;
    CREATE TRIGGER sync_outbox_${table}_delete AFTER DELETE ON ${table} WHEN ${queueing}
    BEGIN
      INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('OLD')}, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    END;`;
}

/**
 * Sharing records through the office hub. One row of sync state (sharing on or off, the switch
 * that keeps applying remote changes out of the outbox, this machine's write counter, the
 * changes-feed checkpoint); the outbox of changed fields, filled by triggers so that writes from
 * the import worker's own connection are caught too; documents waiting for a parent row or for
 * the clock; conflict notices. Sharing starts off: nothing is queued until a machine joins.
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const syncOutbox: Migration = {
  version: 11,
  name: 'sync outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        sharing       INTEGER NOT NULL DEFAULT 0 CHECK (sharing IN (0, 1)),
        applying      INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
        write_counter INTEGER NOT NULL DEFAULT 0 CHECK (write_counter >= 0),
        checkpoint    TEXT
      );
      INSERT INTO sync_state (id) VALUES (1);

      -- n orders the queue and tells a repeat apart: INSERT OR REPLACE gives a repeated
      -- (doc_id, field) a new n (AUTOINCREMENT never reuses one), so an acknowledgement of the
      -- older read leaves the newer edit queued.
      CREATE TABLE sync_outbox (
        n          INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id     TEXT NOT NULL,
        field      TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        UNIQUE (doc_id, field)
      );

      CREATE TABLE sync_pending (
        doc_id TEXT PRIMARY KEY NOT NULL,
        doc    TEXT NOT NULL CHECK (json_valid(doc)),
        reason TEXT NOT NULL CHECK (reason IN ('parent', 'future', 'constraint')),
        since  TEXT NOT NULL
      );

      CREATE TABLE sync_notices (
        id            TEXT PRIMARY KEY NOT NULL,
        record_doc_id TEXT NOT NULL,
        field         TEXT NOT NULL,
        kept          TEXT NOT NULL CHECK (json_valid(kept)),
        replaced      TEXT NOT NULL CHECK (json_valid(replaced)),
        resolved_at   TEXT
      );
      CREATE INDEX sync_notices_record ON sync_notices (record_doc_id);
      CREATE INDEX sync_notices_open ON sync_notices (resolved_at) WHERE resolved_at IS NULL;

      CREATE TRIGGER sync_outbox_notice_resolved AFTER UPDATE OF resolved_at ON sync_notices
        WHEN ${queueing} AND OLD.resolved_at IS NOT NEW.resolved_at
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES ('notice:' || NEW.id, 'resolvedAt', NEW.resolved_at);
      END;
      ${Object.entries(sharedColumns).map(([table, { columns, editedAt }]) => outboxTriggers(table, columns, editedAt)).join('\n')}
    `);
  },
};
