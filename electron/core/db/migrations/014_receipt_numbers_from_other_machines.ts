import type { Migration } from '../migrate.ts';

// Frozen copy of the 経路 and 状況 codes of migration 2, the CHECKs the rebuilt table keeps. Never edit.
const inquiryChannels = ['counter', 'phone', 'fax', 'visit', 'email'];
const inquiryStatuses = ['new', 'materials_sent', 'quote_presented', 'applied', 'contracted', 'declined'];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One 受付番号 may belong to two inquiries: every machine numbered A-2026-0001… before it shared,
 * so two PCs that both took inquiries before joining hold the same numbers for different
 * inquiries, and a 受付番号 is never renumbered (staff and clinics already wrote it down). With
 * the UNIQUE of migration 2 the second one to arrive through the hub could never be written.
 * Numbers issued on one machine stay unique by construction (receipt_sequences and the machine's
 * prefix), so nothing changes for a machine alone.
 *
 * SQLite cannot drop a UNIQUE, so the table is rebuilt by the procedure of
 * https://www.sqlite.org/lang_altertable.html#otheralter: migrate() turns foreign keys off around
 * this migration (`rebuildsTables`), the copy keeps every column and `seq`, the indexes come back
 * with a plain one on receipt_number, and the triggers on inquiries (the outbox triggers of a
 * machine that shares) are re-created word for word. Foreign keys are checked before the commit.
 * Frozen: the SQL is written out as it shipped.
 */
export const receiptNumbersFromOtherMachines: Migration = {
  version: 14,
  name: 'receipt numbers from other machines',
  rebuildsTables: true,
  up(db) {
    // With foreign keys on, DROP TABLE would first delete every inquiry under its history, quotes
    // and outputs; refuse rather than risk it when run by something other than migrate().
    if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error('migration 14 rebuilds inquiries: run it with foreign keys off');
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'inquiries' ORDER BY name").pluck().all() as string[];
    db.exec(`
      CREATE TABLE inquiries_rebuilt (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        receipt_number   TEXT NOT NULL,
        clinic_id        TEXT NOT NULL REFERENCES clinics (id),
        received_on      TEXT NOT NULL,
        channel          TEXT NOT NULL CHECK (channel IN (${list(inquiryChannels)})),
        content          TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL CHECK (status IN (${list(inquiryStatuses)})),
        next_action_on   TEXT,
        staff_id         TEXT REFERENCES staff (id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        updated_by       TEXT NOT NULL,
        updated_by_staff TEXT REFERENCES staff (id),
        archived_at      TEXT,
        revision         INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
      );

      INSERT INTO inquiries_rebuilt (
        seq, id, receipt_number, clinic_id, received_on, channel, content, status, next_action_on, staff_id,
        created_at, updated_at, updated_by, updated_by_staff, archived_at, revision)
      SELECT
        seq, id, receipt_number, clinic_id, received_on, channel, content, status, next_action_on, staff_id,
        created_at, updated_at, updated_by, updated_by_staff, archived_at, revision
      FROM inquiries;

      DROP TABLE inquiries;
      ALTER TABLE inquiries_rebuilt RENAME TO inquiries;

      CREATE INDEX inquiries_clinic ON inquiries (clinic_id, received_on);
      CREATE INDEX inquiries_next_action ON inquiries (next_action_on) WHERE archived_at IS NULL;
      CREATE INDEX inquiries_status ON inquiries (status, received_on);
      CREATE INDEX inquiries_received ON inquiries (received_on);
      -- New: finding the inquiries of one 受付番号 (a FAX sent back, the notice on the detail) without a scan.
      CREATE INDEX inquiries_receipt_number ON inquiries (receipt_number);
    `);
    for (const sql of triggers) db.exec(sql);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration 14: ${broken.length} rows point at a row that is not there`);
  },
};
