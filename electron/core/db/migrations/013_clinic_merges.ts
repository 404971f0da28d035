import type { Migration } from '../migrate.ts';

/**
 * Merging two records of one clinic. The merged-away record stays, archived, with a pointer to
 * the one kept (`merged_into`), so an old link or an edit made offline elsewhere still finds its
 * way; each merge is a row that says what it changed (the chosen values, the kept record's and
 * the merged record's values before, the rows moved), so it can be undone.
 * Frozen: this SQL stays as it shipped; later changes come as new migrations.
 */
export const clinicMerges: Migration = {
  version: 13,
  name: 'clinic merges',
  up(db) {
    db.exec(`
      ALTER TABLE clinics ADD COLUMN merged_into TEXT REFERENCES clinics (id);
      CREATE INDEX clinics_merged_into ON clinics (merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE clinic_merges (
        id              TEXT PRIMARY KEY NOT NULL,
        kept_id         TEXT NOT NULL REFERENCES clinics (id),
        merged_id       TEXT NOT NULL REFERENCES clinics (id) CHECK (merged_id <> kept_id),
        chosen          TEXT NOT NULL CHECK (json_valid(chosen)),
        kept_before     TEXT NOT NULL CHECK (json_valid(kept_before)),
        merged_before   TEXT NOT NULL CHECK (json_valid(merged_before)),
        moved           TEXT NOT NULL CHECK (json_valid(moved)),
        kept_updated_at TEXT NOT NULL,
        staff_id        TEXT REFERENCES staff (id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        machine         TEXT NOT NULL,
        undone_at       TEXT
      );
      CREATE INDEX clinic_merges_kept ON clinic_merges (kept_id, created_at);
      CREATE INDEX clinic_merges_merged ON clinic_merges (merged_id);
    `);
  },
};
