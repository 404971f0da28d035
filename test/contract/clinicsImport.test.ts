import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openReadOnlyDatabase } from '../../electron/core/db/connection.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { afterFirstStep, JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import { generatedClinicsCsv } from '../helpers/generatedClinicsCsv.ts';
import { call, startTestHost, type TestHost, uploadFile, downloadFile } from '../helpers/testHost.ts';
import { importCsv as importFile, previewImport as preview, runJob } from '../helpers/importJobs.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/import', name));

/** Every clinic as stored, in order: compared before and after a refused import. */
function snapshot(t: TestHost) {
  const db = openReadOnlyDatabase(t.core.dbPath);
  try {
    return db.prepare('SELECT id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, contact_person, member_number, memo, updated_at FROM clinics ORDER BY seq').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const searchNames = async (t: TestHost, query: string) =>
  ((await call(t, 'clinics.search', { query })).body.result.items as { name: string }[]).map((c) => c.name);

describe('名簿の取り込み: files as Excel writes them', () => {
  it('reads Shift_JIS with half-width kana and full-width digits, normalising like the clinic form', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '名簿.csv', fixture('shift-jis-halfwidth-kana.csv'));
    const seen = await preview(t, fileId);
    expect(seen).toMatchObject({ encoding: 'shift_jis', delimiter: 'comma', rowCount: 3, willImport: 3, rejected: 0, missing: [] });
    expect(seen.mapping).toEqual(['name', 'nameKana', 'kind', 'bedCount', 'postalCode', 'address', 'phone', 'fax', 'contactPerson', 'memberNumber', 'memo']);
    expect(seen.sample[0]).toMatchObject({ row: 2, cells: expect.arrayContaining(['ｻｸﾗｼﾞﾏ内科ｸﾘﾆｯｸ']) });

    const done = await importFile(t, fileId);
    expect(done).toMatchObject({ imported: 3, updated: 0, rejected: 0, errorsFile: null });
    const [sakurajima, takasaki, ibusuki] = snapshot(t);
    // Names stay as typed; numbers take the form's canonical shape.
    expect(sakurajima).toMatchObject({ name: 'ｻｸﾗｼﾞﾏ内科ｸﾘﾆｯｸ', postal_code: '891-1419', phone: '099-293-1234', fax: '099-293-1235', member_number: 'K-2001', bed_count: 0 });
    expect(takasaki).toMatchObject({ name: '髙﨑ﾚﾃﾞｨｰｽｸﾘﾆｯｸ', kind: 'clinic_with_beds', bed_count: 19, phone: '0995-45-6789' });
    expect(ibusuki).toMatchObject({ kind: 'hospital', bed_count: 120 });
    expect(await searchNames(t, 'さくらじま')).toEqual(['ｻｸﾗｼﾞﾏ内科ｸﾘﾆｯｸ']);
    expect(fs.readdirSync(path.join(t.dataDir, 'backups')).some((f) => f.endsWith('-before-import.sqlite3'))).toBe(true);
  });

  it('reads UTF-8 with a BOM and suggests 施設名 as the name column', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'utf8.csv', fixture('utf8-bom.csv'));
    const seen = await preview(t, fileId);
    expect(seen).toMatchObject({ encoding: 'utf8bom', headers: ['施設名', 'よみがな', '電話番号', '所在地', '郵便番号'], mapping: ['name', 'nameKana', 'phone', 'address', 'postalCode'] });
    expect((await importFile(t, fileId)).imported).toBe(2);
    expect(await searchNames(t, '𠮷田')).toEqual(['𠮷田ファミリークリニック']);
  });

  it('reads a tab-separated file and keeps commas inside its cells', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'tab.txt', fixture('tab-separated.csv'));
    const seen = await preview(t, fileId);
    expect(seen).toMatchObject({ encoding: 'utf8', delimiter: 'tab', mapping: ['name', 'phone', 'address', 'memo'], rowCount: 2 });
    await importFile(t, fileId);
    expect(snapshot(t)[0]).toMatchObject({ name: '川内こども医院', memo: '小児科, 内科' });
  });

  it('keeps quoted line breaks in a memo, joins them in a name with a space, and counts rows as Excel does', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'quoted.csv', fixture('quoted-newlines.csv'));
    const seen = await preview(t, fileId);
    expect(seen).toMatchObject({ rowCount: 3, willImport: 3, rejected: 0, changeCount: 1 });
    expect(seen.changes).toEqual([{ row: 3, clinic: '改行の 入った名前', field: '医療機関名', message: 'セル内の改行を空白にしてつなげました（「改行の 入った名前」）' }]);
    expect(await importFile(t, fileId)).toMatchObject({ imported: 3, rejected: 0 });
    expect(snapshot(t).map((c) => c.name)).toEqual(['田中内科, 分院', '改行の 入った名前', '引用符の"ある"医院']);
    expect(snapshot(t).find((c) => c.name === '田中内科, 分院')).toMatchObject({ memo: '1行目のメモ\n2行目のメモ' });
  });

  it('ignores columns it has no field for', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'extra.csv', fixture('extra-columns.csv'));
    const seen = await preview(t, fileId);
    expect(seen.mapping).toEqual(['memberNumber', '', 'name', '', '', 'phone', 'kind']);
    expect(await importFile(t, fileId)).toMatchObject({ imported: 2, rejected: 0 });
    expect(snapshot(t)[0]).toMatchObject({ name: '枕崎みなと医院', member_number: 'E-1', memo: '', contact_person: '' });
  });

  it('passes over blank rows and a title above the header, numbering problems as Excel shows the rows', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'blank.csv', fixture('empty-rows.csv'));
    const seen = await preview(t, fileId);
    expect(seen).toMatchObject({ headers: ['医療機関名', '電話番号', '種別', '病床数'], rowCount: 3, blankRows: 4, willImport: 1, rejected: 2 });
    expect(seen.problems).toEqual([
      { row: 6, clinic: '曽於ひまわり病院', field: '病床数', message: '病床数「abc」は数字で入力してください' },
      { row: 8, clinic: '大崎こころ診療所', field: '病床数', message: '有床診療所の病床数は1〜19床です（20床以上は「病院」です）' },
    ]);
  });
});

describe('名簿の取り込み: refused files change nothing', () => {
  async function expectRefused(fileName: string, bytes: Buffer | string, code: string, message: RegExp, extra: object = {}) {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '既存の医院', phone: '099-111-1111' });
    const before = snapshot(t);
    const fileId = await uploadFile(t, fileName, bytes);
    const job = await runJob(t, 'clinics.importCsv', { fileId, ...extra });
    expect(job).toMatchObject({ state: 'failed', error: { code, message: expect.stringMatching(message) } });
    expect(snapshot(t)).toEqual(before);
    return { t, fileId };
  }

  it('a file without a column for 医療機関名: a clear error naming the column, nothing imported', async () => {
    const { t, fileId } = await expectRefused('no-name.csv', fixture('missing-required.csv'), 'INVALID_INPUT', /「医療機関名」にあたる列が選ばれていない.*何も取り込んでいません/);
    const seen = await preview(t, fileId);
    expect(seen).toMatchObject({ missing: ['name'], mapping: ['phone', 'address', 'contactPerson'], willImport: 0, rowCount: 1 });
  });

  it('a PNG renamed .csv', async () => {
    await expectRefused('photo.csv', fixture('photo.png'), 'INVALID_FILE', /画像ファイル（PNG）です/);
  });

  it('an empty file', async () => {
    await expectRefused('empty.csv', fixture('empty.csv'), 'INVALID_FILE', /ファイルが空です/);
  });

  it('the first bytes of a zip, not a whole book: refused as a damaged book', async () => {
    await expectRefused('book.xlsx', Buffer.from('504b0304140000000800', 'hex'), 'INVALID_FILE', /Excelのブック（\.xlsx）として読めません.*保存し直してください/);
  });

  it('a quote that is never closed', async () => {
    await expectRefused('broken.csv', '医療機関名,電話番号\r\n"閉じない医院,099-000-0000\r\n', 'INVALID_FILE', /CSVの形式が正しくありません/);
  });

  it('a backup that cannot be written: the import fails and adds nothing', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '名簿.csv', fixture('shift-jis-halfwidth-kana.csv'));
    // A file where the backups folder should be: no copy of the list can be made first.
    const backupsDir = path.join(t.dataDir, 'backups');
    fs.rmSync(backupsDir, { recursive: true, force: true });
    fs.writeFileSync(backupsDir, '');
    const job = await runJob(t, 'clinics.importCsv', { fileId });
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INTERNAL', message: expect.stringContaining('バックアップを作成できなかったため') } });
    expect(snapshot(t)).toEqual([]);
  });

  it('a mapping that names one field twice is refused before the job starts', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'extra.csv', fixture('extra-columns.csv'));
    const res = await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId, mapping: ['name', '', 'name', '', '', 'phone', 'kind'] } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('同じ項目が2つ以上の列に選ばれています') });
    expect(snapshot(t)).toEqual([]);
  });
});

describe('名簿の取り込み: rows that are clinics already registered', () => {
  async function withRegistered() {
    const t = await startTestHost();
    const member = (await call(t, 'clinics.create', { name: '日置会員医院', memberNumber: 'D-100', contactPerson: '前の担当者', phone: '099-500-1111' })).body.result;
    const phone = (await call(t, 'clinics.create', { name: '串木野電話医院', phone: '099-500-2222', memo: '消してはいけないメモ' })).body.result;
    const named = (await call(t, 'clinics.create', { name: '名前と所在地で一致するクリニック', address: '鹿児島県南さつま市加世田３－３' })).body.result;
    const fileId = await uploadFile(t, 'dup.csv', fixture('duplicates.csv'));
    return { t, fileId, ids: { member: member.id as string, phone: phone.id as string, named: named.id as string } };
  }

  it('finds each match by 会員番号, phone, or name and address, and skips them', async () => {
    const { t, fileId } = await withRegistered();
    const seen = await preview(t, fileId, { onMatch: 'skip' });
    expect(seen).toMatchObject({ matches: { byId: 0, byMemberNumber: 1, byPhone: 1, byNameAddress: 1 }, willImport: 1, willSkip: 3, willUpdate: 0 });
    const before = snapshot(t);
    expect(await importFile(t, fileId, { onMatch: 'skip' })).toMatchObject({ imported: 1, skipped: 3, updated: 0 });
    const after = snapshot(t);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after.map((c) => c.name)).toContain('まったく新しい医院');
  });

  it('updates matched clinics with the filled cells only, leaving other fields as they were', async () => {
    const { t, fileId, ids } = await withRegistered();
    expect(await preview(t, fileId, { onMatch: 'update' })).toMatchObject({ willImport: 1, willUpdate: 3, willSkip: 0 });
    expect(await importFile(t, fileId, { onMatch: 'update' })).toMatchObject({ imported: 1, updated: 3 });
    const byId = new Map(snapshot(t).map((c) => [c.id, c]));
    expect(byId.get(ids.member)).toMatchObject({ name: '会員番号で一致する医院', contact_person: '新しい担当者', phone: '0995-00-9999', address: '鹿児島県日置市1-1' });
    expect(byId.get(ids.phone)).toMatchObject({ name: '電話で一致する医院', memo: '消してはいけないメモ', phone: '0995-00-2222' });
    expect(byId.get(ids.named)).toMatchObject({ address: '鹿児島県南さつま市加世田3-3' });
    expect(byId.size).toBe(4);
  });

  it('adds matched rows as new clinics when asked, except a 会員番号 that is taken', async () => {
    const { t, fileId } = await withRegistered();
    const done = await importFile(t, fileId, { onMatch: 'addNew' });
    expect(done).toMatchObject({ imported: 3, rejected: 1, problems: [{ row: 2, field: '会員番号', message: '会員番号「D-100」はすでに別の医療機関に登録されています' }] });
    expect(snapshot(t)).toHaveLength(6);
  });

  it('offers the rejected rows as a CSV in the file own encoding, with 行番号 and 理由', async () => {
    const t = await startTestHost();
    const csv = '医療機関名,電話番号,病床数\r\nｱｵﾊﾞ医院,099-600-1111,\r\n番号違い医院,電話はありません,\r\n,099-600-3333,\r\n';
    const fileId = await uploadFile(t, '取込.csv', iconv.encode(csv, 'cp932'));
    const done = await importFile(t, fileId);
    expect(done).toMatchObject({ imported: 1, rejected: 2, problemCount: 2 });
    expect(done.errorsFile?.name).toBe('取り込めなかった行_取込.csv');
    const text = iconv.decode(await downloadFile(t, done.errorsFile!.fileId), 'cp932');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('医療機関名,電話番号,病床数,行番号,理由');
    expect(lines[1]).toMatch(/^番号違い医院,電話はありません,,3,電話番号：/);
    expect(lines[2]).toBe(',099-600-3333,,4,医療機関名：医療機関名を入力してください');
  });
});

describe('名簿の取り込み: cancelling', () => {
  it('leaves no rows when cancelled while writing, and the app writes again at once', async () => {
    const pauseJobs = new JobPausePoint((state) => state.progress.label.startsWith('書き込んで') && afterFirstStep(state));
    const t = await startTestHost({ pauseJobs });
    const list = generatedClinicsCsv({ rows: 1200 });
    const fileId = await uploadFile(t, '名簿.csv', list.bytes);
    const job = (await call(t, 'jobs.start', { kind: 'clinics.importCsv', input: { fileId } })).body.result as JobState;
    // Held inside the import's one transaction, after its first 500 rows.
    const held = await pauseJobs.reached(job.jobId);
    expect(held).toMatchObject({ state: 'running', progress: { done: 500 } });
    expect(held.progress.label).toMatch(/^書き込んでいます 500 \/ [\d,]+ 件$/);
    const cancelled = (await call(t, 'jobs.cancel', { jobId: job.jobId })).body.result as JobState;
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED', message: '処理を中止しました。' } });
    expect(snapshot(t)).toEqual([]);
    expect(fs.readdirSync(path.join(t.dataDir, 'tmp', 'files'))).toEqual([fileId]);
    expect((await call(t, 'clinics.create', { name: '中止のあとの医院' })).status).toBe(200);
    expect(snapshot(t).map((c) => c.name)).toEqual(['中止のあとの医院']);
  });
});
