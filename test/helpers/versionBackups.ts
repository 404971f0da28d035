import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { applyMigration } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { outboxTriggersLeftSchemaAt, outboxTriggersOfSchema } from '../../electron/core/sync/outboxTriggers.ts';

/**
 * One small backup as each released schema version wrote it: the frozen migrations up to that
 * version, then a few rows of every table that version had (written as that release's code
 * wrote them, valid for the checks a restore makes). The files
 * test/fixtures/backup-of-schema-v*.sqlite3 are committed and never regenerated for an old
 * version: they stand for backups staff already have. When a migration is added, make the new version's file only:
 *
 *   npx node test/helpers/versionBackups.ts 9
 */
export const versionBackupsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const versionBackupFile = (version: number) => path.join(versionBackupsDir, `backup-of-schema-v${version}.sqlite3`);

/** Rows first written at each version; a file of version v holds those of 1..v. */
const rowsOfVersion: Record<number, string> = {
  1: `INSERT INTO clinics (id, name, name_kana, kind, phone, name_norm, kana_norm, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-000000000001', '版1の眼科', 'ハン1ノガンカ', 'clinic_no_beds', '099-000-0001', '版1の眼科', 'はん1のがんか', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'old-pc');`,
  2: `INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES ('0190a000-0000-7000-8000-0000000000a2', '版2の担当', 1, '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'old-pc');
      INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-000000000002', '版2の内科', '', 'clinic_with_beds', '版2の内科', '', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'old-pc');
      INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, staff_id, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-0000000000b2', 'Z-2026-0001', '0190a000-0000-7000-8000-000000000002', '2026-02-02', 'phone', 'new', '0190a000-0000-7000-8000-0000000000a2', '2026-02-02T00:00:00.000Z', '2026-02-02T00:00:00.000Z', 'old-pc');
      INSERT INTO receipt_sequences (prefix, year, last) VALUES ('Z', 2026, 1);
      UPDATE app_meta SET value = 'Z' WHERE key = 'receipt_prefix';
      INSERT INTO app_meta (key, value) VALUES ('current_staff_id', '0190a000-0000-7000-8000-0000000000a2');`,
  3: `INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, staff_id, created_at, machine)
      VALUES ('0190a000-0000-7000-8000-0000000000e3', '0190a000-0000-7000-8000-0000000000b2',
        '{"kind":"figure","clinicKind":"clinic_with_beds","planId":"P1","planName":"プラン1","monthlyYen":1500,"annualYen":18000,"conditions":[],"tableVersion":"2026-03","sample":true}',
        NULL, '2026-03-01T00:00:00.000Z', 'old-pc');`,
  4: `INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, reverted_at, machine)
      VALUES ('0190a000-0000-7000-8000-0000000000c4', 'rates', '2026年度', '20260401T000000000Z-0000c4c4-rates.json', NULL, '2026-04-01T00:00:00.000Z', NULL, 'old-pc');`,
  5: `INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine)
      VALUES ('0190a000-0000-7000-8000-0000000000d5', 'flyer-2026-05', '0190a000-0000-7000-8000-000000000001', NULL, '["flyer"]', 'saved', 1, NULL, '2026-05-01T00:00:00.000Z', 'old-pc');`,
  6: `INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-000000000006', '版6の歯科', '', 'clinic_no_beds', '版6の歯科', '', '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 'old-pc');`,
  7: `INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by, revision)
      VALUES ('0190a000-0000-7000-8000-000000000007', '版7の病院', '', 'hospital', '版7の病院', '', '2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 'old-pc', 3);`,
  8: `INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, reverted_at, machine, source_document, source_date)
      VALUES ('0190a000-0000-7000-8000-0000000000c8', 'rates', '2026年度 正式', '20260801T000000000Z-0000c8c8-rates.json', '0190a000-0000-7000-8000-0000000000a2', '2026-08-01T00:00:00.000Z', NULL, 'old-pc', '医サ第26-118号', '2026-07-28');`,
  9: `INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-000000000009', '版9の未確認医院', '', 'unconfirmed', '版9の未確認医院', '', '2026-09-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z', 'old-pc');`,
  10: `INSERT INTO agency_text_versions (key, version, value, staff_id, created_at, machine)
      VALUES ('formNumber', 1, '版10-FAX-01', '0190a000-0000-7000-8000-0000000000a2', '2026-10-01T00:00:00.000Z', 'old-pc');
      INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts)
      VALUES ('0190a000-0000-7000-8000-0000000000da', 'fax-2026-10', '0190a000-0000-7000-8000-000000000009', NULL, '["inquiryFaxSheet"]', 'printed', 1, NULL, '2026-10-01T00:00:00.000Z', 'old-pc', '{"formNumber":1}');`,
  11: `UPDATE sync_state SET sharing = 1, write_counter = 4, checkpoint = '17-g1AAAA' WHERE id = 1;
      INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-000000000011', '版11の共有医院', '', 'clinic_no_beds', '版11の共有医院', '', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'old-pc');
      INSERT INTO sync_pending (doc_id, doc, reason, since)
      VALUES ('inquiries:0190a000-0000-7000-8000-0000000000b11', '{"_id":"inquiries:0190a000-0000-7000-8000-0000000000b11","table":"inquiries","schema":11,"fields":{},"stamps":{},"seen":{}}', 'parent', '2026-11-01T00:00:00.000Z');
      INSERT INTO sync_notices (id, record_doc_id, field, kept, replaced, resolved_at)
      VALUES ('${'a'.repeat(64)}', 'clinics:0190a000-0000-7000-8000-000000000001', 'phone',
        '{"value":"099-000-1111","stamp":{"t":"2026-11-02T00:00:00.000Z","m":"old-pc","c":3},"staffId":null}',
        '{"value":"099-000-2222","stamp":{"t":"2026-11-01T23:59:00.000Z","m":"laptop","c":7},"staffId":null}', NULL);`,
  13: `INSERT INTO clinics (id, name, name_kana, kind, name_norm, kana_norm, created_at, updated_at, updated_by, archived_at, merged_into)
      VALUES ('0190a000-0000-7000-8000-000000000013', '版13の重複眼科', '', 'clinic_no_beds', '版13の重複眼科', '', '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z', 'old-pc', '2026-12-02T00:00:00.000Z', '0190a000-0000-7000-8000-000000000001');
      INSERT INTO clinic_merges (id, kept_id, merged_id, chosen, kept_before, merged_before, moved, kept_updated_at, staff_id, created_at, updated_at, machine, undone_at)
      VALUES ('0190a000-0000-7000-8000-0000000000f13', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000013',
        '{"choices":{},"fields":{"name":"版1の眼科","nameKana":"ハン1ノガンカ","kind":"clinic_no_beds","bedCount":null,"postalCode":"","address":"","phone":"099-000-0001","fax":"","contactPerson":"","memberNumber":"","memo":""}}',
        '{"name":"版1の眼科","nameKana":"ハン1ノガンカ","kind":"clinic_no_beds","bedCount":null,"postalCode":"","address":"","phone":"099-000-0001","fax":"","contactPerson":"","memberNumber":"","memo":""}',
        '{"memberNumber":"","archivedAt":null}', '{"inquiries":[],"documentOutputs":[]}', '2026-12-02T00:00:00.000Z',
        '0190a000-0000-7000-8000-0000000000a2', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z', 'old-pc', NULL);`,
  // Another machine's inquiry that came through the hub with the 受付番号 this one issued first (both numbered Z-2026-0001 before sharing).
  14: `INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, status, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-0000000000b14', 'Z-2026-0001', '0190a000-0000-7000-8000-000000000006', '2026-02-03', 'fax', 'new', '2026-02-03T00:00:00.000Z', '2026-12-03T00:00:00.000Z', 'laptop');
      INSERT INTO inquiry_status_history (id, inquiry_id, from_status, to_status, reason, staff_id, changed_at, machine)
      VALUES ('0190a000-0000-7000-8000-0000000000e14', '0190a000-0000-7000-8000-0000000000b14', NULL, 'new', '', NULL, '2026-02-03T00:00:00.000Z', 'laptop');`,
  // 市町村 as the app of schema 15 derives it when a clinic is written (湧水町 from the postal code).
  15: `INSERT INTO clinics (id, name, name_kana, kind, postal_code, address, name_norm, kana_norm, municipality, created_at, updated_at, updated_by)
      VALUES ('0190a000-0000-7000-8000-000000000015', '版15の湧水医院', '', 'clinic_no_beds', '899-6201', '鹿児島県姶良郡湧水町栗野1', '版15の湧水医院', '', '湧水町', '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'old-pc');`,
  // 重要事項説明書 handed over, and a handover recorded by mistake withdrawn with its reason.
  16: `INSERT INTO important_matters_handovers (id, inquiry_id, handed_on, doc_code, doc_date, method, actor, created_at, machine)
      VALUES ('0190a000-0000-7000-8000-0000000000d1', '0190a000-0000-7000-8000-0000000000b2', '2026-02-03', 'SJ26-01234', '2026-01-15', 'hand', '{"staffId":"0190a000-0000-7000-8000-0000000000a2","name":"版2の担当","solicitorId":null,"notifiedOn":null,"qualification":null,"qualificationExpiresOn":null}', '2026-02-03T00:00:00.000Z', 'old-pc');
      INSERT INTO important_matters_handovers (id, inquiry_id, withdraws, reason, actor, created_at, machine)
      VALUES ('0190a000-0000-7000-8000-0000000000d2', '0190a000-0000-7000-8000-0000000000b2', '0190a000-0000-7000-8000-0000000000d1', '版16で取り消し', NULL, '2026-02-04T00:00:00.000Z', 'old-pc');`,
  // 当初意向 and 最終意向 with a changed answer and its explanation.
  17: `INSERT INTO inquiry_intents (id, inquiry_id, stage, questions, answers, differs_explanation, confirmed_on, actor, created_at, machine) VALUES
      ('0190a000-0000-7000-8000-000000000161', '0190a000-0000-7000-8000-0000000000b2', 'initial', '{"source":"agency","version":0,"questions":["補償を希望される内容","ご予算"]}', '["版17の当初意向","月1万円"]', '', NULL, '{"staffId":"0190a000-0000-7000-8000-0000000000a2","name":"版2の担当","solicitorId":null,"notifiedOn":null,"qualification":null,"qualificationExpiresOn":null}', '2027-02-01T00:00:00.000Z', 'old-pc'),
      ('0190a000-0000-7000-8000-000000000162', '0190a000-0000-7000-8000-0000000000b2', 'final', '{"source":"agency","version":0,"questions":["補償を希望される内容","ご予算"]}', '["版17の当初意向","月2万円"]', '版17でご予算を見直し', '2027-02-02', NULL, '2027-02-02T00:00:00.000Z', 'old-pc');`,
  // The trail: a 試算書 sent by FAX and kept, and a blank FAX form handed out with no clinic.
  18: `INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine, agency_texts,
        content_code, content_date, rate_version, quote_id, sent_by, fax_number, sha256, actor, kept_file, inputs) VALUES
      ('0190a000-0000-7000-8000-0000000000f6', 'quote-2026-12', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000b2', '["quoteSheet"]', 'printed', 1,
        '0190a000-0000-7000-8000-0000000000a2', '2026-12-01T00:00:00.000Z', 'old-pc', NULL, 'SJ24-13707', '2025-01-16', '2026-03', '0190a000-0000-7000-8000-0000000000e3',
        'fax', '099-000-0002', '${'a'.repeat(64)}', '{"staffId":"0190a000-0000-7000-8000-0000000000a2","name":"版2の担当","solicitorId":null,"notifiedOn":null,"qualification":null,"qualificationExpiresOn":null}',
        '2026/ABCDEFGHijkl0001.pdf', NULL),
      ('0190a000-0000-7000-8000-0000000000f7', 'blank-2026-12', NULL, NULL, '["inquiryFaxSheet"]', 'saved', 1, NULL, '2026-12-01T00:00:00.000Z', 'old-pc', NULL,
        'SJ24-13707', '2025-01-16', '2026-03', NULL, 'hand', NULL, '${'b'.repeat(64)}', NULL, NULL,
        '{"request":{},"title":"FAX問い合わせ票","createdAt":"2026-12-01T00:00:00.000Z","insurerFlyer":false,"position":0,"target":{}}');`,
  // 同意なし on an inquiry, and the agency's 保存期間 set to 7 years (shared).
  19: `UPDATE inquiries SET insurer_consent = 'no' WHERE id = '0190a000-0000-7000-8000-0000000000b2';
      INSERT INTO agency_settings (id, value, updated_at, updated_by, updated_by_staff) VALUES ('retention_years', '7', '2027-02-01T00:00:00.000Z', 'old-pc', NULL);`,
  // A solicitor's registration, and a 状況 change that names who acted as they were then.
  20: `UPDATE staff SET solicitor_id = 'A1234567', notified_on = '2024-04-01', qualification = '損害保険募集人一般試験（基礎単位・損保商品単位）', qualification_expires_on = '2029-03-31' WHERE id = '0190a000-0000-7000-8000-0000000000a2';
      INSERT INTO inquiry_status_history (id, inquiry_id, from_status, to_status, reason, staff_id, changed_at, machine, actor)
      VALUES ('0190a000-0000-7000-8000-0000000001a6', '0190a000-0000-7000-8000-0000000000b2', 'new', 'materials_sent', '', '0190a000-0000-7000-8000-0000000000a2', '2026-12-04T00:00:00.000Z', 'old-pc',
        '{"staffId":"0190a000-0000-7000-8000-0000000000a2","name":"版2の担当","solicitorId":"A1234567","notifiedOn":"2024-04-01","qualification":"損害保険募集人一般試験（基礎単位・損保商品単位）","qualificationExpiresOn":"2029-03-31"}');`,
  // The 病院's 告知書 requested (a checklist step ticked by hand) …
  21: `INSERT INTO inquiry_step_marks (id, inquiry_id, step, done_on, actor, created_at, machine)
      VALUES ('0190a000-0000-7000-8000-000000000211', '0190a000-0000-7000-8000-0000000000b14', 'noticeFormRequested', '2027-03-01', NULL, '2027-03-01T00:00:00.000Z', 'old-pc');`,
  // … and a follow-up call logged apart from the 内容.
  22: `INSERT INTO inquiry_follow_ups (id, inquiry_id, done_on, how, note, actor, created_at, machine)
      VALUES ('0190a000-0000-7000-8000-000000000221', '0190a000-0000-7000-8000-0000000000b2', '2027-03-02', 'phone', '版22の対応記録', NULL, '2027-03-02T00:00:00.000Z', 'old-pc');`,
  // A clinic that asked for no mailings, with its reason.
  23: `UPDATE clinics SET no_mailing = 1, no_mailing_reason = '版23：郵送物は不要とのこと' WHERE id = '0190a000-0000-7000-8000-000000000001';`,
};

/** The clinics a file of `version` holds, by name: what restoring it must bring back. */
export function clinicsOfVersion(version: number): string[] {
  const names: [number, string][] = [[1, '版1の眼科'], [2, '版2の内科'], [6, '版6の歯科'], [7, '版7の病院'], [9, '版9の未確認医院'], [11, '版11の共有医院'], [13, '版13の重複眼科'], [15, '版15の湧水医院']];
  return names.filter(([v]) => v <= version).map(([, name]) => name);
}

export function writeVersionBackup(file: string, version: number): void {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  try {
    for (const migration of migrations.slice(0, version)) applyMigration(db, migration);
    for (let v = 1; v <= version; v++) if (rowsOfVersion[v]) db.exec(rowsOfVersion[v]!);
    // The file of version 11 shares: from 12 on, the app adds the outbox triggers of a sharing
    // machine itself, those of that version's shared columns (migrations may have made some already).
    if (version >= outboxTriggersLeftSchemaAt) {
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_outbox\\_%' ESCAPE '\\'").all() as { name: string }[]) {
        db.exec(`DROP TRIGGER "${name}"`);
      }
      for (const sql of outboxTriggersOfSchema(version).values()) db.exec(sql);
    }
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const versions = process.argv.slice(2).map(Number);
  fs.mkdirSync(versionBackupsDir, { recursive: true });
  for (const version of versions) writeVersionBackup(versionBackupFile(version), version);
}
