import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { handoversOf, importantMattersHandedOver, recordHandover } from '../../electron/core/db/repos/importantMatters.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const migration = migrations.find((m) => m.name === 'important_matters_handovers')!;

describe('migration important_matters_handovers: 重要事項説明書の交付 records', () => {
  it('gives the inquiries a file of the version before holds no handover yet, and takes new ones on them', () => {
    const file = path.join(tempDir(), 'before.sqlite3');
    fs.copyFileSync(versionBackupFile(migration.version - 1), file);
    const db = openDatabase(file);
    const inquiries = db.prepare('SELECT id, received_on FROM inquiries ORDER BY id').all() as { id: string; received_on: string }[];
    expect(inquiries.length).toBeGreaterThan(0);
    migrate(db, migrations);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare('SELECT id, received_on FROM inquiries ORDER BY id').all()).toEqual(inquiries);
    const first = inquiries[0]!;
    expect(importantMattersHandedOver(db, first.id)).toBe(false);
    recordHandover(db, { inquiryId: first.id, handedOn: first.received_on, docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'hand' }, { machineId: 'pc-1' });
    expect(handoversOf(db, first.id)).toEqual([expect.objectContaining({ docCode: 'SJ26-01234', method: 'hand' })]);
    expect(importantMattersHandedOver(db, first.id)).toBe(true);
    db.close();
  });
});
