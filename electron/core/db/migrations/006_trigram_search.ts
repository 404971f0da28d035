import type { Migration } from '../migrate.ts';

/**
 * Frozen copy of shared/text/normalizeForSearch.ts as it was when this migration shipped
 * (search normalisation 1). A migration is history: if it imported today's code, a later change
 * there would make new installs differ from upgraded ones. Never edit this copy; a new
 * normalisation is applied by the start-up rebuild of the search columns, not here.
 */
function normalizeForSearch(text: string): string {
  // The first release walked the characters in a loop; these two expressions give the same output.
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '')
    .replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * A second search index of character trigrams, for queries of three or more characters. Bigrams
 * are few and common (a phone digit pair is in one clinic of four), so a long query read long
 * lists from the bigram index; its trigrams are rarer by about ten times. Two-character queries
 * (田中, 眼科) still use the bigram index, which trigrams cannot answer.
 */
export const trigramSearch: Migration = {
  version: 6,
  name: 'trigram search index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE clinic_trigrams USING fts5 (
        name, kana, address, phone, fax, member,
        tokenize = 'trigram', content = '', contentless_delete = 1
      );
    `);
    const rows = db.prepare('SELECT seq, name_norm, kana_norm, address, phone_digits, fax, member_number FROM clinics').all() as {
      seq: number; name_norm: string; kana_norm: string; address: string; phone_digits: string; fax: string; member_number: string;
    }[];
    const index = db.prepare('INSERT INTO clinic_trigrams (rowid, name, kana, address, phone, fax, member) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const row of rows) {
      index.run(row.seq, row.name_norm, row.kana_norm, normalizeForSearch(row.address), row.phone_digits, normalizeForSearch(row.fax), normalizeForSearch(row.member_number));
    }
  },
};
