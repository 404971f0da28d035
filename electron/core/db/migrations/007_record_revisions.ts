import type { Migration } from '../migrate.ts';

/**
 * Every clinic, inquiry and staff row counts its writes. A form sends the revision it was opened
 * with, and a write from a stale form is refused instead of silently undoing a newer edit.
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const recordRevisions: Migration = {
  version: 7,
  name: 'record revisions',
  up(db) {
    db.exec(`
      ALTER TABLE clinics ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
      ALTER TABLE inquiries ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
      ALTER TABLE staff ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
    `);
  },
};
