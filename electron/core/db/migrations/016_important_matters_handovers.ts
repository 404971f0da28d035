import type { Migration } from '../migrate.ts';

const queueing = '(SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)';
const changedFields = ['inquiry_id', 'handed_on', 'doc_code', 'doc_date', 'method', 'withdraws', 'reason', 'actor', 'created_at', 'machine']
  .map((c) => `SELECT '${c}' AS field WHERE OLD.${c} IS NOT NEW.${c}`)
  .join(' UNION ALL ');

/**
 * The outbox triggers of the new table as the app of this version makes them while a machine
 * shares (electron/core/sync/outboxTriggers.ts), written out: a sharing machine's file is whole
 * straight after the migration, as a restore checks it before it is opened.
 */
const outboxTriggersWhileSharing = `
  CREATE TRIGGER sync_outbox_important_matters_handovers_insert AFTER INSERT ON important_matters_handovers WHEN ${queueing}
  BEGIN
    INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES ('important_matters_handovers:' || NEW.id, '*', NEW.created_at);
  END;
  CREATE TRIGGER sync_outbox_important_matters_handovers_update AFTER UPDATE ON important_matters_handovers WHEN ${queueing}
  BEGIN
    INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT 'important_matters_handovers:' || NEW.id, field, NEW.created_at FROM (${changedFields});
  END;
  CREATE TRIGGER sync_outbox_important_matters_handovers_delete AFTER DELETE ON important_matters_handovers WHEN ${queueing}
  BEGIN
    INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES ('important_matters_handovers:' || OLD.id, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  END;`;

/**
 * 重要事項説明書（契約概要・注意喚起情報）の交付記録 (保険業法294条): which version of the insurer's
 * document was handed over for an inquiry, when, how and by whom (the actor as they were then).
 * An audit record: rows are written once and never edited. A mistake is put right by a new row
 * that withdraws the earlier one (`withdraws`, with a reason), never by changing or deleting it.
 * Shared between machines; a row is written once, so it merges trivially.
 * Deleting is refused while the inquiry and its clinic are in use: the rows go only with their
 * inquiry in 完全削除 (which takes archived inquiries and the inquiries of archived clinics only)
 * or when sharing applies another machine's deletion (sync_state.applying).
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const importantMattersHandovers: Migration = {
  version: 16,
  name: 'important_matters_handovers',
  up(db) {
    db.exec(`
      CREATE TABLE important_matters_handovers (
        id          TEXT PRIMARY KEY NOT NULL,
        inquiry_id  TEXT NOT NULL REFERENCES inquiries (id),
        handed_on   TEXT,
        doc_code    TEXT,
        doc_date    TEXT,
        method      TEXT CHECK (method IN ('hand', 'post', 'fax', 'email')),
        withdraws   TEXT REFERENCES important_matters_handovers (id),
        reason      TEXT,
        actor       TEXT CHECK (actor IS NULL OR json_valid(actor)),
        created_at  TEXT NOT NULL,
        machine     TEXT NOT NULL,
        CHECK (
          (withdraws IS NULL AND handed_on IS NOT NULL AND doc_code IS NOT NULL AND doc_date IS NOT NULL AND method IS NOT NULL AND reason IS NULL)
          OR (withdraws IS NOT NULL AND handed_on IS NULL AND doc_code IS NULL AND doc_date IS NULL AND method IS NULL AND reason IS NOT NULL)
        )
      );
      CREATE INDEX important_matters_handovers_inquiry ON important_matters_handovers (inquiry_id, created_at);
      CREATE INDEX important_matters_handovers_withdraws ON important_matters_handovers (withdraws) WHERE withdraws IS NOT NULL;

      -- Not shared: whether 完全削除 is running on this machine, inside its own transaction. Every
      -- insert-only audit table lets a deletion through only while it is up (or while another
      -- machine's rows are applied). Triggers cannot read TEMP tables, hence a row in the main schema.
      CREATE TABLE audit_erasing (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        erasing INTEGER NOT NULL DEFAULT 0 CHECK (erasing IN (0, 1))
      );
      INSERT INTO audit_erasing (id) VALUES (1);

      CREATE TRIGGER important_matters_handovers_no_update BEFORE UPDATE ON important_matters_handovers
        WHEN (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1
      BEGIN
        SELECT RAISE(ABORT, 'important_matters_handovers is insert-only');
      END;
      CREATE TRIGGER important_matters_handovers_no_delete BEFORE DELETE ON important_matters_handovers
        WHEN (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT erasing FROM audit_erasing WHERE id = 1) IS NOT 1
      BEGIN
        SELECT RAISE(ABORT, 'important_matters_handovers is insert-only');
      END;
    `);
    // Only where the file carries the outbox triggers now (a machine that shares, since migration
    // 12): opening puts them back whole anywhere else.
    const carriesOutboxTriggers = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_outbox_inquiries_insert'").get() !== undefined;
    if (carriesOutboxTriggers) db.exec(outboxTriggersWhileSharing);
  },
};
