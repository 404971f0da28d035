import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { clinicsOfVersion, versionBackupFile } from '../helpers/versionBackups.ts';
import { call, startTestHost } from '../helpers/testHost.ts';

const versions = migrations.map((m) => m.version);

describe('a backup made by every released schema version still restores', () => {
  it('there is a committed backup for every version, the newest included', () => {
    // A new migration without its backup fails here: make it with test/helpers/versionBackups.ts.
    expect(versions.filter((v) => !fs.existsSync(versionBackupFile(v)))).toEqual([]);
  });

  it.each(versions)('version %i', async (version) => {
    const t = await startTestHost();
    const staff = (await call(t, 'staff.create', { name: '窓口 花子' })).body.result;
    await call(t, 'settings.update', { receiptPrefix: 'A', currentStaffId: staff.id });
    const backupsDir = path.join(t.dataDir, 'backups');
    fs.mkdirSync(backupsDir, { recursive: true });
    // The day of the month stands for the version: two digits, as a backup's name has them.
    const fileName = `backup-202601${String(version).padStart(2, '0')}T000000Z-imported.sqlite3`;
    fs.copyFileSync(versionBackupFile(version), path.join(backupsDir, fileName));

    const answer = (await call(t, 'backups.restore', { fileName })).body;
    expect(answer).toMatchObject({ ok: true, result: { restored: { counts: { clinics: clinicsOfVersion(version).length } } } });
    const names = (await call(t, 'clinics.search', { query: '', includeArchived: true })).body.result.items.map((c: { name: string }) => c.name);
    expect(names.sort()).toEqual(clinicsOfVersion(version).sort());
    expect((await call(t, 'app.info', {})).body.result.schemaVersion).toBe(migrations.length);
    // The restored data takes new work: an inquiry numbered by this PC, and its quote.
    const clinic = (await call(t, 'clinics.create', { name: '復元後の医院', kind: 'clinic_no_beds' })).body.result;
    const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-12-03', channel: 'counter' })).body.result.inquiry;
    expect(inquiry.receiptNumber).toMatch(/^A-2026-/);
    expect((await call(t, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_no_beds', planId: 'P1' })).body.ok).toBe(true);
    // A quote saved by an old version reads back as it was shown.
    if (version >= 3) {
      const quotes = (await call(t, 'quotes.list', { inquiryId: '0190a000-0000-7000-8000-0000000000b2' })).body;
      expect(quotes).toMatchObject({ ok: true, result: { items: [{ snapshot: { planName: 'プラン1', monthlyYen: 1500 } }] } });
    }
  });
});
