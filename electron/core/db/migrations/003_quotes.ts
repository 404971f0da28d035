import type { Migration } from '../migrate.ts';

/**
 * Quotes saved on inquiries. The snapshot is the quote as shown (figures, conditions, the rate
 * table's version and status), so a later table change never alters a past quote.
 */
export const quotes: Migration = {
  version: 3,
  name: 'quotes',
  up(db) {
    db.exec(`
      CREATE TABLE inquiry_quotes (
        id          TEXT PRIMARY KEY NOT NULL,
        inquiry_id  TEXT NOT NULL REFERENCES inquiries (id),
        snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
        staff_id    TEXT REFERENCES staff (id),
        created_at  TEXT NOT NULL,
        machine     TEXT NOT NULL
      );
      CREATE INDEX inquiry_quotes_inquiry ON inquiry_quotes (inquiry_id, created_at);
    `);
  },
};
