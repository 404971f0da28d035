import type { Migration } from '../migrate.ts';

/**
 * 対応記録 (issue 23 §3): each time staff follow an inquiry up (a call, a FAX, a visit), a line
 * of its own, apart from the inquiry's 内容. Shared between machines and insert-only: a record
 * is written once and never edited, so two machines' records merge by both being there.
 * Rows are deleted only with their inquiry (完全削除, or a purge arriving from another machine).
 */
export const inquiryFollowUps: Migration = {
  version: 22,
  name: 'inquiry follow ups',
  up(db) {
    db.exec(`
      CREATE TABLE inquiry_follow_ups (
        id         TEXT PRIMARY KEY,
        inquiry_id TEXT NOT NULL REFERENCES inquiries (id),
        done_on    TEXT NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        how        TEXT NOT NULL CHECK (how IN ('counter', 'phone', 'fax', 'visit', 'email')),
        note       TEXT NOT NULL DEFAULT '',
        actor      TEXT CHECK (actor IS NULL OR json_valid(actor)),
        created_at TEXT NOT NULL,
        machine    TEXT NOT NULL
      );
      CREATE INDEX inquiry_follow_ups_inquiry ON inquiry_follow_ups (inquiry_id, done_on);
      CREATE TRIGGER inquiry_follow_ups_insert_only BEFORE UPDATE ON inquiry_follow_ups
      BEGIN
        SELECT RAISE(ABORT, 'inquiry_follow_ups rows are never edited: add a newer row');
      END;
    `);
  },
};
