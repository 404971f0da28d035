import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/openTestCore.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';

/** The live database as bytes on disk (main file and WAL): a refused restore must not change one. */
function liveBytes(t: TestHost): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const file = t.core.dbPath + suffix;
    hash.update(suffix);
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** A host with one clinic, one inquiry with a saved quote, and a real backup of that data. */
async function hostWithBackup() {
  const t = await startTestHost();
  const clinic = (await call(t, 'clinics.create', { name: '霧島眼科', kind: 'clinic_no_beds', fax: '0995-12-3457' })).body.result;
  const inquiry = (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'fax' })).body.result.inquiry;
  expect((await call(t, 'quotes.save', { inquiryId: inquiry.id, clinicKind: 'clinic_no_beds', planId: 'P1' })).body.ok).toBe(true);
  const backup = (await call(t, 'backups.create', {})).body.result;
  return { t, backupFile: path.join(t.dataDir, 'backups', backup.fileName) };
}

/** A copy of a real backup changed by `craft`, placed in the folder as if it had arrived there. */
function craftedBackup(backupFile: string, craft: (db: Database.Database) => void): string {
  const fileName = 'backup-20261130T080000Z-imported.sqlite3';
  const target = path.join(path.dirname(backupFile), fileName);
  fs.copyFileSync(backupFile, target);
  const db = new Database(target);
  try {
    craft(db);
  } finally {
    db.close();
  }
  return fileName;
}

const crafted: { what: string; craft: (db: Database.Database) => void; reason: RegExp }[] = [
  {
    what: 'an extra trigger that rewrites the FAX number of every new clinic',
    craft: (db) => db.exec("CREATE TRIGGER fax_rewrite AFTER INSERT ON clinics BEGIN UPDATE clinics SET fax = '03-0000-0000' WHERE seq = new.seq; END;"),
    reason: /このアプリが作らないトリガー（自動で動く処理）「fax_rewrite」が含まれています。/,
  },
  {
    what: 'an outbox trigger of the right name whose body was changed',
    craft: (db) => db.exec("CREATE TRIGGER sync_outbox_clinics_insert AFTER INSERT ON clinics BEGIN UPDATE clinics SET fax = '03-0000-0000' WHERE seq = new.seq; END;"),
    reason: /このアプリが作らないトリガー（自動で動く処理）「sync_outbox_clinics_insert」が含まれています。/,
  },
  {
    what: 'a user_version that does not match its schema',
    craft: (db) => db.pragma('user_version = 5'),
    // The file is the current version's, whatever number that is when this test runs.
    reason: new RegExp(`版5と記録されていますが、中身は版${migrations.length}のものです。`),
  },
  {
    what: 'a missing table',
    craft: (db) => db.exec('DROP TABLE document_outputs'),
    reason: /あるはずの(表|索引)「document_outputs.*」がありません。/,
  },
  {
    what: 'a saved quote whose snapshot the app cannot read',
    craft: (db) => db.exec(`UPDATE inquiry_quotes SET snapshot = json_set(snapshot, '$.monthlyYen', 'NaN')`),
    reason: /保存した試算に、このアプリが書かない内容があります。/,
  },
  {
    what: 'a content change whose file name is a path',
    craft: (db) => db.exec("INSERT INTO content_changes (id, kind, label, file_name, installed_at, machine) VALUES ('x', 'pack', '細工', '../cyber-counter.sqlite3', 't', 'm')"),
    reason: /内容の更新履歴に、このアプリが書かない内容があります。/,
  },
  {
    what: 'an official table confirmed against a document dated 9999-99-99',
    craft: (db) => db.exec("INSERT INTO content_changes (id, kind, label, file_name, installed_at, machine, source_document, source_date) VALUES ('x', 'rates', '2026年度', '20260801T000000000Z-0000c8c8-rates.json', '2026-08-01T00:00:00.000Z', 'm', '医サ第26-118号', '9999-99-99')"),
    reason: /内容の更新履歴に、このアプリが書かない内容があります。/,
  },
  {
    what: 'a receipt prefix the settings would never save',
    craft: (db) => db.exec("UPDATE app_meta SET value = '../x' WHERE key = 'receipt_prefix'"),
    reason: /設定「受付番号の記号」に、このアプリが書かない内容があります。/,
  },
  {
    what: 'an inquiry of a clinic that is not there',
    craft: (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec("UPDATE inquiries SET clinic_id = 'no-such-clinic'");
    },
    reason: /参照先のない記録があります（問い合わせ）。/,
  },
];

describe('a crafted backup is refused whole, and changes nothing', () => {
  it.each(crafted)('$what', async ({ craft, reason }) => {
    const { t, backupFile } = await hostWithBackup();
    const fileName = craftedBackup(backupFile, craft);
    const listedBefore = (await call(t, 'backups.list', {})).body.result.items.map((b: { fileName: string }) => b.fileName);
    const before = liveBytes(t);

    const answer = (await call(t, 'backups.restore', { fileName })).body;
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringMatching(reason) } });
    // The message says truthfully that nothing happened, and nothing did.
    expect(answer.error.message).toMatch(/復元は行っていません。現在のデータはそのままです。$/);
    expect(liveBytes(t)).toBe(before);
    expect((await call(t, 'backups.list', {})).body.result.items.map((b: { fileName: string }) => b.fileName)).toEqual(listedBefore);
    expect(fs.readdirSync(path.join(t.dataDir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);

    // The app keeps working: a new clinic keeps the FAX number it was given, quotes still read.
    const next = (await call(t, 'clinics.create', { name: '指宿内科', fax: '0993-22-2112' })).body.result;
    expect((await call(t, 'clinics.get', { id: next.id })).body.result.fax).toBe('0993-22-2112');
    // And it starts again on the same folder.
    await t.core.close();
    const reopened = await openTestCore(t.dataDir);
    const found = (await reopened.dispatch('clinics.search', { query: '', includeArchived: true })) as { ok: true; result: { total: number } };
    expect(found.result.total).toBe(2);
  });

  it('brought back from a USB stick, it is refused and not listed', async () => {
    const { t, backupFile } = await hostWithBackup();
    const fileName = craftedBackup(backupFile, crafted[0]!.craft);
    const bytes = fs.readFileSync(path.join(t.dataDir, 'backups', fileName));
    fs.rmSync(path.join(t.dataDir, 'backups', fileName));
    const listed = (await call(t, 'backups.list', {})).body.result.items.length;
    const fileId = await uploadFile(t, 'usb.sqlite3', bytes, 'backupFile');
    const answer = (await call(t, 'backups.addFromFile', { fileId })).body;
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringMatching(/「fax_rewrite」が含まれています。一覧には追加していません。$/) } });
    expect((await call(t, 'backups.list', {})).body.result.items).toHaveLength(listed);
  });

  it('a backup exactly as the app wrote it still restores', async () => {
    const { t, backupFile } = await hostWithBackup();
    await call(t, 'clinics.create', { name: '指宿内科' });
    const answer = (await call(t, 'backups.restore', { fileName: path.basename(backupFile) })).body;
    expect(answer.ok).toBe(true);
    const names = (await call(t, 'clinics.search', { query: '', includeArchived: true })).body.result.items.map((c: { name: string }) => c.name);
    expect(names).toEqual(['霧島眼科']);
  });
});
