import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { readSchema } from '../../electron/core/backup/schemaAtVersion.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { readRetentionSetting, updateRetentionYears } from '../../electron/core/db/repos/agencySettings.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { createInquiry, getInquiry, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { readOutbox } from '../../electron/core/sync/outbox.ts';
import { isOutboxTriggerOfSchema, matchOutboxTriggersToSharing, outboxTriggersAre, outboxTriggersOfSchema } from '../../electron/core/sync/outboxTriggers.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { inquiryInputSchema } from '../../shared/domain/inquiry.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { versionBackupFile } from '../helpers/versionBackups.ts';

const migration = migrations.find((m) => m.name === 'insurer consent')!;

/** A copy of the fixture of the version just before this migration (a machine that shares). */
function openPrevious(): Db {
  const file = path.join(tempDir(), 'previous.sqlite3');
  fs.copyFileSync(versionBackupFile(migration.version - 1), file);
  return openDatabase(file);
}

describe('migration insurer consent', () => {
  it('gives every inquiry 未確認 without counting it as an edit, and starts the retention period at its default', () => {
    const db = openPrevious();
    const before = db.prepare('SELECT id, revision, updated_at FROM inquiries ORDER BY seq').all();
    expect(before.length).toBeGreaterThan(0);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, revision, updated_at FROM inquiries ORDER BY seq').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT insurer_consent FROM inquiries').pluck().all()).toEqual(['unknown']);
    expect(readRetentionSetting(db)).toEqual({ years: 5, updatedAt: null });
    db.close();
  });

  it('a machine that shares queues a consent change and a retention change for the other machines', () => {
    const db = openPrevious();
    const version = migrations.find((m) => m.name === 'insurer consent')!.version;
    // The migration itself makes the triggers of its version (a restore checks a migrated copy before opening it)…
    migrate(db, migrations.slice(0, version));
    const outbox = readSchema(db).filter((o) => o.type === 'trigger' && o.name.startsWith('sync_outbox_'));
    expect(outbox.map((o) => o.name).sort()).toEqual([...outboxTriggersOfSchema(version).keys()].sort());
    expect(outbox.filter((o) => !isOutboxTriggerOfSchema(o, version)).map((o) => o.name)).toEqual([]);
    // …and up to today, opened as the app opens it, the edits are queued.
    migrate(db, migrations);
    matchOutboxTriggersToSharing(db);
    expect(outboxTriggersAre(db, true)).toBe(true);
    const id = db.prepare('SELECT id FROM inquiries ORDER BY seq LIMIT 1').pluck().get() as string;
    const inquiry = getInquiry(db, id)!;
    const { receivedOn, channel, content, nextActionOn, staffId } = inquiry;
    updateInquiry(db, id, { receivedOn, channel, content, nextActionOn, staffId, insurerConsent: 'yes' }, { machineId: 'pc' }, inquiry.revision);
    updateRetentionYears(db, 7, { machineId: 'pc' });
    const queued = readOutbox(db, 100);
    expect(queued.find((e) => e.docId === `inquiries:${id}`)?.fields).toMatchObject({ insurer_consent: 'yes' });
    expect(queued.find((e) => e.docId === 'agency_settings:retention_years')?.fields).toMatchObject({ value: '7' });
    db.close();
  });
});

describe('insurer consent on an inquiry', () => {
  it('is saved as chosen, kept by an edit that does not mention it, and refused when it is not one of the three', () => {
    const db = openDatabase(path.join(tempDir(), 'live.sqlite3'));
    migrate(db, migrations);
    const clinic = createClinic(db, clinicInputSchema.parse({ name: '霧島眼科' }), { machineId: 'pc' });
    const input = inquiryInputSchema.parse({ clinicId: clinic.id, receivedOn: '2026-12-04', channel: 'phone', insurerConsent: 'no' });
    const { clinicId, ...fields } = input;
    const created = createInquiry(db, clinicId, fields, { machineId: 'pc' });
    expect(created.insurerConsent).toBe('no');
    const edited = updateInquiry(db, created.id, { ...fields, content: '資料送付', insurerConsent: undefined }, { machineId: 'pc' }, created.revision);
    expect(edited).toMatchObject({ content: '資料送付', insurerConsent: 'no' });
    expect(updateInquiry(db, created.id, { ...fields, insurerConsent: 'yes' }, { machineId: 'pc' }, edited.revision).insurerConsent).toBe('yes');

    const refused = inquiryInputSchema.safeParse({ clinicId: clinic.id, receivedOn: '2026-12-04', channel: 'phone', insurerConsent: 'maybe' });
    expect(refused.error?.issues[0]?.message).toBe('同意の有無は「同意あり」「同意なし」「未確認」から選んでください');
    expect(() => db.prepare("UPDATE inquiries SET insurer_consent = 'maybe' WHERE id = ?").run(created.id)).toThrow(/CHECK/);
    expect(getInquiry(db, created.id)?.insurerConsent).toBe('yes');
    db.close();
  });
});
