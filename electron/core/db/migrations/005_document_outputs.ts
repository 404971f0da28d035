import type { Migration } from '../migrate.ts';

/**
 * Documents that left the counter: one row per clinic per saved or printed PDF, so staff can see
 * that 資料送付 happened. `output_key` names the PDF, so saving the same file twice counts once.
 */
export const documentOutputs: Migration = {
  version: 5,
  name: 'document outputs',
  up(db) {
    db.exec(`
      CREATE TABLE document_outputs (
        id          TEXT PRIMARY KEY NOT NULL,
        output_key  TEXT NOT NULL,
        clinic_id   TEXT NOT NULL REFERENCES clinics (id),
        inquiry_id  TEXT REFERENCES inquiries (id),
        documents   TEXT NOT NULL CHECK (json_valid(documents)),
        action      TEXT NOT NULL CHECK (action IN ('saved', 'printed')),
        batch_size  INTEGER NOT NULL CHECK (batch_size > 0),
        staff_id    TEXT REFERENCES staff (id),
        created_at  TEXT NOT NULL,
        machine     TEXT NOT NULL,
        UNIQUE (output_key, clinic_id, action)
      );
      CREATE INDEX document_outputs_clinic ON document_outputs (clinic_id, created_at);
      CREATE INDEX document_outputs_inquiry ON document_outputs (inquiry_id, created_at);
    `);
  },
};
