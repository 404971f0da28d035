import type { Migration } from '../migrate.ts';

/**
 * An official premium table is confirmed against a document from the insurer: its number or
 * title and its date, as staff typed them, are kept beside who installed it, for the audit.
 * Packs and rows from before this version leave both empty.
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const rateTableSources: Migration = {
  version: 8,
  name: 'rate table sources',
  up(db) {
    db.exec(`
      ALTER TABLE content_changes ADD COLUMN source_document TEXT CHECK (source_document IS NULL OR length(source_document) BETWEEN 1 AND 100);
      ALTER TABLE content_changes ADD COLUMN source_date TEXT CHECK (source_date IS NULL OR source_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
    `);
  },
};
