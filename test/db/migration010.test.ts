import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { readAgencyTexts, updateAgencyText } from '../../electron/core/db/repos/agencyTexts.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

describe('migration 10: agency texts', () => {
  it("keeps a version 9 file's outputs, starts every agency text at its initial wording, and then keeps each saved version", () => {
    const file = path.join(tempDir(), 'v9.sqlite3');
    fs.copyFileSync(versionBackupFile(9), file);
    const db = openDatabase(file);
    // Read as version 10 had them (today's repo reads columns a later migration added).
    const outputs = () => db.prepare('SELECT id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine FROM document_outputs ORDER BY id').all();
    const outputsBefore = outputs();
    expect(outputsBefore.length).toBeGreaterThan(0);
    migrate(db, migrations.slice(0, 10));
    expect(schemaVersion(db)).toBe(10);
    expect(outputs()).toEqual(outputsBefore);
    expect(db.prepare('SELECT agency_texts FROM document_outputs').pluck().all()).toEqual([null]);
    const texts = readAgencyTexts(db);
    expect(texts.solicitationCapacity).toMatchObject({ value: null, version: 0 });
    expect(texts.coverSheetNotice.value).toContain('受信に不備がございましたら');

    updateAgencyText(db, { key: 'coverSheetNotice', value: '※ 届かない場合はお電話ください。', expectedVersion: 0 }, { machineId: 'm' });
    updateAgencyText(db, { key: 'coverSheetNotice', value: '※ 届かない場合は099-254-8126へ。', expectedVersion: 1 }, { machineId: 'm' });
    expect(readAgencyTexts(db).coverSheetNotice).toMatchObject({ value: '※ 届かない場合は099-254-8126へ。', version: 2 });
    expect(db.prepare("SELECT value FROM agency_text_versions WHERE key = 'coverSheetNotice' ORDER BY version").pluck().all()).toEqual([
      '※ 届かない場合はお電話ください。',
      '※ 届かない場合は099-254-8126へ。',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
