import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { documentOutputHistory } from '../../electron/core/db/repos/documentOutputs.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('the document trail and rows from a newer app on the same hub', () => {
  it('shows what it knows of a row naming a kind added later, and leaves out a row naming only such kinds', () => {
    const db = openDatabase(path.join(tempDir(), 'newer-kinds.sqlite3'));
    migrate(db, migrations);
    db.exec(`
      INSERT INTO clinics (id, name, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
        VALUES ('c1', '霧島中央クリニック', 'clinic_no_beds', '霧島中央クリニック', '', 't', 't', 'pc');
      INSERT INTO document_outputs (id, output_key, clinic_id, documents, action, batch_size, created_at, machine) VALUES
        ('d1', 'k1', 'c1', '["inquiryFaxSheet"]', 'printed', 1, '2026-12-01T01:00:00.000Z', 'pc'),
        ('d2', 'k2', 'c1', '["flyer","someLaterKind"]', 'printed', 1, '2026-12-02T01:00:00.000Z', 'laptop'),
        ('d3', 'k3', 'c1', '["someLaterKind"]', 'printed', 1, '2026-12-03T01:00:00.000Z', 'laptop');
    `);
    const history = documentOutputHistory(db, { clinicId: 'c1' });
    expect(history.map((output) => [output.id, output.documents])).toEqual([
      ['d2', ['flyer']],
      ['d1', ['inquiryFaxSheet']],
    ]);
  });
});
