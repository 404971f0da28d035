import type { Migration } from '../migrate.ts';

/**
 * The agency's own texts (its FAX form number, how it solicits, its notices), every version
 * kept: a document records the version of each text it printed, so what it said can be read
 * back later. A key without a row still has its initial text (version 0). Printed outputs get
 * the versions they used.
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const agencyTexts: Migration = {
  version: 10,
  name: 'agency texts',
  up(db) {
    db.exec(`
      CREATE TABLE agency_text_versions (
        key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
        version     INTEGER NOT NULL CHECK (version > 0),
        value       TEXT NOT NULL CHECK (length(value) <= 1000),
        staff_id    TEXT REFERENCES staff (id),
        created_at  TEXT NOT NULL,
        machine     TEXT NOT NULL,
        PRIMARY KEY (key, version)
      );
      ALTER TABLE document_outputs ADD COLUMN agency_texts TEXT CHECK (agency_texts IS NULL OR json_valid(agency_texts));
    `);
  },
};
