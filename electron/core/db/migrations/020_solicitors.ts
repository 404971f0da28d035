import type { Migration } from '../migrate.ts';

/**
 * Who solicited (issue 22, 保険業法275条・302条): each staff record carries the solicitor's
 * registration with the 損保協会 (募集人ID, 届出日, the qualification held and when it expires), and
 * every status change keeps a snapshot of the person who made it (actor, JSON), so the history
 * still names them as they were after the staff record is edited. Both are shared: the staff
 * columns merge field by field like the other staff fields; history rows are written once and
 * never edited. Frozen: the SQL stays as it shipped.
 */
export const solicitors: Migration = {
  version: 20,
  name: 'solicitors',
  up(db) {
    const date = (column: string) => `CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
    db.exec(`
      ALTER TABLE staff ADD COLUMN solicitor_id TEXT CHECK (solicitor_id IS NULL OR length(solicitor_id) BETWEEN 1 AND 20);
      ALTER TABLE staff ADD COLUMN notified_on TEXT ${date('notified_on')};
      ALTER TABLE staff ADD COLUMN qualification TEXT CHECK (qualification IS NULL OR length(qualification) BETWEEN 1 AND 100);
      ALTER TABLE staff ADD COLUMN qualification_expires_on TEXT ${date('qualification_expires_on')};
      ALTER TABLE inquiry_status_history ADD COLUMN actor TEXT CHECK (actor IS NULL OR json_valid(actor));
    `);
    // A machine that shares has outbox triggers naming each shared column; those of the two
    // tables changed here are made again with the new columns, so a restore that migrates a
    // backup finds the triggers this version makes (opening would too, but is not always next).
    const sharing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_outbox_staff_update'").get() !== undefined;
    if (!sharing) return;
    for (const [table, shape] of Object.entries(frozenShapes)) {
      for (const event of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS sync_outbox_${table}_${event}`);
      for (const sql of frozenTriggers(table, shape.columns, shape.editedAt)) db.exec(sql);
    }
  },
};

// Frozen copies, as on the day of this migration, of the two tables' shared columns and of the
// trigger text electron/core/sync/outboxTriggers.ts made then. Never edit.
const frozenShapes: Record<string, { columns: readonly string[]; editedAt: string }> = {
  staff: {
    columns: ['id', 'name', 'active', 'solicitor_id', 'notified_on', 'qualification', 'qualification_expires_on', 'created_at', 'updated_at', 'updated_by'],
    editedAt: 'updated_at',
  },
  inquiry_status_history: {
    columns: ['id', 'inquiry_id', 'from_status', 'to_status', 'reason', 'staff_id', 'changed_at', 'machine', 'actor'],
    editedAt: 'changed_at',
  },
};

const queueing = '(SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)';

function frozenTriggers(table: string, columns: readonly string[], editedAt: string): string[] {
  const docId = (row: 'NEW' | 'OLD') => `'${table}:' || ${row}.id`;
  const changed = columns
    .filter((c) => c !== 'id')
    .map((c) => `SELECT '${c}' AS field WHERE OLD.${c} IS NOT NEW.${c}`)
    .join(' UNION ALL ');
  return [
    `CREATE TRIGGER sync_outbox_${table}_insert AFTER INSERT ON ${table} WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('NEW')}, '*', NEW.${editedAt});
     END`,
    `CREATE TRIGGER sync_outbox_${table}_update AFTER UPDATE ON ${table} WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT ${docId('NEW')}, field, NEW.${editedAt} FROM (${changed});
     END`,
    `CREATE TRIGGER sync_outbox_${table}_delete AFTER DELETE ON ${table} WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('OLD')}, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
     END`,
  ];
}
