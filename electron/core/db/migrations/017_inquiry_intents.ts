import type { Migration } from '../migrate.ts';

/**
 * The customer's wishes on an inquiry (意向把握・意向確認, 保険業法294条の2): one row per record,
 * 当初 or 最終, with the questions exactly as asked. Shared between machines (each row is one
 * document, its parent the inquiry) and INSERT-only: a correction is a new row, so rows never
 * conflict when they merge. The triggers refuse an edit or a deletion, except while remote
 * records are applied (sync_state.applying: the hub's copy of a row, or a purge made on another
 * machine) and while 完全削除 runs here (audit_erasing.erasing, set by the purge in its own
 * transaction). Triggers cannot read TEMP tables, hence a row in the main schema. Its outbox
 * triggers, like every shared table's since migration 12, are made by the app on opening.
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const inquiryIntents: Migration = {
  version: 17,
  name: 'inquiry intents',
  up(db) {
    db.exec(`
      CREATE TABLE inquiry_intents (
        id                  TEXT PRIMARY KEY NOT NULL,
        inquiry_id          TEXT NOT NULL REFERENCES inquiries (id),
        stage               TEXT NOT NULL CHECK (stage IN ('initial', 'final')),
        questions           TEXT NOT NULL CHECK (json_valid(questions)),
        answers             TEXT NOT NULL CHECK (json_valid(answers)),
        differs_explanation TEXT NOT NULL DEFAULT '' CHECK (length(differs_explanation) <= 600),
        confirmed_on        TEXT,
        actor               TEXT CHECK (actor IS NULL OR json_valid(actor)),
        created_at          TEXT NOT NULL,
        machine             TEXT NOT NULL,
        CHECK ((stage = 'final') = (confirmed_on IS NOT NULL))
      );
      CREATE INDEX inquiry_intents_inquiry ON inquiry_intents (inquiry_id, stage, created_at);

      -- audit_erasing came with the important-matters handovers (migration 16).
      CREATE TRIGGER inquiry_intents_no_update BEFORE UPDATE ON inquiry_intents
        WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (SELECT erasing FROM audit_erasing WHERE id = 1) = 0
      BEGIN
        SELECT RAISE(ABORT, 'inquiry_intents rows are insert-only');
      END;
      CREATE TRIGGER inquiry_intents_no_delete BEFORE DELETE ON inquiry_intents
        WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (SELECT erasing FROM audit_erasing WHERE id = 1) = 0
      BEGIN
        SELECT RAISE(ABORT, 'inquiry_intents rows are insert-only');
      END;
    `);
  },
};
