import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { extractZip } from '../../electron/core/files/pdfZip.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { call, downloadFile, startTestHost, waitForJob, type TestHost } from '../helpers/testHost.ts';
import { pdfInfo, pdfText } from '../helpers/pdfTools.ts';
import { tempDir } from '../helpers/tempDir.ts';

const textOf = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base = { nameKana: 'てすと', kind: 'clinic_no_beds', phone: '099-254-8127', fax: '099-254-8128', postalCode: '8920816', address: '鹿児島県鹿児島市山下町1-1' };

async function job(t: TestHost, kind: string, input: unknown): Promise<JobState> {
  const started = (await call(t, 'jobs.start', { kind, input })).body.result as JobState;
  return waitForJob(t, started.jobId);
}

async function newClinic(t: TestHost, name: string, contactPerson = '', address = base.address): Promise<string> {
  return (await call(t, 'clinics.create', { ...base, name, contactPerson, address })).body.result.id as string;
}

function storedRows(t: TestHost) {
  const db = openDatabase(t.core.dbPath);
  try {
    return db.prepare('SELECT clinic_id, documents, sha256, kept_file, sent_by FROM document_outputs ORDER BY created_at, id').all() as Record<string, string | null>[];
  } finally {
    db.close();
  }
}

/** The zip's files as a folder would hold them after unpacking: name → bytes. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const dir = tempDir('cc-zip-');
  const zipPath = path.join(dir, 'out.zip');
  fs.writeFileSync(zipPath, bytes);
  const names = await extractZip(zipPath, (name) => path.join(dir, 'files', name));
  return new Map(names.map((name) => [name, fs.readFileSync(path.join(dir, 'files', name))]));
}

describe('医療機関ごとのPDF and 宛名ラベル', () => {
  it('a mailing per clinic is a zip of one PDF per clinic, named by clinic (equal names counted), each on the trail with its own hash and kept', async () => {
    const t = await startTestHost();
    const ids = [await newClinic(t, '霧島中央クリニック'), await newClinic(t, '桜島歯科医院'), await newClinic(t, '霧島中央クリニック'), await newClinic(t, 'A/B:内科?')];
    const finished = await job(t, 'documents.render', { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: ids, output: 'perClinic' });
    expect(finished.state).toBe('succeeded');
    const result = finished.result as { file: { fileId: string; name: string; mime: string }; clinics: number };
    expect(result.clinics).toBe(4);
    expect(result.file.mime).toBe('application/zip');
    expect(result.file.name).toMatch(/^書類一式_4件_\d{4}-\d{2}-\d{2}_医療機関ごと\.zip$/);
    const files = await unzip(await downloadFile(t, result.file.fileId));
    expect([...files.keys()]).toEqual(['霧島中央クリニック.pdf', '桜島歯科医院.pdf', '霧島中央クリニック（2）.pdf', 'A_B_内科_.pdf']);
    expect(textOf(files.get('桜島歯科医院.pdf')!)).toContain('桜島歯科医院');
    expect(textOf(files.get('桜島歯科医院.pdf')!)).not.toContain('霧島中央クリニック');

    await call(t, 'documents.recordOutput', { fileId: result.file.fileId, action: 'saved', sentBy: 'post' });
    const rows = storedRows(t);
    expect(rows.map((r) => r.clinic_id)).toEqual(expect.arrayContaining(ids));
    const byClinic = new Map(rows.map((r) => [r.clinic_id, r]));
    const names = ['霧島中央クリニック.pdf', '桜島歯科医院.pdf', '霧島中央クリニック（2）.pdf', 'A_B_内科_.pdf'];
    ids.forEach((id, index) => {
      const own = files.get(names[index]!)!;
      expect(byClinic.get(id)!.sha256).toBe(sha256(own));
      // Each clinic's PDF is kept, byte for byte, and shown again from there.
      expect(fs.readFileSync(path.join(t.dataDir, 'documents', byClinic.get(id)!.kept_file!))).toEqual(own);
    });
    const [output] = (await call(t, 'documents.history', { clinicId: ids[1] })).body.result.items;
    const shown = (await call(t, 'documents.show', { outputId: output.id })).body.result;
    expect(shown).toMatchObject({ source: 'kept', matches: true });
  });

  it('宛名ラベル are an A4 PDF of the clinics, recorded as gone by post with the hash of the PDF, but no copy of the sheet is kept', async () => {
    const t = await startTestHost();
    const ids = [await newClinic(t, '霧島中央クリニック', '鈴木 一郎'), await newClinic(t, '桜島歯科医院')];
    await call(t, 'settings.saveLabelOffset', { xMm: 1, yMm: -1 });
    const finished = await job(t, 'documents.labels', { clinicIds: ids, sheet: 'a4x24', skip: 3 });
    expect(finished.state).toBe('succeeded');
    const result = finished.result as { file: { fileId: string; name: string }; pages: number; shortened: unknown[] };
    expect(result.file.name).toMatch(/^宛名ラベル_2件_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(result.shortened).toEqual([]);
    const bytes = await downloadFile(t, result.file.fileId);
    expect(pdfInfo(bytes)).toEqual({ pages: 1, pageSize: '595.28 x 841.89 pts (A4)' });
    for (const text of ['〒892-0816', '鹿児島県鹿児島市山下町1-1', '霧島中央クリニック', '鈴木一郎様', '桜島歯科医院御中']) expect(textOf(bytes)).toContain(text);
    // The print screen offers no 送付方法 for labels: they are recorded as 郵送 whatever is sent.
    await call(t, 'documents.recordOutput', { fileId: result.file.fileId, action: 'printed', sentBy: null });
    const rows = storedRows(t);
    expect(rows.map((r) => [r.documents, r.sent_by, r.sha256, r.kept_file])).toEqual([
      ['["addressLabels"]', 'post', sha256(bytes), null],
      ['["addressLabels"]', 'post', sha256(bytes), null],
    ]);
    // A sheet holds other clinics' addresses and 先方ご担当者: nothing of it is kept to outlive them.
    expect(fs.existsSync(path.join(t.dataDir, 'documents')) ? fs.readdirSync(path.join(t.dataDir, 'documents'), { recursive: true }) : []).toEqual([]);
    const [output] = (await call(t, 'documents.history', { clinicId: ids[0] })).body.result.items;
    expect(output).toMatchObject({ documents: ['addressLabels'], canShow: false });
    const shown = await call(t, 'documents.show', { outputId: output.id });
    expect(shown.body.error.message).toBe('宛名ラベルは、印刷した記録だけを残し、ファイルは保存していません（他の医療機関の宛名も載るため）。');
  });

  it('宛名ラベル one label for one clinic are not kept either', async () => {
    const t = await startTestHost();
    const id = await newClinic(t, '霧島中央クリニック', '鈴木 一郎');
    const finished = await job(t, 'documents.labels', { clinicIds: [id], sheet: 'a4x12' });
    await call(t, 'documents.recordOutput', { fileId: (finished.result as { file: { fileId: string } }).file.fileId, action: 'saved', sentBy: null });
    expect(storedRows(t).map((r) => r.kept_file)).toEqual([null]);
  });

  it('names the clinics whose label is too long to print whole, and prints the realistic ones whole', async () => {
    const t = await startTestHost();
    const whole = await newClinic(t, '霧島中央クリニック', '山田 太郎', '鹿児島県霧島市国分中央三丁目45番1号 国分メディカルビル2階');
    const longAddress = '鹿児島県霧島市国分中央三丁目四十五番地六号 霧島中央ビルディング第二別館七階七〇七号室（北側エレベーターを降りて右奥）';
    const cut = await newClinic(t, '医療法人社団 霧島中央会 霧島中央総合病院附属リハビリテーションクリニック分院', '事務長 鈴木 一郎太郎左衛門', longAddress.repeat(3).slice(0, 150));
    const finished = await job(t, 'documents.labels', { clinicIds: [whole, cut], sheet: 'a4x24' });
    expect(finished.state).toBe('succeeded');
    const result = finished.result as { file: { fileId: string }; shortened: { clinicId: string; name: string }[] };
    expect(result.shortened).toEqual([{ clinicId: cut, name: '医療法人社団 霧島中央会 霧島中央総合病院附属リハビリテーションクリニック分院' }]);
    // The building and floor that a 先方ご担当者 used to push off a 24面 label are printed.
    expect(textOf(await downloadFile(t, result.file.fileId))).toContain('国分メディカルビル2階');
  });

  it('a test print with outlines is not recorded, and 使用済みの面数 past the sheet is refused in the words of the screen', async () => {
    const t = await startTestHost();
    const id = await newClinic(t, '霧島中央クリニック');
    const test = await job(t, 'documents.labels', { clinicIds: [id], sheet: 'a4x12', outline: true });
    const file = (test.result as { file: { fileId: string } }).file;
    expect((await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'printed', sentBy: null })).body.result).toMatchObject({ recorded: 0, onTrail: false });
    expect(storedRows(t)).toEqual([]);
    const refused = await call(t, 'jobs.start', { kind: 'documents.labels', input: { clinicIds: [id], sheet: 'a4x12', skip: 12 } });
    expect(refused.body.ok).toBe(false);
    expect(refused.body.error.fields).toEqual({ 'input.skip': 'この用紙は12面です。使用済みの面数は0〜11で入力してください。' });
    // 12 is fine on a 24面 sheet; 24 is not.
    expect((await call(t, 'jobs.start', { kind: 'documents.labels', input: { clinicIds: [id], sheet: 'a4x24', skip: 12 } })).body.ok).toBe(true);
    const beyond = await call(t, 'jobs.start', { kind: 'documents.labels', input: { clinicIds: [id], sheet: 'a4x24', skip: 24 } });
    expect(beyond.body.error.fields).toEqual({ 'input.skip': 'この用紙は24面です。使用済みの面数は0〜23で入力してください。' });
    const typed = await call(t, 'jobs.start', { kind: 'documents.labels', input: { clinicIds: [id], sheet: 'a4x24', skip: 'み' } });
    expect(typed.body.error.fields).toEqual({ 'input.skip': '使用済みの面数は数字で入力してください。' });
  });

  it("the label offset is this machine's: saved, read back, and refused beyond ±5 mm with nothing changed", async () => {
    const t = await startTestHost();
    expect((await call(t, 'settings.saveLabelOffset', { xMm: -2.5, yMm: 0.4 })).body.result).toEqual({ xMm: -2.5, yMm: 0.4 });
    const refused = await call(t, 'settings.saveLabelOffset', { xMm: 9, yMm: 0 });
    expect(refused.body.ok).toBe(false);
    expect(refused.body.error.message).toMatch(/-5〜5mm/);
    expect((await call(t, 'settings.labelOffset', {})).body.result).toEqual({ xMm: -2.5, yMm: 0.4 });
    // Not in the shared settings row: another machine never sees it.
    expect((await call(t, 'settings.get', {})).body.result).not.toHaveProperty('labelOffset');
  });
});
