import type { Migration } from '../migrate.ts';

// Everything below up to the migration is a frozen copy of domain code as it was when this
// migration shipped (shared/domain/inquiry.ts, shared/text/normalizeForSearch.ts,
// repos/searchTokens.ts). A migration is history: if it imported today's code, a later change
// there would make new installs differ from upgraded ones. Never edit these copies.
const inquiryChannels = ['counter', 'phone', 'fax', 'visit', 'email'];
const inquiryStatuses = ['new', 'materials_sent', 'quote_presented', 'applied', 'contracted', 'declined'];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** NFKC, lower case, katakana to hiragana, no spaces, hyphens or punctuation (search normalisation 1). */
function normalizeForSearch(text: string): string {
  // The first release walked the characters in a loop; these two expressions give the same output.
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '')
    .replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Every adjacent pair of characters, space-separated: the bigram index's tokens. */
function toBigramTokens(normalized: string): string {
  const chars = [...normalized];
  if (chars.length < 2) return chars.join('');
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams.join(' ');
}

/**
 * The records of the counter: the rest of the clinic form (contact, member number, memo),
 * staff, inquiries with their status history, and per-year receipt sequences. The search index
 * gains the member number, so it is rebuilt from the rows.
 */
export const records: Migration = {
  version: 2,
  name: 'records',
  up(db) {
    db.exec(`
      ALTER TABLE clinics ADD COLUMN contact_person TEXT NOT NULL DEFAULT '';
      ALTER TABLE clinics ADD COLUMN member_number TEXT NOT NULL DEFAULT '';
      ALTER TABLE clinics ADD COLUMN memo TEXT NOT NULL DEFAULT '';
      -- Digits only, for duplicate warnings: 099-254-8126 and (099)254-8126 are one number.
      ALTER TABLE clinics ADD COLUMN phone_digits TEXT NOT NULL DEFAULT '';
      ALTER TABLE clinics ADD COLUMN updated_by_staff TEXT;
      CREATE UNIQUE INDEX clinics_member_number ON clinics (member_number) WHERE member_number <> '';
      CREATE INDEX clinics_phone_digits ON clinics (phone_digits) WHERE phone_digits <> '';

      CREATE TABLE staff (
        id          TEXT PRIMARY KEY NOT NULL,
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
      );

      CREATE TABLE inquiries (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        receipt_number   TEXT NOT NULL UNIQUE,
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
        archived_at      TEXT
      );
      CREATE INDEX inquiries_clinic ON inquiries (clinic_id, received_on);
      CREATE INDEX inquiries_next_action ON inquiries (next_action_on) WHERE archived_at IS NULL;
      CREATE INDEX inquiries_status ON inquiries (status, received_on);
      CREATE INDEX inquiries_received ON inquiries (received_on);

      CREATE TABLE inquiry_status_history (
        id          TEXT PRIMARY KEY NOT NULL,
        inquiry_id  TEXT NOT NULL REFERENCES inquiries (id),
        from_status TEXT CHECK (from_status IS NULL OR from_status IN (${list(inquiryStatuses)})),
        to_status   TEXT NOT NULL CHECK (to_status IN (${list(inquiryStatuses)})),
        reason      TEXT NOT NULL DEFAULT '',
        staff_id    TEXT REFERENCES staff (id),
        changed_at  TEXT NOT NULL,
        machine     TEXT NOT NULL
      );
      CREATE INDEX inquiry_status_history_inquiry ON inquiry_status_history (inquiry_id, changed_at);

      CREATE TABLE receipt_sequences (
        prefix TEXT NOT NULL,
        year   INTEGER NOT NULL,
        last   INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      ) WITHOUT ROWID;

      INSERT INTO app_meta (key, value) VALUES ('receipt_prefix', 'A'), ('date_style', 'western');

      DROP TABLE clinic_search;
      CREATE VIRTUAL TABLE clinic_search USING fts5 (
        name, kana, address, phone, fax, member,
        tokenize = 'ascii', content = '', contentless_delete = 1
      );
    `);
    const rows = db.prepare('SELECT seq, name_norm, kana_norm, address, phone, fax FROM clinics').all() as {
      seq: number; name_norm: string; kana_norm: string; address: string; phone: string; fax: string;
    }[];
    const setDigits = db.prepare('UPDATE clinics SET phone_digits = ? WHERE seq = ?');
    const index = db.prepare('INSERT INTO clinic_search (rowid, name, kana, address, phone, fax, member) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const row of rows) {
      const digits = normalizeForSearch(row.phone);
      setDigits.run(digits, row.seq);
      index.run(row.seq, toBigramTokens(row.name_norm), toBigramTokens(row.kana_norm), toBigramTokens(normalizeForSearch(row.address)), toBigramTokens(digits), toBigramTokens(normalizeForSearch(row.fax)), '');
    }
  },
};
