import { randomUUID } from 'node:crypto';
import type { Migration } from '../migrate.ts';

// Frozen copy of shared/domain/clinic.ts `clinicKinds` as it was when this migration shipped:
// a later change to the domain list must not change what a new install's CHECK accepts (that is
// a new migration's job), or new and upgraded files would differ.
const kindList = `'clinic_no_beds', 'clinic_with_beds', 'hospital', 'geriatric_facility', 'other'`;

/**
 * Clinics with a search index. `seq` is a local row number for the FTS index only (VACUUM may
 * renumber implicit rowids); `id` is a UUIDv7 that stays valid across machines.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE clinics (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_kana   TEXT NOT NULL DEFAULT '',
        kind        TEXT NOT NULL CHECK (kind IN (${kindList})),
        bed_count   INTEGER CHECK (bed_count IS NULL OR bed_count >= 0),
        postal_code TEXT NOT NULL DEFAULT '',
        address     TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL DEFAULT '',
        fax         TEXT NOT NULL DEFAULT '',
        name_norm   TEXT NOT NULL,
        kana_norm   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        archived_at TEXT
      );
      CREATE INDEX clinics_name_norm ON clinics (name_norm);
      CREATE INDEX clinics_kana_norm ON clinics (kana_norm);
      CREATE INDEX clinics_updated_at ON clinics (updated_at);

      -- Space-separated character bigrams of the normalised columns: a phrase query of the
      -- query's bigrams is a substring match of two characters or more (trigram cannot do 2).
      CREATE VIRTUAL TABLE clinic_search USING fts5 (
        name, kana, address, phone, fax,
        tokenize = 'ascii', content = '', contentless_delete = 1
      );
    `);
    db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run('machine_id', randomUUID());
  },
};
