import type { Migration } from '../migrate.ts';

// Frozen copy of the 種別 codes this migration allows: the five of migration 1 and 'unconfirmed'
// (未確認), the kind of a clinic whose 種別 no one has told us. Never edit: a later kind is a new
// migration.
const kindList = `'clinic_no_beds', 'clinic_with_beds', 'hospital', 'geriatric_facility', 'other', 'unconfirmed'`;

/**
 * Lets a clinic's 種別 be 未確認 instead of a guess. SQLite cannot alter a CHECK, so the table is
 * rebuilt by the procedure of https://www.sqlite.org/lang_altertable.html#otheralter: migrate()
 * turns foreign keys off around this migration's transaction (`rebuildsTables`), the copy keeps
 * every `seq` (the rowid both search indexes point at, so they stay valid untouched), and the
 * foreign keys of inquiries and document outputs are checked before the commit.
 * Frozen: the SQL is written out as it shipped.
 */
export const unconfirmedKind: Migration = {
  version: 9,
  name: 'unconfirmed kind',
  rebuildsTables: true,
  up(db) {
    // With foreign keys on, DROP TABLE would first delete every clinic under the inquiries
    // pointing at them; refuse rather than risk it when run by something other than migrate().
    if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error('migration 9 rebuilds clinics: run it with foreign keys off');
    db.exec(`
      CREATE TABLE clinics_rebuilt (
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
        archived_at TEXT,
        contact_person TEXT NOT NULL DEFAULT '',
        member_number  TEXT NOT NULL DEFAULT '',
        memo           TEXT NOT NULL DEFAULT '',
        phone_digits   TEXT NOT NULL DEFAULT '',
        updated_by_staff TEXT,
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
      );

      INSERT INTO clinics_rebuilt (
        seq, id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, name_norm, kana_norm,
        created_at, updated_at, updated_by, archived_at, contact_person, member_number, memo, phone_digits,
        updated_by_staff, revision)
      SELECT
        seq, id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, name_norm, kana_norm,
        created_at, updated_at, updated_by, archived_at, contact_person, member_number, memo, phone_digits,
        updated_by_staff, revision
      FROM clinics;

      DROP TABLE clinics;
      ALTER TABLE clinics_rebuilt RENAME TO clinics;

      CREATE INDEX clinics_name_norm ON clinics (name_norm);
      CREATE INDEX clinics_kana_norm ON clinics (kana_norm);
      CREATE INDEX clinics_updated_at ON clinics (updated_at);
      CREATE UNIQUE INDEX clinics_member_number ON clinics (member_number) WHERE member_number <> '';
      CREATE INDEX clinics_phone_digits ON clinics (phone_digits) WHERE phone_digits <> '';
      -- New: the list filtered by 種別 (the 未確認 ones to complete), newest first, without a scan.
      CREATE INDEX clinics_kind ON clinics (kind, updated_at);
    `);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration 9: ${broken.length} rows point at a clinic that is not there`);
  },
};
