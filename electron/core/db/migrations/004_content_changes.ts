import type { Migration } from '../migrate.ts';

/** Who installed which content pack or rate table when, and whether it was taken back. */
export const contentChanges: Migration = {
  version: 4,
  name: 'content changes',
  up(db) {
    db.exec(`
      CREATE TABLE content_changes (
        id           TEXT PRIMARY KEY NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('pack', 'rates')),
        label        TEXT NOT NULL,
        file_name    TEXT NOT NULL,
        staff_id     TEXT REFERENCES staff (id),
        installed_at TEXT NOT NULL,
        reverted_at  TEXT,
        machine      TEXT NOT NULL
      );
    `);
  },
};
