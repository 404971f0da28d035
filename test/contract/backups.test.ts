import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, startTestHost, type TestHost, uploadFile, downloadFile } from '../helpers/testHost.ts';

const names = async (t: TestHost) => ((await call(t, 'clinics.search', { query: '', includeArchived: true })).body.result.items as { name: string }[]).map((c) => c.name).sort();

describe('backups: restore', () => {
  it('brings back the data of the chosen backup, after backing up what was there', async () => {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '霧島眼科' });
    const backup = (await call(t, 'backups.create', {})).body.result;
    const later = (await call(t, 'clinics.create', { name: '指宿内科' })).body.result;
    await call(t, 'clinics.update', { id: later.id, clinic: { name: '指宿内科医院' }, expectedRevision: later.revision });
    expect(await names(t)).toEqual(['指宿内科医院', '霧島眼科']);

    const result = (await call(t, 'backups.restore', { fileName: backup.fileName })).body.result;
    expect(await names(t)).toEqual(['霧島眼科']);
    expect((await call(t, 'clinics.search', { query: '指宿' })).body.result.total).toBe(0);
    // Nothing is lost by restoring: the data as it was just before is a backup of its own.
    expect(result.safetyBackup).toMatchObject({ reason: 'before-restore', counts: { clinics: 2, inquiries: 0 } });
    const again = (await call(t, 'backups.restore', { fileName: result.safetyBackup.fileName })).body.result;
    expect(again.restored.fileName).toBe(result.safetyBackup.fileName);
    expect(await names(t)).toEqual(['指宿内科医院', '霧島眼科']);
    // The restored database keeps working: new records and searches as before.
    await call(t, 'clinics.create', { name: '鹿屋クリニック' });
    expect((await call(t, 'clinics.search', { query: 'かのや' })).body.result.total + (await call(t, 'clinics.search', { query: '鹿屋' })).body.result.total).toBeGreaterThan(0);
  });

  it('refuses a name that is not a backup in the folder', async () => {
    const t = await startTestHost();
    expect((await call(t, 'backups.restore', { fileName: '../cyber-counter.sqlite3' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call(t, 'backups.restore', { fileName: 'backup-20260101T000000Z-manual.sqlite3' })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('backups: a copy carried away and brought back', () => {
  it('is encrypted with the password, refused with a wrong one, and restores with the right one', async () => {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '霧島眼科', phone: '0995-12-3456' });
    const backup = (await call(t, 'backups.create', {})).body.result;
    const exported = (await call(t, 'backups.export', { fileName: backup.fileName, password: '桜島の噴火は2026年' })).body.result;
    const bytes = await downloadFile(t, exported.fileId);
    // Neither the SQLite header nor any clinic's data is readable in the file.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('霧島眼科'))).toBe(false);
    expect(bytes.includes(Buffer.from('0995-12-3456'))).toBe(false);

    const fileId = await uploadFile(t, exported.name, bytes, 'backupFile');
    const before = (await call(t, 'backups.list', {})).body.result.items.length;
    expect((await call(t, 'backups.addFromFile', { fileId })).body).toMatchObject({ ok: false, error: { fields: { password: expect.any(String) } } });
    const wrong = (await call(t, 'backups.addFromFile', { fileId, password: '桜島の噴火は2025年' })).body;
    expect(wrong).toMatchObject({ ok: false, error: { message: 'パスワードが違うか、ファイルが壊れています。' } });
    expect((await call(t, 'backups.list', {})).body.result.items).toHaveLength(before);

    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 40]! ^= 1;
    const tamperedId = await uploadFile(t, 'tampered.ccbak', tampered, 'backupFile');
    expect((await call(t, 'backups.addFromFile', { fileId: tamperedId, password: '桜島の噴火は2026年' })).body).toMatchObject({ ok: false });

    const added = (await call(t, 'backups.addFromFile', { fileId, password: '桜島の噴火は2026年' })).body.result;
    expect(added).toMatchObject({ reason: 'imported', counts: { clinics: 1, inquiries: 0 } });
    await call(t, 'clinics.create', { name: '指宿内科' });
    await call(t, 'backups.restore', { fileName: added.fileName });
    expect(await names(t)).toEqual(['霧島眼科']);
  });

  it('refuses a file that is not a backup of this app, and a short password', async () => {
    const t = await startTestHost();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const pngId = await uploadFile(t, 'photo.sqlite3', png, 'backupFile');
    expect((await call(t, 'backups.addFromFile', { fileId: pngId })).body).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: 'このファイルはこのアプリのバックアップではありません。一覧には追加していません。' } });
    expect(fs.readdirSync(path.join(t.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite3'))).toEqual([]);
    const backup = (await call(t, 'backups.create', {})).body.result;
    expect((await call(t, 'backups.export', { fileName: backup.fileName, password: '桜島の噴火2026' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('完全削除 of archived records', () => {
  it('removes archived clinics and their ended inquiries for good after a backup, keeping a clinic whose inquiry is still open', async () => {
    const t = await startTestHost();
    const gone = (await call(t, 'clinics.create', { name: '閉院した医院', kind: 'clinic_no_beds' })).body.result;
    const goneInquiry = (await call(t, 'inquiries.create', { clinicId: gone.id, receivedOn: '2026-11-24', channel: 'fax' })).body.result.inquiry;
    await call(t, 'quotes.save', { inquiryId: goneInquiry.id, clinicKind: 'clinic_no_beds', planId: 'P1' });
    await call(t, 'inquiries.changeStatus', { id: goneInquiry.id, to: 'declined', reason: '閉院', expectedRevision: goneInquiry.revision });
    await call(t, 'clinics.archive', { id: gone.id });
    const kept = (await call(t, 'clinics.create', { name: '休診中の医院' })).body.result;
    await call(t, 'inquiries.create', { clinicId: kept.id, receivedOn: '2026-11-24', channel: 'phone' });
    await call(t, 'clinics.archive', { id: kept.id });
    await call(t, 'clinics.create', { name: '通常の医院' });

    const preview = (await call(t, 'records.purgePreview', {})).body.result;
    expect(preview).toEqual({ clinics: 1, inquiries: 1, keptClinics: 1, retained: { count: 0, earliestEndsOn: null, years: 5 } });
    expect((await call(t, 'records.purgeArchived', {})).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const result = (await call(t, 'records.purgeArchived', { confirm: true })).body.result;
    expect(result).toMatchObject({ ...preview, backup: { reason: 'before-purge', counts: { clinics: 3 } } });
    expect(await names(t)).toEqual(['休診中の医院', '通常の医院']);
    expect((await call(t, 'clinics.search', { query: '閉院' , includeArchived: true })).body.result.total).toBe(0);
    expect((await call(t, 'clinics.get', { id: gone.id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The backup taken first still has everything.
    await call(t, 'backups.restore', { fileName: result.backup.fileName });
    expect(await names(t)).toEqual(['休診中の医院', '通常の医院', '閉院した医院']);
  });
});
