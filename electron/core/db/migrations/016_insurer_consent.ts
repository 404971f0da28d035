import type { Migration } from '../migrate.ts';

/**
 * Issue 22 §6. `inquiries.insurer_consent`: whether the clinic consented to the insurer's handling
 * of its information (同意あり／同意なし／未確認), a shared column of inquiries that merges per field
 * like the others. `agency_settings`: the agency's rules every machine must apply alike (the
 * retention period first), one row per setting, shared: a row replicates as one record and its
 * value merges per field, the later edit by its stamp winning (a conflict notice tells the other).
 * Frozen: this SQL stays as it shipped.
 */
export const insurerConsent: Migration = {
  version: 16,
  name: 'insurer consent',
  up(db) {
    db.exec(`
      ALTER TABLE inquiries ADD COLUMN insurer_consent TEXT NOT NULL DEFAULT 'unknown' CHECK (insurer_consent IN ('yes', 'no', 'unknown'));
      CREATE TABLE agency_settings (
        id                TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
        value             TEXT NOT NULL CHECK (length(value) <= 200),
        updated_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL,
        updated_by_staff  TEXT REFERENCES staff (id)
      );
    `);
  },
};
