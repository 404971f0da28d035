import type { Migration } from '../migrate.ts';

// Frozen copy of the 送付方法 codes this migration introduced. Never edit.
const sentByCodes = ['fax', 'post', 'hand', 'email'];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
// Every column but clinic_id: a clinic merge (and its undo) re-points an output, nothing else may change.
const fixedColumns = ['id', 'output_key', 'inquiry_id', 'documents', 'action', 'batch_size', 'staff_id', 'created_at', 'machine', 'agency_texts',
  'content_code', 'content_date', 'rate_version', 'quote_id', 'sent_by', 'fax_number', 'sha256', 'actor', 'kept_file', 'inputs'];

/**
 * The trail of every document given (issue 22 §5): an insurer's audit, or the finance bureau's
 * inspection (保険業法305条), asks what each clinic was given, in which version, how, and by whom.
 * Each output now carries the content pack's code and date and the rate table's version in force,
 * the saved quote a 試算書 came from, how it went out (FAX with the number used), a SHA-256 of the
 * PDF as made, the acting person's snapshot, the kept PDF's place or a mailing's inputs.
 *
 * Blank forms and a チラシ printed alone go out to nobody in particular and are recorded too, so
 * clinic_id becomes nullable. SQLite cannot relax NOT NULL, so the table is rebuilt by the
 * procedure of https://www.sqlite.org/lang_altertable.html#otheralter (as migration 14 did), its
 * triggers re-created word for word. UNIQUE treats NULLs as distinct, so the one-row-per-output
 * rule becomes an expression index on coalesce(clinic_id, ''): saving one blank form twice is
 * still one record.
 *
 * Rows are insert-only: a correction is a new row. Triggers refuse an UPDATE of anything but
 * clinic_id and a DELETE except while 完全削除 runs (audit_erasing.erasing, migration 16) or while remote
 * changes are applied (sync_state.applying: a purge made on another machine, or taking the hub's
 * records). Frozen: the SQL is written out as it shipped.
 */
export const documentTrail: Migration = {
  version: 18,
  name: 'document trail',
  rebuildsTables: true,
  up(db) {
    if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error('migration document trail rebuilds document_outputs: run it with foreign keys off');
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'document_outputs' ORDER BY name").pluck().all() as string[];
    db.exec(`
      CREATE TABLE document_outputs_rebuilt (
        id           TEXT PRIMARY KEY NOT NULL,
        output_key   TEXT NOT NULL,
        clinic_id    TEXT REFERENCES clinics (id),
        inquiry_id   TEXT REFERENCES inquiries (id),
        documents    TEXT NOT NULL CHECK (json_valid(documents)),
        action       TEXT NOT NULL CHECK (action IN ('saved', 'printed')),
        batch_size   INTEGER NOT NULL CHECK (batch_size > 0),
        staff_id     TEXT REFERENCES staff (id),
        created_at   TEXT NOT NULL,
        machine      TEXT NOT NULL,
        agency_texts TEXT CHECK (agency_texts IS NULL OR json_valid(agency_texts)),
        content_code TEXT,
        content_date TEXT,
        rate_version TEXT,
        quote_id     TEXT REFERENCES inquiry_quotes (id),
        sent_by      TEXT CHECK (sent_by IS NULL OR sent_by IN (${list(sentByCodes)})),
        fax_number   TEXT CHECK (fax_number IS NULL OR length(fax_number) <= 40),
        sha256       TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
        actor        TEXT CHECK (actor IS NULL OR json_valid(actor)),
        kept_file    TEXT CHECK (kept_file IS NULL OR (kept_file GLOB '[0-9][0-9][0-9][0-9]/*.pdf' AND kept_file NOT GLOB '*[^A-Za-z0-9_./-]*' AND instr(kept_file, '..') = 0)),
        inputs       TEXT CHECK (inputs IS NULL OR json_valid(inputs))
      );

      INSERT INTO document_outputs_rebuilt (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts)
      SELECT id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts FROM document_outputs;

      DROP TABLE document_outputs;
      ALTER TABLE document_outputs_rebuilt RENAME TO document_outputs;

      CREATE UNIQUE INDEX document_outputs_once ON document_outputs (output_key, coalesce(clinic_id, ''), action);
      CREATE INDEX document_outputs_clinic ON document_outputs (clinic_id, created_at);
      CREATE INDEX document_outputs_inquiry ON document_outputs (inquiry_id, created_at);
      CREATE INDEX document_outputs_quote ON document_outputs (quote_id) WHERE quote_id IS NOT NULL;

      CREATE TRIGGER document_outputs_insert_only BEFORE UPDATE ON document_outputs
        WHEN ${fixedColumns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
      BEGIN
        SELECT RAISE(ABORT, 'document_outputs is insert-only: a correction is a new row');
      END;
      CREATE TRIGGER document_outputs_kept BEFORE DELETE ON document_outputs
        WHEN (SELECT erasing FROM audit_erasing WHERE id = 1) = 0 AND (SELECT applying FROM sync_state WHERE id = 1) = 0
      BEGIN
        SELECT RAISE(ABORT, 'document_outputs rows are kept: only 完全削除 removes them');
      END;
    `);
    for (const sql of triggers) db.exec(sql);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration document trail: ${broken.length} rows point at a row that is not there`);
  },
};
