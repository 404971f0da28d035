import type { Migration } from '../migrate.ts';

/**
 * The checklist steps staff tick by hand on an inquiry (issue 22 §3, issue 23 §3): for 病院 and
 * 老健, that the insurer's 告知書 was requested and received. Shared between machines, and
 * insert-only: a mark is never edited; undoing one is a newer row without a date, so two
 * machines' marks merge by simply both being there (the newest row of a step is its state).
 * Rows are deleted only with their inquiry (完全削除, or a purge arriving from another machine).
 */
export const inquiryStepMarks: Migration = {
  version: 21,
  name: 'inquiry step marks',
  up(db) {
    db.exec(`
      CREATE TABLE inquiry_step_marks (
        id         TEXT PRIMARY KEY,
        inquiry_id TEXT NOT NULL REFERENCES inquiries (id),
        step       TEXT NOT NULL CHECK (step IN ('noticeFormRequested', 'noticeFormReceived')),
        done_on    TEXT CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        actor      TEXT CHECK (actor IS NULL OR json_valid(actor)),
        created_at TEXT NOT NULL,
        machine    TEXT NOT NULL
      );
      CREATE INDEX inquiry_step_marks_inquiry ON inquiry_step_marks (inquiry_id, step, created_at);
      CREATE TRIGGER inquiry_step_marks_insert_only BEFORE UPDATE ON inquiry_step_marks
      BEGIN
        SELECT RAISE(ABORT, 'inquiry_step_marks rows are never edited: add a newer row');
      END;
    `);
  },
};
